// CRC-32 as ZIP and PNG use it (polynomial 0xEDB88320): the check of the share codes
// (share-code.js) and of every entry of a .docx (zip.js). No DOM.

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `length` bytes, the i-th given by `byteAt(i)`, as an unsigned number. */
export function crc32Of(length, byteAt) {
  let c = 0xffffffff;
  for (let i = 0; i < length; i += 1) c = TABLE[(c ^ byteAt(i)) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The CRC-32 of a Uint8Array (or any array of byte values). */
export const crc32Bytes = (bytes) => crc32Of(bytes.length, (i) => bytes[i]);
