// Numbers and dates written the Dutch way, the same in every browser and in node (no Intl
// differences between engines).

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** 1234567.5 → "1.234.567,5"; at most `decimals` decimals, trailing zeros dropped. */
export function formatNumber(value, decimals = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  let [whole, fraction = ''] = String(rounded).split('.');
  if (whole.includes('e')) return String(value);
  whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  return sign + whole + (fraction ? ',' + fraction : '');
}

/** 62.5 → "62,5%"; null → "geen score". */
export function formatPercent(value, decimals = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'geen score';
  return `${formatNumber(value, decimals)}%`;
}

/** A change in percentage points: +12,5 / -3 / 0. */
export function formatDelta(value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const text = formatNumber(value);
  return value > 0 && text !== '0' ? `+${text}` : text;
}

/** A Date → "23 november 2026"; with time → "23 november 2026 om 14:05". */
export function formatDate(date, withTime = false) {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return '';
  const day = `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
  if (!withTime) return day;
  return `${day} om ${formatTime(date)}`;
}

/** A Date → "14:05". */
export function formatTime(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A Date → "2026-11-23", local time, for file names. */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "1 vraag" / "3 vragen". */
export function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/** Text as a part of a file name: lower case, no accents, only a-z, 0-9 and single dashes. */
export function fileNamePart(text, max) {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}
