// A ZIP archive with stored (uncompressed) entries, written by hand: the container a .docx
// is. Stored entries need no compression code, and a Word document of a few tables is small
// enough that compression would save little. No DOM: runs in the browser and under node --test.

import { crc32Bytes } from './crc32.js';

/** Date and time in the MS-DOS form ZIP uses; years before 1980 cannot be written. */
function dosDateTime(date) {
  const year = Math.max(1980, date.getFullYear());
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return { time, day };
}

/** Little-endian writer over a fixed-size buffer. */
function writer(size) {
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let at = 0;
  return {
    bytes,
    u16(v) {
      view.setUint16(at, v, true);
      at += 2;
    },
    u32(v) {
      view.setUint32(at, v >>> 0, true);
      at += 4;
    },
    put(data) {
      bytes.set(data, at);
      at += data.length;
    },
    get at() {
      return at;
    },
  };
}

// Bit 11: the names are UTF-8.
const FLAGS = 0x0800;
const VERSION = 20;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;

/** The fields local and central headers share, from "version needed" to the name length. */
function commonFields(w, entry, stamp) {
  w.u16(VERSION);
  w.u16(FLAGS);
  w.u16(0); // stored
  w.u16(stamp.time);
  w.u16(stamp.day);
  w.u32(entry.crc);
  w.u32(entry.data.length);
  w.u32(entry.data.length);
  w.u16(entry.name.length);
  w.u16(0); // no extra field
}

/**
 * A ZIP archive of `files` ([{ name, data }], data a string or Uint8Array), stored in that
 * order, as a Uint8Array. `date` is the time every entry gets.
 */
export function storedZip(files, date = new Date(1980, 0, 1)) {
  const encoder = new TextEncoder();
  const entries = files.map((f) => {
    const data = typeof f.data === 'string' ? encoder.encode(f.data) : f.data;
    return { name: encoder.encode(f.name), data, crc: crc32Bytes(data) };
  });
  const stamp = dosDateTime(date);
  const localSize = entries.reduce((n, e) => n + LOCAL_HEADER + e.name.length + e.data.length, 0);
  const centralSize = entries.reduce((n, e) => n + CENTRAL_HEADER + e.name.length, 0);
  const w = writer(localSize + centralSize + END_RECORD);
  for (const e of entries) {
    e.offset = w.at;
    w.u32(0x04034b50);
    commonFields(w, e, stamp);
    w.put(e.name);
    w.put(e.data);
  }
  for (const e of entries) {
    w.u32(0x02014b50);
    w.u16(VERSION); // made by
    commonFields(w, e, stamp);
    w.u16(0); // comment length
    w.u16(0); // disk
    w.u16(0); // internal attributes
    w.u32(0); // external attributes
    w.u32(e.offset);
    w.put(e.name);
  }
  w.u32(0x06054b50);
  w.u16(0);
  w.u16(0);
  w.u16(entries.length);
  w.u16(entries.length);
  w.u32(centralSize);
  w.u32(localSize);
  w.u16(0); // comment length
  return w.bytes;
}
