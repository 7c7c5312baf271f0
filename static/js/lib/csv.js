// CSV that opens correctly in a Dutch spreadsheet (Excel, LibreOffice with Dutch settings):
// `;` between cells, because the comma is the decimal separator there; a UTF-8 byte order mark,
// without which Excel reads é as Ã©; CRLF line ends. Pure, used by the werkagenda and the
// workshop exports.
//
// Cells that a spreadsheet would run as a formula are made inert: a text starting with =, +, -,
// @, a tab or a carriage return gets a leading apostrophe (OWASP "CSV injection"). Numbers are
// data, not formulas, so a negative number stays a number.

export const SEPARATOR = ';';
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: numbers with a decimal comma, texts quoted where needed. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[";\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Rows (arrays of cells) as one CSV text, with BOM and CRLF line ends. */
export function toCsv(rows) {
  return BOM + rows.map((row) => row.map(csvCell).join(SEPARATOR)).join('\r\n') + '\r\n';
}
