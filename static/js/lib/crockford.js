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
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (const s of symbols) {
    acc = ((acc << 5) | s) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
    }
  }
  // Canonical: written back, the same symbols (so the padding bits are zero and nothing is left).
  return bytesToSymbols(bytes).join() === symbols.join() ? bytes : null;
}

/** "ABCDEFGHJK" → "ABCD-EFGH-JK". */
export function grouped(text, size = 4) {
  return String(text).match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? '';
}
