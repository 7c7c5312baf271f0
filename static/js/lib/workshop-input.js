// What a trainer pastes or drops into the workshop page, read into participants' answers (no
// DOM). Share codes one per line, optionally with the participant's name in front:
//
//   1.tien-punten.1.WVA.AbCdEf
//   Sanne: 1.tien-punten.1.WVA.AbCdEf
//   https://example.org/handboek/instrumenten/tien-punten.html#r=1.tien-punten.1.WVA.AbCdEf
//
// "Naam: " is everything before the first colon that is followed by a space (so the colon of
// "https://" never counts). Result files are read with result-file.js; the optional "name" in
// the file is the participant's own. Nothing here trusts the input: a name is only ever text,
// and every answer passes the checks of share-code.js or result-file.js.

import { decodeCode, encodeCode } from './share-code.js';
import { readResultFile } from './result-file.js';
import { isEmpty, quote } from './instrument-answers.js';
import { plural } from './nl-format.js';

export const MAX_NAME = 60;

/** A participant id as the workshop server accepts it (8–64 of A-Z a-z 0-9 - _), else null. */
export function cleanParticipant(raw) {
  return typeof raw === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(raw) ? raw : null;
}

/** A typed name as one short line of text, or null when there is none. */
export function cleanName(raw) {
  if (typeof raw !== 'string') return null;
  // Control characters (line breaks, tabs, bidi controls from a chat) become spaces.
  const text = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > MAX_NAME ? text.slice(0, MAX_NAME).trim() : text;
}

/** "Naam: CODE" → { name, code }; a line without a name is all code. */
export function splitLine(line) {
  const m = /^([^:]{1,200}?)\s*:\s+(\S.*)$/.exec(String(line).trim());
  if (m && !/^(https?|file)$/i.test(m[1].trim())) return { name: cleanName(m[1]), code: m[2] };
  return { name: null, code: String(line) };
}

/** The text a participant hands over: the code, with the name in front when there is one. */
export function handOver(name, code) {
  const clean = cleanName(String(name ?? '').replace(/:/g, ' '));
  return clean ? `${clean}: ${code}` : code;
}

function shorten(text) {
  const t = String(text).trim();
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

/**
 * Pasted text → { candidates: [{ where, line, name, answers, source: 'code' }],
 * problems: [{ where, line, text, reason, message }] }. Empty lines are skipped silently.
 */
export function readLines(text, instrument) {
  const candidates = [];
  const problems = [];
  String(text ?? '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `Regel ${i + 1}`;
      const { name, code } = splitLine(raw);
      const decoded = decodeCode(code, instrument);
      if (!decoded.ok) {
        problems.push({ where, line: i + 1, text: raw, shown: shorten(raw), reason: decoded.reason, message: decoded.message });
      } else if (isEmpty(decoded.answers)) {
        problems.push({ where, line: i + 1, text: raw, shown: shorten(raw), reason: 'geen-antwoorden', message: 'In deze code staan nog geen antwoorden.' });
      } else {
        candidates.push({ where, line: i + 1, name, answers: decoded.answers, participant: decoded.participant ?? null, source: 'code', file: null, notes: [] });
      }
    });
  return { candidates, problems };
}

/**
 * The text of one result file → { candidate } or { problem: { where, file, message } }. A file
 * of an older version or another handbook is taken where it fits; `notes` says what happened.
 */
export function readFile(text, fileName, instrument, site) {
  const file = String(fileName ?? 'bestand');
  const where = `Bestand ${quote(file)}`;
  const result = readResultFile(text, instrument, site);
  if (!result.ok) return { problem: { where, file, reason: 'bestand', message: result.message } };
  if (isEmpty(result.answers)) return { problem: { where, file, reason: 'geen-antwoorden', message: 'In dit bestand staan nog geen antwoorden.' } };
  let name = null;
  let participant = null;
  try {
    const data = JSON.parse(text);
    name = cleanName(data.name);
    participant = cleanParticipant(data.participant);
  } catch {
    name = null; // readResultFile parsed it already; this cannot fail, but a name is optional anyway
  }
  const notes = [...result.warnings];
  if (result.dropped.length) notes.push(`${plural(result.dropped.length, 'onderdeel', 'onderdelen')} niet overgenomen: ${result.dropped.join('; ')}.`);
  return { candidate: { where, line: null, name, answers: result.answers, participant, source: 'bestand', file, notes } };
}

// ----- the participants of one instrument ----------------------------------------------------

export function emptySession(instrument) {
  return { version: instrument.version, next: 1, participants: [] };
}

/** "Deelnemer 3" ("Telefoon 3" when sent to `leerrecht workshop`), or the name typed. */
export function participantLabel(p) {
  return p.name ?? `${p.source === 'server' ? 'Telefoon' : 'Deelnemer'} ${p.n}`;
}

/** Two answer sets are the same when their share codes would be (every slot alike). */
function sameAnswers(instrument, a, b) {
  return encodeCode(instrument, a.answers) === encodeCode(instrument, b.answers);
}

/**
 * Two results are the same participant when both carry a participant id and the ids are equal
 * (every participant page makes one at random: two people who answered alike still count
 * twice). A result without an id (a code of format 1, an older file) is the same participant
 * when the answers are identical and the two do not carry two different names.
 */
function sameParticipant(instrument, a, b) {
  if (a.participant && b.participant) return a.participant === b.participant;
  if (!sameAnswers(instrument, a, b)) return false;
  return !a.name || !b.name || a.name.toLowerCase() === b.name.toLowerCase();
}

/**
 * Add candidates to a session: { session (new object), added: [participant],
 * duplicates: [{ where, line, of (label) }], replaced: [{ where, line, of }] }. A result of a
 * participant already in the list with other answers replaces the earlier answers (the
 * participant changed their mind and sent again); with the same answers it is a duplicate.
 * Numbers keep counting up, also after a removal, so "Deelnemer 3" stays the same person.
 */
export function addCandidates(session, instrument, candidates) {
  const participants = [...session.participants];
  let next = session.next;
  const added = [];
  const duplicates = [];
  const replaced = [];
  for (const c of candidates) {
    const at = participants.findIndex((p) => sameParticipant(instrument, p, c));
    if (at >= 0) {
      const earlier = participants[at];
      if (sameAnswers(instrument, earlier, c)) {
        duplicates.push({ where: c.where, line: c.line, of: participantLabel(earlier) });
      } else {
        participants[at] = { ...earlier, name: c.name ?? earlier.name, answers: c.answers };
        replaced.push({ where: c.where, line: c.line, of: participantLabel(participants[at]) });
      }
      continue;
    }
    const p = { n: next, name: c.name ?? null, source: c.source, file: c.file ?? null, participant: c.participant ?? null, answers: c.answers };
    next += 1;
    participants.push(p);
    added.push(p);
  }
  return { session: { ...session, next, participants }, added, duplicates, replaced };
}

export function removeParticipant(session, n) {
  return { ...session, participants: session.participants.filter((p) => p.n !== n) };
}
