// The share code: all answers of one instrument packed into a short text that also works as a
// link (#r=CODE, in the URL fragment, which no server sees). The workshop page reads the same
// codes; the format is documented in docs/deelcode.md. No DOM.
//
// Format 2 (written now): Crockford base32 (crockford.js), grouped in fours, case-insensitive,
// with a check that points at the character with a typo:
//
//   2K7M-Q3J9-X2MQ-0000-7F2P-XX9A
//   one symbol each 5 bits: format (2) · instrument tag (3: CRC-32 of the id, low 15 bits) ·
//   version (2) · participant id (8,
//   or 00000000) · the answers (bytes as symbols) · check (4: two sums modulo 1021)
//
// Format 1 (still read; written only for a version above 1023):
//
//   1.tien-punten.1.WVA.AbCdEf
//   │ │           │ │   └ check: CRC-32 of everything before the last dot, 4 bytes, base64url
//   │ │           │ └ data: the answers, base64url without padding
//   │ │           └ instrument version
//   │ └ instrument id
//   └ format of the code
//
// Data: the answers as bytes, packed by the instrument's kind (its codec, code-packing.js):
// choices as bits per slot, or numbers as text.
// Notes are never in the code: they are long and may be about a child.

import { slotsOf, quote } from './instrument-answers.js';
import { kindOf, findKind } from './kinds.js';
import { crc32Of } from './crc32.js';
import { ALPHABET as SYMBOLS, symbolValue, bytesToSymbols, symbolsToBytes, grouped } from './crockford.js';

export const CODE_FORMAT = 2;
const FORMAT_1 = 1;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64url(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c += 1) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** base64url → bytes, or null when the text is not canonical base64url. */
export function fromBase64url(text) {
  if (text.length % 4 === 1) return null;
  const bytes = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let c = 0; c < 4; c += 1) {
      const v = c < chunk.length ? ALPHABET.indexOf(chunk[c]) : 0;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    const count = chunk.length - 1;
    for (let b = 0; b < count; b += 1) bytes.push((n >> (16 - 8 * b)) & 255);
  }
  return toBase64url(bytes) === text ? bytes : null;
}

/** CRC-32 (as in zip and PNG) of an ASCII string. */
export function crc32(text) {
  return crc32Of(text.length, (i) => text.charCodeAt(i) & 255);
}

function checkOf(text) {
  const c = crc32(text);
  return toBase64url([(c >>> 24) & 255, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]);
}

/** A share code of format 1 (dots, base64url, case-sensitive): read still, no longer made. */
export function encodeCodeV1(instrument, answers) {
  const bytes = kindOf(instrument).codec.encode(slotsOf(instrument), answers);
  const body = `${FORMAT_1}.${instrument.id}.${instrument.version}.${toBase64url(bytes)}`;
  return `${body}.${checkOf(body)}`;
}

// ----- format 2 ---------------------------------------------------------------------------------

/** The check's modulus: a prime above 32 and above the length of any code. */
export const CHECK_PRIME = 1021;
const NO_PARTICIPANT = '00000000';
const HEAD = 14; // format 1 + tag 3 + version 2 + participant 8

/** 15 bits of the CRC-32 of the instrument id: which instrument, without spelling out the id. */
export const instrumentTag = (id) => crc32(id) & 0x7fff;

function numberSymbols(value, count) {
  const out = [];
  for (let i = count - 1; i >= 0; i -= 1) out.push(Math.floor(value / 32 ** i) % 32);
  return out;
}

const symbolsNumber = (symbols) => symbols.reduce((n, s) => n * 32 + s, 0);

/**
 * The two sums of the check over the symbols before it, position i counted from 1: S0 = Σ sᵢ and
 * S1 = Σ i·sᵢ, both modulo 1021. One changed symbol at position j changes S0 by e and S1 by j·e,
 * so j = ΔS1 / ΔS0 names it; two swapped neighbours change S1 and are caught too.
 */
export function checkSums(symbols) {
  let s0 = 0;
  let s1 = 0;
  symbols.forEach((v, i) => {
    s0 = (s0 + v) % CHECK_PRIME;
    s1 = (s1 + (i + 1) * v) % CHECK_PRIME;
  });
  return [s0, s1];
}

/**
 * The share code for these answers: format 2, grouped in fours. `participant` is the random id
 * of the participant page (8 Crockford symbols), or none. A version above 1023 does not fit in
 * two symbols and gets a code of format 1.
 */
export function encodeCode(instrument, answers, { participant = null } = {}) {
  if (!(instrument.version >= 1 && instrument.version <= 1023)) return encodeCodeV1(instrument, answers);
  const bytes = kindOf(instrument).codec.encode(slotsOf(instrument), answers);
  const id = /^[0-9A-HJKMNP-TV-Z]{8}$/.test(participant ?? '') ? participant : NO_PARTICIPANT;
  const symbols = [CODE_FORMAT, ...numberSymbols(instrumentTag(instrument.id), 3), ...numberSymbols(instrument.version, 2), ...Array.from(id, symbolValue), ...bytesToSymbols(bytes)];
  const [s0, s1] = checkSums(symbols);
  return grouped([...symbols, ...numberSymbols(s0, 2), ...numberSymbols(s1, 2)].map((v) => SYMBOLS[v]).join(''));
}

const TYPO = 'De code bevat een tikfout';
const BROKEN = 'De code is beschadigd: er zit een tikfout in, of er mist een teken. Neem hem opnieuw over.';

/** "teken 7 (het 3e van groep 2)": a position in the code as the reader sees it, grouped. */
function where(position) {
  const group = Math.ceil(position / 4);
  const within = position - (group - 1) * 4;
  return `teken ${position} (het ${within}e van groep ${group})`;
}

/**
 * The outside of a format 2 code (already without spaces): { ok, format, tag, version,
 * participant, data: bytes } or a refusal whose message names the character with a typo when
 * the check can find it.
 */
function parseV2(code) {
  const text = code.replace(/-/g, '');
  const symbols = [];
  for (let i = 0; i < text.length; i += 1) {
    const v = symbolValue(text[i]);
    if (v < 0) return fail('beschadigd', `${TYPO}: ${where(i + 1)} kan niet in een code staan${/u/i.test(text[i]) ? ' (is het een V?)' : ''}.`);
    symbols.push(v);
  }
  if (symbols.length < HEAD + 4) return symbols[0] > CODE_FORMAT ? newer(symbols[0]) : fail('onvolledig', 'De code is niet compleet. Neem hem helemaal over.');
  const body = symbols.slice(0, -4);
  const stored = [symbolsNumber(symbols.slice(-4, -2)), symbolsNumber(symbols.slice(-2))];
  const [c0, c1] = checkSums(body);
  if (c0 !== stored[0] || c1 !== stored[1]) {
    const d0 = (c0 - stored[0] + CHECK_PRIME) % CHECK_PRIME;
    const d1 = (c1 - stored[1] + CHECK_PRIME) % CHECK_PRIME;
    // One changed symbol at position j: d1 = j·d0 (mod 1021), and the symbol was body[j-1] − e.
    const e = d0 > CHECK_PRIME / 2 ? d0 - CHECK_PRIME : d0;
    for (let j = 1; d0 && Math.abs(e) < 32 && j <= body.length && j < CHECK_PRIME; j += 1) {
      if ((j * d0) % CHECK_PRIME === d1 && body[j - 1] - e >= 0 && body[j - 1] - e < 32) return fail('beschadigd', `${TYPO}: ${where(j)} lijkt verkeerd.`);
    }
    return symbols[0] > CODE_FORMAT ? newer(symbols[0]) : fail('beschadigd', BROKEN);
  }
  if (symbols[0] !== CODE_FORMAT) return symbols[0] > CODE_FORMAT ? newer(symbols[0]) : fail('opmaak', NOT_OURS);
  const participant = body.slice(6, HEAD).map((v) => SYMBOLS[v]).join('');
  const data = symbolsToBytes(body.slice(HEAD));
  if (!data) return fail('beschadigd', BROKEN);
  return {
    ok: true,
    format: CODE_FORMAT,
    tag: symbolsNumber(body.slice(1, 4)),
    version: symbolsNumber(body.slice(4, 6)),
    participant: participant === NO_PARTICIPANT ? null : participant,
    data,
  };
}

/** The link for a page address: the address without its fragment, plus #r=CODE. */
export function shareLink(pageUrl, code) {
  return `${pageUrl.split('#')[0]}#r=${code}`;
}

/** The code inside a pasted link or text (#r=CODE, r=CODE or the bare code), spaces removed. */
export function extractCode(text) {
  let t = String(text ?? '').replace(/\s+/g, '');
  const at = t.search(/[#&?]r=/);
  if (at >= 0) t = t.slice(at + 3);
  else if (t.startsWith('r=')) t = t.slice(2);
  const end = t.search(/[&#]/);
  if (end >= 0) t = t.slice(0, end);
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep the text as it is; the checks below will say what is wrong
  }
  return t;
}

const NOT_OURS = 'Dit is geen deelcode van dit handboek. Een deelcode begint met een 2 (of met "1." en de naam van het instrument).';
const newer = (n) => fail('nieuwer', `Deze code is gemaakt met een nieuwere versie van het handboek (opmaak ${n}). Open hem in die versie.`);

function fail(reason, message) {
  return { ok: false, reason, message };
}

/**
 * Read the outside of a code without the instrument: format 2 { ok, format: 2, tag, version,
 * participant, data: bytes }, format 1 { ok, format: 1, instrument, version, data: base64url },
 * or { ok: false, reason, message }.
 */
export function parseCode(text) {
  const code = extractCode(text);
  if (code === '') return fail('leeg', 'Er is geen code ingevuld.');
  if (code.length > 4000) return fail('opmaak', 'Dit is geen deelcode van dit handboek: de tekst is veel te lang.');
  // Without dots: format 2 or later. The check runs first, so a typo in the first symbol is
  // named like any other; a format above 2 with its own check is "nieuwer".
  if (!code.includes('.')) return /^[2-9]/.test(code) || code.length >= 18 ? parseV2(code) : fail('opmaak', NOT_OURS);
  const parts = code.split('.');
  if (!/^\d+$/.test(parts[0])) return fail('opmaak', NOT_OURS);
  if (Number(parts[0]) > CODE_FORMAT) return newer(Number(parts[0]));
  if (Number(parts[0]) !== FORMAT_1) return fail('opmaak', 'Dit is geen deelcode van dit handboek.');
  if (parts.length !== 5 || parts[4].length !== 6) return fail('onvolledig', 'De code is niet compleet. Kopieer hem opnieuw, helemaal tot het laatste teken.');
  const [, id, version, data, check] = parts;
  if (checkOf(parts.slice(0, 4).join('.')) !== check) {
    return fail('beschadigd', 'De code is beschadigd: er is een teken veranderd of weggevallen. Kopieer hem opnieuw.');
  }
  if (!/^[a-z0-9-]+$/.test(id) || !/^[1-9]\d{0,5}$/.test(version)) return fail('opmaak', 'Dit is geen deelcode van dit handboek.');
  return { ok: true, format: FORMAT_1, instrument: id, version: Number(version), data };
}

/**
 * Decode a code (or a link holding one) for this instrument: { ok: true, answers, participant }
 * or { ok: false, reason, message } with reason one of leeg, opmaak, nieuwer, onvolledig,
 * beschadigd, ander-instrument, andere-versie. `participant` is null for a code without one.
 */
export function decodeCode(text, instrument) {
  const outer = parseCode(text);
  if (!outer.ok) return outer;
  if (outer.format === CODE_FORMAT ? outer.tag !== instrumentTag(instrument.id) : outer.instrument !== instrument.id) {
    const which = outer.format === CODE_FORMAT ? '' : ` (${quote(outer.instrument)})`;
    return fail('ander-instrument', `Deze code hoort bij een ander instrument${which}, niet bij "${instrument.title}".`);
  }
  if (outer.version !== instrument.version) {
    return fail('andere-versie', `Deze code hoort bij versie ${outer.version} van dit instrument; deze pagina heeft versie ${instrument.version}. De vragen zijn veranderd, dus de code past niet meer. Gebruik een bestand als je een uitslag naar een nieuwe versie wilt meenemen.`);
  }
  const bytes = outer.format === CODE_FORMAT ? outer.data : fromBase64url(outer.data);
  if (!bytes) return fail('beschadigd', 'De code is beschadigd: er staan tekens in die er niet horen.');
  const codec = findKind(instrument)?.codec;
  if (!codec) return fail('opmaak', 'Voor dit soort instrument bestaat geen deelcode.');
  const unpacked = codec.decode(slotsOf(instrument), bytes);
  if (!unpacked.answers) return fail('beschadigd', unpacked.message);
  return { ok: true, answers: unpacked.answers, participant: outer.participant ?? null };
}
