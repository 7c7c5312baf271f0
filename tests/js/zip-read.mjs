// A ZIP reader for the tests, written apart from static/js/lib/zip.js so that a mistake there is
// not repeated here: it walks the central directory from the end record, checks every local
// header against it and every CRC-32 with Node's zlib.crc32. Stored entries only, which is all
// our writer makes; anything else fails the test.
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';

/** { name: Uint8Array } of every entry in `bytes`, after checking the archive's structure. */
export function readZip(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0 && end === buf.length - 22, 'end of central directory record, without a comment');
  const count = buf.readUInt16LE(end + 10);
  assert.equal(buf.readUInt16LE(end + 8), count, 'entries on this disk and in total');
  const size = buf.readUInt32LE(end + 12);
  let at = buf.readUInt32LE(end + 16);
  assert.equal(at + size, end, 'the central directory ends where the end record starts');
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, `central header ${i}`);
    const entry = {
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    };
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra;
    assert.equal(entry.method, 0, `${name} is stored`);
    assert.equal(entry.compressed, entry.size, `${name}: stored sizes agree`);
    files[name] = readLocal(buf, entry, name);
  }
  assert.equal(at, end);
  return files;
}

function readLocal(buf, entry, name) {
  const at = entry.offset;
  assert.equal(buf.readUInt32LE(at), 0x04034b50, `local header of ${name}`);
  assert.equal(buf.readUInt32LE(at + 14), entry.crc, `${name}: local and central CRC`);
  assert.equal(buf.readUInt32LE(at + 22), entry.size, `${name}: local and central size`);
  const nameLength = buf.readUInt16LE(at + 26);
  assert.equal(buf.toString('utf8', at + 30, at + 30 + nameLength), name, 'local and central name');
  const start = at + 30 + nameLength + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.size);
  assert.equal(data.length, entry.size, `${name} fits in the archive`);
  assert.equal(crc32(data), entry.crc, `${name}: CRC-32 of the data`);
  return new Uint8Array(data);
}

export const text = (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
