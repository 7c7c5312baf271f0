//! A workshop session on disk: its code, whether it is open, and every accepted submission
//! as one JSON line, flushed to disk before the phone hears "ontvangen". A restart with the
//! same data folder reads it all back and goes on with the same code, so the QR codes in the
//! room keep working.
//!
//! Files in the data folder:
//! - `sessie.json`: `{"format":"leerrecht-workshop-sessie/1","code":"K7QM2XPA","started":MS,"closed":false}`
//! - `inzendingen-K7QM2XPA.jsonl`: one [`Submission`] per line, in arrival order; a later line of
//!   the same participant and instrument replaces the earlier one.

use std::collections::BTreeMap;
use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, Write};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::instruments::Instrument;
use super::submission::{Submission, MAX_BODY};

/// Crockford's base32 digits: no I, L, O or U to mistake.
const DIGITS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LEN: usize = 8;
const FORMAT: &str = "leerrecht-workshop-sessie/1";
/// A data file larger than this is not read back (200 participants take about 400 kB).
const MAX_DATA: u64 = 64 * 1024 * 1024;

/// A session code: 8 Crockford base32 digits (40 random bits), canonical upper case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionCode(String);

impl SessionCode {
    pub fn random() -> io::Result<SessionCode> {
        let mut bytes = [0u8; CODE_LEN];
        getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
        Ok(SessionCode(
            bytes
                .iter()
                .map(|b| char::from(DIGITS[usize::from(b % 32)]))
                .collect(),
        ))
    }

    /// Read a code as a person may type it: any case, with dashes or spaces, O for 0, I or
    /// L for 1.
    pub fn parse(text: &str) -> Option<SessionCode> {
        let mut code = String::with_capacity(CODE_LEN);
        for c in text.chars() {
            let c = match c.to_ascii_uppercase() {
                '-' | ' ' => continue,
                'O' => '0',
                'I' | 'L' => '1',
                c => c,
            };
            if !c.is_ascii() || !DIGITS.contains(&(c as u8)) || code.len() == CODE_LEN {
                return None;
            }
            code.push(c);
        }
        (code.len() == CODE_LEN).then_some(SessionCode(code))
    }

    pub fn matches(&self, text: &str) -> bool {
        SessionCode::parse(text).as_ref() == Some(self)
    }

    /// As in URLs: `K7QM2XPA`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As shown to people: `K7QM-2XPA`.
    pub fn grouped(&self) -> String {
        format!("{}-{}", &self.0[..4], &self.0[4..])
    }
}

#[derive(Serialize, Deserialize)]
struct SessionFile {
    format: String,
    code: String,
    started: u64,
    closed: bool,
}

/// How a session began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    New,
    /// Read back from the data folder: submissions counted, and lines that could not be
    /// read (a half-written last line after a crash, or answers the build no longer has).
    Resumed {
        submissions: usize,
        skipped: usize,
    },
}

/// The current submission per (instrument, participant).
type Current = BTreeMap<(String, String), Submission>;

pub struct Store {
    dir: PathBuf,
    code: SessionCode,
    started: u64,
    open: bool,
    file: File,
    current: Current,
    /// Goes up with every change; the trainer's page waits for it to move.
    seq: u64,
}

pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl Store {
    /// Open the session in `dir`: the one found there (open or closed), or a new one when
    /// there is none or `fresh` asks for it.
    pub fn open(
        dir: &Path,
        fresh: bool,
        instruments: &BTreeMap<String, Instrument>,
    ) -> io::Result<(Store, Start)> {
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| in_folder(dir, e))?;
        let previous = if fresh { None } else { read_session(dir)? };
        // A closed session is resumed too (and stays closed): after a restart the trainer
        // still sees the results. A new session is always asked for.
        let (code, started, open, resumed) =
            match previous.and_then(|s| SessionCode::parse(&s.code).map(|c| (c, s))) {
                Some((code, s)) => (code, s.started, !s.closed, true),
                None => (SessionCode::random()?, now_ms(), true, false),
            };
        let path = data_path(dir, &code);
        let mut file = OpenOptions::new()
            .create(true)
            .read(true)
            .append(true)
            .open(&path)
            .map_err(|e| in_folder(&path, e))?;
        let (current, skipped) = read_back(&mut file, instruments)?;
        let store = Store {
            dir: dir.to_path_buf(),
            code,
            started,
            open,
            file,
            seq: 0,
            current,
        };
        store.write_session()?;
        let start = if resumed {
            Start::Resumed {
                submissions: store.current.len(),
                skipped,
            }
        } else {
            Start::New
        };
        Ok((store, start))
    }

    pub fn code(&self) -> &SessionCode {
        &self.code
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    pub fn seq(&self) -> u64 {
        self.seq
    }

    pub fn data_file(&self) -> PathBuf {
        data_path(&self.dir, &self.code)
    }

    /// Store a checked submission: on disk first (flushed), then in memory. True when it
    /// replaced an earlier one of the same participant for the same instrument.
    pub fn add(&mut self, submission: Submission) -> io::Result<bool> {
        let mut line = serde_json::to_vec(&submission).map_err(io::Error::other)?;
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.sync_data()?;
        let key = (
            submission.instrument.clone(),
            submission.participant.clone(),
        );
        let replaced = self.current.insert(key, submission).is_some();
        self.seq += 1;
        Ok(replaced)
    }

    /// Close (no more submissions) or open again.
    pub fn set_open(&mut self, open: bool) -> io::Result<()> {
        self.open = open;
        self.write_session()?;
        self.seq += 1;
        Ok(())
    }

    /// Remove every submission, from disk as well. The number removed.
    pub fn clear(&mut self) -> io::Result<usize> {
        self.file.set_len(0)?;
        self.file.sync_all()?;
        let removed = self.current.len();
        self.current.clear();
        self.seq += 1;
        Ok(removed)
    }

    /// The current submissions in arrival order.
    pub fn submissions(&self) -> Vec<&Submission> {
        let mut list: Vec<&Submission> = self.current.values().collect();
        list.sort_by_key(|s| s.received);
        list
    }

    /// Participants per instrument.
    pub fn counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for (instrument, _) in self.current.keys() {
            *counts.entry(instrument.as_str()).or_insert(0) += 1;
        }
        counts
    }

    pub fn started(&self) -> u64 {
        self.started
    }

    fn write_session(&self) -> io::Result<()> {
        let session = SessionFile {
            format: FORMAT.into(),
            code: self.code.as_str().into(),
            started: self.started,
            closed: !self.open,
        };
        let path = self.dir.join("sessie.json");
        let temp = self.dir.join(".sessie.json.nieuw");
        let mut file = File::create(&temp).map_err(|e| in_folder(&temp, e))?;
        file.write_all(&serde_json::to_vec_pretty(&session).map_err(io::Error::other)?)?;
        file.sync_all()?;
        std::fs::rename(&temp, &path).map_err(|e| in_folder(&path, e))?;
        File::open(&self.dir)?.sync_all()
    }
}

fn data_path(dir: &Path, code: &SessionCode) -> PathBuf {
    dir.join(format!("inzendingen-{}.jsonl", code.as_str()))
}

fn in_folder(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "{}: {e}; kies met --data een map waarin je mag schrijven",
            path.display()
        ),
    )
}

fn read_session(dir: &Path) -> io::Result<Option<SessionFile>> {
    let path = dir.join("sessie.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(in_folder(&path, e)),
    };
    match serde_json::from_str::<SessionFile>(&text) {
        Ok(s) if s.format == FORMAT => Ok(Some(s)),
        _ => Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} is geen sessiebestand van leerrecht; verwijder het of start met --nieuwe-sessie",
                path.display()
            ),
        )),
    }
}

/// Every readable line, checked again against the build: the last one per participant and
/// instrument counts. Also makes sure the next line starts on a line of its own.
fn read_back(
    file: &mut File,
    instruments: &BTreeMap<String, Instrument>,
) -> io::Result<(Current, usize)> {
    file.rewind()?;
    let mut current = BTreeMap::new();
    let mut skipped = 0;
    let mut reader = BufReader::new(Read::by_ref(file).take(MAX_DATA));
    let mut line = Vec::new();
    let mut ends_with_newline = true;
    loop {
        line.clear();
        let n = reader
            .by_ref()
            .take(MAX_BODY as u64 * 4)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            break;
        }
        ends_with_newline = line.ends_with(b"\n");
        let valid = serde_json::from_slice::<Submission>(&line)
            .ok()
            .filter(|s| still_valid(s, instruments));
        match valid {
            Some(s) => {
                current.insert((s.instrument.clone(), s.participant.clone()), s);
            }
            None if line.iter().all(u8::is_ascii_whitespace) => {}
            None => skipped += 1,
        }
    }
    drop(reader);
    if !ends_with_newline {
        file.write_all(b"\n")?;
        file.sync_data()?;
    }
    Ok((current, skipped))
}

fn still_valid(s: &Submission, instruments: &BTreeMap<String, Instrument>) -> bool {
    instruments
        .get(&s.instrument)
        .is_some_and(|i| i.version == s.version && i.check_answers(&s.answers).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_as_people_type_them() {
        let code = SessionCode::parse("K7QM2XPA").unwrap();
        assert!(code.matches("k7qm-2xpa"));
        assert!(code.matches(" K7QM 2XPA "));
        assert!(!code.matches("K7QM2XPB"));
        assert!(!code.matches("K7QM2XP"));
        assert!(!code.matches("K7QM2XPAA"));
        assert_eq!(SessionCode::parse("ILO00000").unwrap().as_str(), "11000000");
        assert!(SessionCode::parse("K7QM2XPÄ").is_none());
        assert_eq!(code.grouped(), "K7QM-2XPA");
        let random = SessionCode::random().unwrap();
        assert!(SessionCode::parse(random.as_str()).is_some());
    }
}
