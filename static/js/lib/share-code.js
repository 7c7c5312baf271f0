// The share code: all answers of one instrument packed into a short text that also works as a
// link (#r=CODE, in the URL fragment, which no server sees). The workshop page reads the same
// codes; the format is documented in docs/deelcode.md. No DOM.
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

export const CODE_FORMAT = 1;
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

const CRC_TABLE = (() => {
  const table = [];
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table.push(c >>> 0);
  }
  return table;
})();

/** CRC-32 (as in zip and PNG) of an ASCII string. */
export function crc32(text) {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i += 1) crc = CRC_TABLE[(crc ^ (text.charCodeAt(i) & 255)) & 255] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function checkOf(text) {
  const c = crc32(text);
  return toBase64url([(c >>> 24) & 255, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]);
}

/** The share code for these answers. */
export function encodeCode(instrument, answers) {
  const bytes = kindOf(instrument).codec.encode(slotsOf(instrument), answers);
  const body = `${CODE_FORMAT}.${instrument.id}.${instrument.version}.${toBase64url(bytes)}`;
  return `${body}.${checkOf(body)}`;
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

function fail(reason, message) {
  return { ok: false, reason, message };
}

/**
 * Read the outside of a code without the instrument: { ok, format, instrument, version, data }
 * or { ok: false, reason, message }. The workshop page uses this to pick the instrument.
 */
export function parseCode(text) {
  const code = extractCode(text);
  if (code === '') return fail('leeg', 'Er is geen code ingevuld.');
  if (code.length > 4000) return fail('opmaak', 'Dit is geen deelcode van dit handboek: de tekst is veel te lang.');
  const parts = code.split('.');
  if (!/^\d+$/.test(parts[0])) return fail('opmaak', 'Dit is geen deelcode van dit handboek. Een deelcode begint met "1." en de naam van het instrument.');
  if (Number(parts[0]) > CODE_FORMAT) return fail('nieuwer', `Deze code is gemaakt met een nieuwere versie van het handboek (opmaak ${Number(parts[0])}). Open hem in die versie.`);
  if (Number(parts[0]) !== CODE_FORMAT) return fail('opmaak', 'Dit is geen deelcode van dit handboek.');
  if (parts.length !== 5 || parts[4].length !== 6) return fail('onvolledig', 'De code is niet compleet. Kopieer hem opnieuw, helemaal tot het laatste teken.');
  const [, id, version, data, check] = parts;
  if (checkOf(parts.slice(0, 4).join('.')) !== check) {
    return fail('beschadigd', 'De code is beschadigd: er is een teken veranderd of weggevallen. Kopieer hem opnieuw.');
  }
  if (!/^[a-z0-9-]+$/.test(id) || !/^[1-9]\d{0,5}$/.test(version)) return fail('opmaak', 'Dit is geen deelcode van dit handboek.');
  return { ok: true, format: CODE_FORMAT, instrument: id, version: Number(version), data };
}

/**
 * Decode a code (or a link holding one) for this instrument: { ok: true, answers } or
 * { ok: false, reason, message } with reason one of leeg, opmaak, nieuwer, onvolledig,
 * beschadigd, ander-instrument, andere-versie.
 */
export function decodeCode(text, instrument) {
  const outer = parseCode(text);
  if (!outer.ok) return outer;
  if (outer.instrument !== instrument.id) {
    return fail('ander-instrument', `Deze code hoort bij een ander instrument (${quote(outer.instrument)}), niet bij "${instrument.title}".`);
  }
  if (outer.version !== instrument.version) {
    return fail('andere-versie', `Deze code hoort bij versie ${outer.version} van dit instrument; deze pagina heeft versie ${instrument.version}. De vragen zijn veranderd, dus de code past niet meer. Gebruik een bestand als je een uitslag naar een nieuwe versie wilt meenemen.`);
  }
  const bytes = fromBase64url(outer.data);
  if (!bytes) return fail('beschadigd', 'De code is beschadigd: er staan tekens in die er niet horen.');
  const codec = findKind(instrument)?.codec;
  if (!codec) return fail('opmaak', 'Voor dit soort instrument bestaat geen deelcode.');
  const unpacked = codec.decode(slotsOf(instrument), bytes);
  if (!unpacked.answers) return fail('beschadigd', unpacked.message);
  return { ok: true, answers: unpacked.answers };
}
