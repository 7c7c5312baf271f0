// Crockford's base32 (https://www.crockford.com/base32.html): 0-9 and A-Z without I, L, O and U,
// so a code read aloud or typed over from a phone has no 0/O or 1/I/l confusion. No DOM.
// Reading is case-insensitive and takes O as 0, and I and L as 1, as Crockford says.

export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The value 0–31 of one typed character, or -1 when it is no symbol (U is not one either). */
export function symbolValue(ch) {
  const c = String(ch).toUpperCase();
  if (c === 'O') return 0;
  if (c === 'I' || c === 'L') return 1;
  return ALPHABET.indexOf(c);
}

/** Bytes → symbols (5 bits each, most significant first, the last one zero padded). */
export function bytesToSymbols(bytes) {
  const out = [];
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out.push((acc >> (bits - 5)) & 31);
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out.push((acc << (5 - bits)) & 31);
  return out;
}

/** Symbols → bytes, or null when the symbols are not the canonical form of whole bytes. */
export function symbolsToBytes(symbols) {
  const count = Math.floor((symbols.length * 5) / 8);
  if (Math.ceil((count * 8) / 5) !== symbols.length) return null;
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (const s of symbols) {
    acc = (acc << 5) | s;
    bits += 5;
    if (bits >= 8) {
      bytes.push((acc >> (bits - 8)) & 255);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  }
  return acc === 0 ? bytes : null; // padding bits must be zero
}

/** "ABCDEFGHJK" → "ABCD-EFGH-JK". */
export function grouped(text, size = 4) {
  return String(text).match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? '';
}

/**
 * A random participant id: 8 symbols (40 bits) from crypto.getRandomValues. Two people in one
 * room share one with a chance of about 1 in 2 000 000 000 000 (for 30 people).
 */
export function randomId(random = globalThis.crypto) {
  const bytes = new Uint8Array(8);
  random.getRandomValues(bytes);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
}

/** An id as the participant page makes it: 8 symbols of the alphabet above. */
export const PARTICIPANT_ID = /^[0-9A-HJKMNP-TV-Z]{8}$/;
