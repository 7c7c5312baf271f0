//! One participant's submission: the JSON a phone sends, every check it must pass, and the
//! Dutch reason for each refusal. Only [`check`] makes a [`Submission`], so whatever is
//! stored or counted has passed all of them.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::instruments::Instrument;
use super::session::SessionCode;

/// A submission is at most this large (a 60-question checklist takes about 2 kB).
pub const MAX_BODY: usize = 16 * 1024;
/// Names are shown on the trainer's screen, nothing more.
pub const MAX_NAME: usize = 60;

/// The body of `POST /_workshop/inzending`; see `docs/workshop-api.md`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Incoming {
    sessie: String,
    instrument: String,
    version: u64,
    participant: String,
    #[serde(default)]
    name: Option<String>,
    answers: BTreeMap<String, Value>,
}

/// A checked submission, as stored (one JSON line) and counted.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Submission {
    pub instrument: String,
    pub version: u64,
    pub participant: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub answers: BTreeMap<String, Value>,
    /// Milliseconds since 1970 when the server accepted it.
    pub received: u64,
}

/// Why a submission was refused: a code for the page, a status, a sentence for the person.
#[derive(Debug, PartialEq)]
pub struct Refusal {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl Refusal {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Refusal {
        Refusal {
            status,
            code,
            message: message.into(),
        }
    }
}

/// Parse and check a body against the session and the build's instruments.
pub fn check(
    body: &[u8],
    session: &SessionCode,
    instruments: &BTreeMap<String, Instrument>,
    now_ms: u64,
) -> Result<Submission, Refusal> {
    if body.len() > MAX_BODY {
        return Err(too_large());
    }
    let incoming: Incoming = serde_json::from_slice(body).map_err(|e| {
        Refusal::new(
            StatusCode::BAD_REQUEST,
            "opmaak",
            format!(
                "De inzending is geen geldige JSON van een deelnemerspagina ({}). Laad de pagina opnieuw en probeer het nog eens.",
                json_problem(&e)
            ),
        )
    })?;
    if !session.matches(&incoming.sessie) {
        return Err(Refusal::new(
            StatusCode::FORBIDDEN,
            "sessie",
            "De sessiecode klopt niet. Scan de QR-code van de trainer opnieuw.",
        ));
    }
    let Some(instrument) = instruments.get(&incoming.instrument) else {
        return Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "instrument",
            "Dit instrument kent de workshop niet. Scan de QR-code van de trainer opnieuw.",
        ));
    };
    if instrument.version != incoming.version {
        return Err(Refusal::new(
            StatusCode::CONFLICT,
            "versie",
            format!(
                "Deze pagina hoort bij versie {} van {}, de trainer gebruikt versie {}. Laad de pagina opnieuw; je antwoorden blijven bewaard.",
                incoming.version, instrument.title, instrument.version
            ),
        ));
    }
    check_participant(&incoming.participant)?;
    let name = check_name(incoming.name)?;
    instrument
        .check_answers(&incoming.answers)
        .map_err(|message| Refusal::new(StatusCode::UNPROCESSABLE_ENTITY, "antwoorden", message))?;
    Ok(Submission {
        instrument: incoming.instrument,
        version: incoming.version,
        participant: incoming.participant,
        name,
        answers: incoming.answers,
        received: now_ms,
    })
}

pub fn too_large() -> Refusal {
    Refusal::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "te-groot",
        format!(
            "De inzending is groter dan {} kB. Stuur alleen de antwoorden van één instrument.",
            MAX_BODY / 1024
        ),
    )
}

/// A random id the page made: 8 to 64 letters, digits, `-` or `_`.
fn check_participant(id: &str) -> Result<(), Refusal> {
    let ok = (8..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "deelnemer",
            "De deelnemerscode van deze pagina is ongeldig. Laad de pagina opnieuw.",
        ))
    }
}

/// A name is optional text of at most [`MAX_NAME`] characters, without markup or control
/// characters: it is only ever shown as text, and refusing `<` and `>` keeps it so in any
/// export a trainer opens elsewhere.
fn check_name(name: Option<String>) -> Result<Option<String>, Refusal> {
    let Some(name) = name else { return Ok(None) };
    let name = name.trim().to_string();
    if name.is_empty() {
        return Ok(None);
    }
    if name.chars().count() > MAX_NAME {
        return Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "naam",
            format!("Een naam is hoogstens {MAX_NAME} tekens. Kort je naam in of laat hem weg."),
        ));
    }
    if name
        .chars()
        .any(|c| c.is_control() || invisible(c) || c == '<' || c == '>')
    {
        return Err(Refusal::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "naam",
            "Een naam mag geen < of > of onzichtbare tekens bevatten. Typ alleen je naam.",
        ));
    }
    Ok(Some(name))
}

/// Format characters that change how text around them looks: zero-width characters and
/// the bidirectional overrides (which can make a name read as something else).
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}'
    )
}

/// serde's message in Dutch: what kind of problem, and the field it names.
fn json_problem(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let field = text
        .split('`')
        .nth(1)
        .unwrap_or("")
        .chars()
        .take(40)
        .collect::<String>();
    match e.classify() {
        serde_json::error::Category::Eof => "de tekst houdt te vroeg op".into(),
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            format!("opmaakfout op regel {}, kolom {}", e.line(), e.column())
        }
        serde_json::error::Category::Data if text.starts_with("missing field") => {
            format!("het veld {field} ontbreekt")
        }
        serde_json::error::Category::Data if text.starts_with("unknown field") => {
            format!("het veld {field} hoort er niet in")
        }
        serde_json::error::Category::Data => "een veld heeft de verkeerde soort waarde".into(),
    }
}
