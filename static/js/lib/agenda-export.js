// The werkagenda as Markdown (to paste into a document or a wiki) and as CSV for a Dutch
// spreadsheet (csv.js), plus the groups and labels the printed page shares with them. No DOM.

import { FIELDS, STATUSES, actionsIn, isDay } from './agenda.js';
import { toCsv } from './csv.js';
import { formatDate } from './nl-format.js';

export const NO_THEME = 'Nog zonder thema';

/** 'yyyy-mm-dd' as "23 november 2026"; anything else as ''. */
export function dayText(day) {
  if (!isDay(day)) return '';
  const [y, m, d] = day.split('-').map(Number);
  return formatDate(new Date(y, m - 1, d));
}

export function statusLabel(id) {
  return STATUSES.find((s) => s.id === id)?.label ?? id;
}

/**
 * The themes in order with their actions: [{ id, title, actions }]. "Nog zonder thema" comes
 * last, and only when it holds actions.
 */
export function groups(agenda, themes) {
  const known = themes.map((t) => t.id);
  const out = themes.map((t) => ({ id: t.id, title: t.title, actions: actionsIn(agenda, t.id, known) }));
  const loose = actionsIn(agenda, null, known);
  if (loose.length) out.push({ id: null, title: NO_THEME, actions: loose });
  return out;
}

/** The lines above the tables: region and date (today when the agenda has none). */
export function details(agenda, today) {
  return [
    { label: 'Regio', value: agenda.region.trim() || 'nog niet ingevuld' },
    { label: 'Datum', value: dayText(agenda.date) || formatDate(today) },
  ];
}

/** The cells of one action in table order (after its number). */
export function cells(action) {
  return [action.action, action.goal, action.owner, dayText(action.deadline), statusLabel(action.status), action.notes];
}

export const COLUMNS = ['Nr.', ...FIELDS.map((f) => f.label)];

/** Text in Markdown that stays text: no markup, no line breaks inside a table cell. */
function md(text) {
  return String(text)
    .replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

export function toMarkdown(agenda, themes, today = new Date()) {
  const lines = ['# Werkagenda', ''];
  for (const d of details(agenda, today)) lines.push(`- ${d.label}: ${md(d.value)}`);
  for (const group of groups(agenda, themes)) {
    lines.push('', `## ${md(group.title)}`, '');
    if (!group.actions.length) {
      lines.push('Nog geen acties.');
      continue;
    }
    const head = [...COLUMNS, 'Herkomst'];
    lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    group.actions.forEach((a, i) => {
      const row = [String(i + 1), ...cells(a), a.origin ? a.origin.source : 'eigen actie'];
      lines.push(`| ${row.map((c) => md(c) || ' ').join(' | ')} |`);
    });
  }
  return lines.join('\n') + '\n';
}

/** One row per action, columns in Dutch; the deadline as yyyy-mm-dd, which spreadsheets read. */
export function toAgendaCsv(agenda, themes) {
  const rows = [['Thema', 'Nr.', ...FIELDS.map((f) => f.label), 'Herkomst']];
  for (const group of groups(agenda, themes)) {
    group.actions.forEach((a, i) => {
      rows.push([group.title, i + 1, a.action, a.goal, a.owner, a.deadline, statusLabel(a.status), a.notes, a.origin ? a.origin.source : 'eigen actie']);
    });
  }
  return toCsv(rows);
}

/** leerrecht-werkagenda-lekstroom-2026-11-23.md */
export function agendaFileName(agenda, day, extension) {
  const region = agenda.region
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `leerrecht-werkagenda-${region ? `${region}-` : ''}${day}.${extension}`;
}
