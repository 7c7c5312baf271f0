// Our own Word writer (static/js/lib/docx.js), its ZIP container (lib/zip.js) and CRC-32 (lib/crc32.js): the archive is
// read back by a reader of its own (zip-read.mjs) that checks every CRC-32 with Node's zlib, and
// the XML inside is checked for what Word needs. tests/docx_check.py reads the same files with
// python-docx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 as zlibCrc } from 'node:zlib';
import { crc32Bytes as crc32 } from '../../static/js/lib/crc32.js';
import { storedZip } from '../../static/js/lib/zip.js';
import { docx, xmlText, columnWidths } from '../../static/js/lib/docx.js';
import { readZip, text } from './zip-read.mjs';

const utf8 = (s) => new TextEncoder().encode(s);

/** Start and end tags balance, and nothing but entities follows an ampersand. */
function assertWellFormed(xml, name) {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack = [];
  for (const [, close, tag, self] of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g)) {
    if (self) continue;
    if (close) assert.equal(stack.pop(), tag, `${name}: </${tag}>`);
    else stack.push(tag);
  }
  assert.deepEqual(stack, [], `${name}: every element closed`);
  assert.doesNotMatch(body.replace(/<[^<>]*>/g, ''), /[<>]|&(?!(amp|lt|gt|quot|apos);)/, `${name}: text escaped`);
}

const SAMPLE = {
  title: 'Proef <één>',
  blocks: [
    { type: 'heading', level: 1, text: 'Werkagenda' },
    { type: 'paragraph', runs: [{ text: 'Regio: ', bold: true }, { text: 'Zuid-Holland Oost' }] },
    { type: 'heading', level: 2, text: 'Thema' },
    { type: 'list', items: ['een', [{ text: 'twee', bold: true }]] },
    { type: 'heading', level: 3, text: 'Klein' },
    { type: 'table', header: ['Actie', 'Eigenaar'], rows: [['Bel <school> & ouders', 'Leerplicht'], ['regel 1\nregel 2', '']], widths: [3, 1] },
  ],
};

test('CRC-32 matches the standard check value and zlib', () => {
  assert.equal(crc32(utf8('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array()), 0);
  const data = utf8('Één thuiszitter is er één te veel.');
  assert.equal(crc32(data), zlibCrc(data));
});

test('a stored ZIP reads back entry by entry, names in UTF-8, every CRC right', () => {
  const bytes = storedZip([
    { name: 'a.txt', data: 'hallo' },
    { name: 'map/één.xml', data: utf8('<x/>') },
    { name: 'leeg', data: '' },
  ]);
  const files = readZip(bytes);
  assert.deepEqual(Object.keys(files), ['a.txt', 'map/één.xml', 'leeg']);
  assert.equal(text(files['a.txt']), 'hallo');
  assert.equal(text(files['map/één.xml']), '<x/>');
  assert.equal(files.leeg.length, 0);
  // Bit 11 of the flags says the names are UTF-8.
  assert.equal(new DataView(bytes.buffer).getUint16(6, true) & 0x0800, 0x0800);
});

test('the date of the entries is written in the DOS form', () => {
  const bytes = storedZip([{ name: 'a', data: 'x' }], new Date(2026, 11, 15, 14, 30, 20));
  const view = new DataView(bytes.buffer);
  assert.equal(view.getUint16(10, true), (14 << 11) | (30 << 5) | 10);
  assert.equal(view.getUint16(12, true), ((2026 - 1980) << 9) | (12 << 5) | 15);
});

test('a .docx holds the parts Word needs, each well-formed XML', () => {
  const files = readZip(docx(SAMPLE));
  assert.deepEqual(Object.keys(files).sort(), ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/numbering.xml', 'word/styles.xml']);
  assert.equal(Object.keys(files)[0], '[Content_Types].xml');
  for (const [name, bytes] of Object.entries(files)) assertWellFormed(text(bytes), name);
  const types = text(files['[Content_Types].xml']);
  assert.match(types, /PartName="\/word\/document.xml" ContentType="application\/vnd.openxmlformats-officedocument.wordprocessingml.document.main\+xml"/);
  assert.match(text(files['_rels/.rels']), /relationships\/officeDocument" Target="word\/document.xml"/);
  assert.match(text(files['docProps/core.xml']), /<dc:title>Proef &lt;één&gt;<\/dc:title>/);
});

test('headings use Heading1..3, whose styles carry the outline level for the navigation pane', () => {
  const files = readZip(docx(SAMPLE));
  const doc = text(files['word/document.xml']);
  const styles = text(files['word/styles.xml']);
  for (const level of [1, 2, 3]) {
    assert.match(doc, new RegExp(`<w:pStyle w:val="Heading${level}"/>`));
    assert.match(styles, new RegExp(`w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>.*?<w:outlineLvl w:val="${level - 1}"/>`));
  }
  assert.match(styles, /<w:lang w:val="nl-NL"/);
  assert.match(doc, /<w:pStyle w:val="ListBullet"\/><\/w:pPr><w:r><w:rPr><w:b\/>/);
  assert.match(text(files['word/numbering.xml']), /<w:numFmt w:val="bullet"\/>/);
});

test('tables: the header row repeats on each page, no row splits, widths fill the A4 text width', () => {
  const doc = text(readZip(docx(SAMPLE))['word/document.xml']);
  const rows = [...doc.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1]);
  assert.equal(rows.length, 3);
  assert.ok(rows.every((r) => r.includes('<w:cantSplit/>')));
  assert.deepEqual(rows.map((r) => r.includes('<w:tblHeader/>')), [true, false, false]);
  assert.deepEqual([...doc.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])), [7228, 2409]);
  assert.match(doc, /<w:pgSz w:w="11906" w:h="16838"\/>/);
  assert.match(doc, /<w:t xml:space="preserve">Bel &lt;school&gt; &amp; ouders<\/w:t>/);
  assert.match(doc, /regel 1<\/w:t><w:br\/><w:t xml:space="preserve">regel 2/);
  // Word wants a paragraph after a table that ends the document.
  assert.match(doc, /<\/w:tbl><w:p\/><w:sectPr>/);
});

test('landscape swaps the A4 sides and widens the tables', () => {
  const doc = text(readZip(docx({ ...SAMPLE, landscape: true }))['word/document.xml']);
  assert.match(doc, /<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  assert.deepEqual(columnWidths(2, [], 16838 - 2268), [7285, 7285]);
});

test('escaping: markup stays text, characters XML 1.0 forbids are dropped, the rest is kept', () => {
  assert.equal(xmlText(`a<b>&"c'`), 'a&lt;b&gt;&amp;&quot;c&apos;');
  assert.equal(xmlText('x\u0000\u0007\u000b\u001f\ufffe\uffffy'), 'xy');
  assert.equal(xmlText('tab\there\nnl\r'), 'tab\there\nnl\r');
  assert.equal(xmlText('los \ud800 en \udc00, paar 😀'), 'los  en , paar 😀');
  assert.equal(xmlText(null), '');
  const doc = text(readZip(docx({ blocks: [{ type: 'paragraph', runs: 'a\u0001b\tc' }] }))['word/document.xml']);
  assert.match(doc, /<w:t xml:space="preserve">ab<\/w:t><w:tab\/><w:t xml:space="preserve">c<\/w:t>/);
});

test('heading levels outside 1–3 are kept in range; unknown blocks are refused', () => {
  const doc = text(readZip(docx({ blocks: [{ type: 'heading', level: 7, text: 'x' }, { type: 'heading', level: 0, text: 'y' }] }))['word/document.xml']);
  assert.deepEqual([...doc.matchAll(/Heading(\d)/g)].map((m) => m[1]), ['3', '1']);
  assert.throws(() => docx({ blocks: [{ type: 'plaatje' }] }), /onbekend blok/);
});
