// A Word document (.docx) from a small document model, written by our own code so the site
// ships no third-party script (issue 12). No DOM: runs in the browser and under node --test.
//
// Model: { title?, landscape?, date?, blocks: [Block] }
//   { type: 'heading', level: 1 | 2 | 3, text }
//   { type: 'paragraph', runs }            runs: a string, or [{ text, bold? }]
//   { type: 'list', items: [runs] }        a bulleted list
//   { type: 'table', header: [string], rows: [[runs]], widths?: [number] }
//     widths are relative; the header row repeats on every page and no row splits over two.
// Text may hold line breaks and tabs; they stay line breaks and tabs in Word.
//
// The parts are the fewest Word needs to open the file and show headings in its navigation
// pane: [Content_Types].xml, _rels/.rels, word/document.xml with its styles (Heading1..3 with
// an outline level) and numbering (the bullets), and the title in docProps/core.xml.

import { storedZip } from './zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const LANG = 'nl-NL';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// A4 in twentieths of a point, with margins of 2 cm.
const A4 = { short: 11906, long: 16838, margin: 1134 };

// Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates): a
// parser refuses the whole document over one of them, so they are dropped.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for XML content and attribute values. */
export function xmlText(text) {
  return String(text ?? '')
    .replace(FORBIDDEN, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Runs as [{ text, bold }], from a string or a list of runs. */
function asRuns(runs) {
  if (Array.isArray(runs)) return runs.map((r) => (typeof r === 'string' ? { text: r } : r));
  return [{ text: runs }];
}

/** One run; line breaks become <w:br/> and tabs <w:tab/>, as Word keeps them. */
function runXml({ text, bold = false }) {
  const parts = String(text ?? '')
    .split(/(\r\n|\r|\n|\t)/)
    .filter((p) => p !== '')
    .map((p) => (p === '\t' ? '<w:tab/>' : /^[\r\n]+$/.test(p) ? '<w:br/>' : `<w:t xml:space="preserve">${xmlText(p)}</w:t>`));
  const props = bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : '';
  return `<w:r>${props}${parts.join('')}</w:r>`;
}

function paragraphXml(runs, props = '') {
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${asRuns(runs).map(runXml).join('')}</w:p>`;
}

function headingXml({ level, text }) {
  const n = Math.min(3, Math.max(1, Math.trunc(Number(level)) || 1));
  return paragraphXml(text, `<w:pStyle w:val="Heading${n}"/>`);
}

function listXml({ items }) {
  return items.map((item) => paragraphXml(item, '<w:pStyle w:val="ListBullet"/>')).join('');
}

/** Column widths in twips over the width between the margins, in proportion to `weights`. */
export function columnWidths(count, weights, textWidth) {
  const given = Array.from({ length: count }, (_, i) => Math.max(0, Number(weights?.[i]) || 0));
  const w = given.some((x) => x > 0) ? given.map((x) => x || 1) : given.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.floor((x / total) * textWidth));
}

const CELL_SPACING = '<w:spacing w:before="40" w:after="40"/>';

function cellXml(runs, width, header) {
  const shade = header ? '<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>' : '';
  const bold = header ? asRuns(runs).map((r) => ({ ...r, bold: true })) : runs;
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>${paragraphXml(bold, CELL_SPACING)}</w:tc>`;
}

function rowXml(cells, widths, header) {
  // A row stays on one page; the header row comes back at the top of every page.
  const props = `<w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`;
  const filled = widths.map((w, i) => cellXml(cells[i] ?? '', w, header));
  return `<w:tr>${props}${filled.join('')}</w:tr>`;
}

const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="808080"';
const TABLE_BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('');

function tableXml({ header, rows, widths: weights }, textWidth) {
  const widths = columnWidths(header.length, weights, textWidth);
  const props = `<w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:tblBorders>${TABLE_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const body = [rowXml(header, widths, true), ...rows.map((r) => rowXml(r, widths, false))];
  return `<w:tbl>${props}${grid}${body.join('')}</w:tbl>`;
}

function page(landscape) {
  const [w, h] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
  return { w, h, textWidth: w - 2 * A4.margin, orient: landscape ? ' w:orient="landscape"' : '' };
}

function blockXml(block, textWidth) {
  switch (block.type) {
    case 'heading':
      return headingXml(block);
    case 'paragraph':
      return paragraphXml(block.runs);
    case 'list':
      return listXml(block);
    case 'table':
      return tableXml(block, textWidth);
    default:
      throw new Error(`docx: onbekend blok "${block.type}"`);
  }
}

export function documentXml(doc) {
  const p = page(doc.landscape);
  const blocks = doc.blocks.map((b) => blockXml(b, p.textWidth));
  // Word wants a paragraph between a table and the end of the document.
  if (doc.blocks.at(-1)?.type === 'table') blocks.push('<w:p/>');
  const m = A4.margin;
  const section = `<w:sectPr><w:pgSz w:w="${p.w}" w:h="${p.h}"${p.orient}/><w:pgMar w:top="${m}" w:right="${m}" w:bottom="${m}" w:left="${m}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  return `${HEAD}<w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${blocks.join('')}${section}</w:body></w:document>`;
}

/** A paragraph style; Heading1..3 carry an outline level, which Word's navigation pane lists. */
function paragraphStyle(id, name, { pPr = '', rPr = '', next = '' } = {}) {
  const nextXml = next ? `<w:next w:val="${next}"/>` : '';
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${nextXml}<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

function headingStyle(level, size) {
  return paragraphStyle(`Heading${level}`, `heading ${level}`, {
    next: 'Normal',
    pPr: `<w:keepNext/><w:keepLines/><w:spacing w:before="${level === 1 ? 360 : 240}" w:after="120"/><w:outlineLvl w:val="${level - 1}"/>`,
    rPr: `<w:b/><w:bCs/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`,
  });
}

export function stylesXml() {
  const defaults = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="${LANG}" w:eastAsia="${LANG}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`;
  const normal = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`;
  const list = paragraphStyle('ListBullet', 'List Bullet', { pPr: '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>' });
  const styles = [normal, headingStyle(1, 32), headingStyle(2, 26), headingStyle(3, 24), list];
  return `${HEAD}<w:styles xmlns:w="${W}">${defaults}${styles.join('')}</w:styles>`;
}

export function numberingXml() {
  const level = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>';
  return `${HEAD}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>${level}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
}

function coreXml(title) {
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title)}</dc:title><dc:language>${LANG}</dc:language></cp:coreProperties>`;
}

function relationships(list) {
  const rels = list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`);
  return `${HEAD}<Relationships xmlns="${PKG_REL}">${rels.join('')}</Relationships>`;
}

const OFFICE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

function contentTypesXml() {
  const overrides = [
    ['/word/document.xml', `${OFFICE}.document.main+xml`],
    ['/word/styles.xml', `${OFFICE}.styles+xml`],
    ['/word/numbering.xml', `${OFFICE}.numbering+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
  ].map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`);
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`;
}

/** The files of the package, in the order Word and other readers expect them. */
export function docxParts(doc) {
  return [
    { name: '[Content_Types].xml', data: contentTypesXml() },
    {
      name: '_rels/.rels',
      data: relationships([
        ['rId1', `${REL}/officeDocument`, 'word/document.xml'],
        ['rId2', `${PKG_REL}/metadata/core-properties`, 'docProps/core.xml'],
      ]),
    },
    { name: 'docProps/core.xml', data: coreXml(doc.title ?? '') },
    { name: 'word/document.xml', data: documentXml(doc) },
    {
      name: 'word/_rels/document.xml.rels',
      data: relationships([
        ['rId1', `${REL}/styles`, 'styles.xml'],
        ['rId2', `${REL}/numbering`, 'numbering.xml'],
      ]),
    },
    { name: 'word/styles.xml', data: stylesXml() },
    { name: 'word/numbering.xml', data: numberingXml() },
  ];
}

/** The bytes of a .docx file for `doc` (see the model at the top). */
export function docx(doc) {
  return storedZip(docxParts(doc), doc.date);
}
