// The werkagenda as Markdown (to paste into a document or a wiki), as CSV for a Dutch
// spreadsheet (csv.js) and as the model of a Word document (docx.js), plus the groups and
// labels the printed page shares with them, and the names of the downloaded files. No DOM.

import { FIELDS, STATUSES, actionsIn, isDay } from './agenda.js';
import { toCsv } from './csv.js';
import { formatDate, fileNamePart } from './nl-format.js';

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
    const head = [...COLUMNS, 'Bron'];
    lines.push(`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    group.actions.forEach((a, i) => {
      const row = [String(i + 1), ...cells(a), a.origin ? a.origin.source : 'eigen actie'];
      lines.push(`| ${row.map((c) => md(c) || ' ').join(' | ')} |`);
    });
  }
  return lines.join('\n') + '\n';
}

/**
 * One row per action, columns in Dutch; the deadline as yyyy-mm-dd, which spreadsheets read.
 * Region and date stand on every row, so rows pasted together from several agendas stay apart.
 */
export function toAgendaCsv(agenda, themes) {
  const rows = [['Regio', 'Datum', 'Thema', 'Nr.', ...FIELDS.map((f) => f.label), 'Bron']];
  const region = agenda.region.trim();
  const date = isDay(agenda.date) ? agenda.date : '';
  for (const group of groups(agenda, themes)) {
    group.actions.forEach((a, i) => {
      rows.push([region, date, group.title, i + 1, a.action, a.goal, a.owner, a.deadline, statusLabel(a.status), a.notes, a.origin ? a.origin.source : 'eigen actie']);
    });
  }
  return toCsv(rows);
}

// Relative widths of the Word table's columns (COLUMNS): the action and its goal get the room.
const DOCX_WIDTHS = [0.6, 4, 3, 2, 1.7, 1.3, 3, 3];

/** The werkagenda as a Word document (lib/docx.js): title, region, date, per theme a table. */
export function toDocxModel(agenda, themes, today = new Date()) {
  const region = agenda.region.trim();
  const blocks = [{ type: 'heading', level: 1, text: region ? `Werkagenda ${region}` : 'Werkagenda' }];
  for (const d of details(agenda, today)) blocks.push({ type: 'paragraph', runs: [{ text: `${d.label}: `, bold: true }, { text: d.value }] });
  for (const group of groups(agenda, themes)) {
    blocks.push({ type: 'heading', level: 2, text: group.title });
    if (!group.actions.length) blocks.push({ type: 'paragraph', runs: 'Nog geen acties.' });
    // Bron carries the legal basis of an action that came from a gap (issue 12: in every export).
    else blocks.push({ type: 'table', header: [...COLUMNS, 'Bron'], rows: group.actions.map((a, i) => [String(i + 1), ...cells(a), a.origin ? a.origin.source : 'eigen actie']), widths: DOCX_WIDTHS });
  }
  // Eight columns read better across the page.
  return { title: blocks[0].text, landscape: true, date: today, blocks };
}


/**
 * leerrecht-werkagenda-lekstroom-2026-12-15.csv: the region when given, and the date of the
 * agenda (the meeting it is for), or `today` (yyyy-mm-dd) when it has none.
 */
export function agendaFileName(agenda, today, extension) {
  const region = fileNamePart(agenda.region ?? '', 40);
  const day = isDay(agenda.date) ? agenda.date : today;
  return `leerrecht-werkagenda-${region ? `${region}-` : ''}${day}.${extension}`;
}
