// Parts that the views of every kind of instrument share, as view trees (view-tree.js): a table
// that scrolls in its own box, the bar chart as SVG, the lines at the top of a print, and small
// text helpers. Pure; the kinds (kinds/*.js) and the page views build on them.

import { h } from './view-tree.js';
import { formatDate, formatPercent } from './nl-format.js';

/** A table that scrolls in its own box on a small screen, reachable by keyboard. */
export function table(caption, head, rows, foot = null, { captionShown = true } = {}) {
  return h(
    'div',
    { class: 'tabel', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      {},
      // Under a heading with the same words the caption is for screen readers only: seen twice
      // in a row ("Score per thema" above "Score per thema") it reads as a mistake.
      h('caption', captionShown ? {} : { class: 'visueel-verborgen' }, caption),
      h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col' }, cell)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))),
      foot ? h('tfoot', {}, h('tr', {}, foot.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))) : null,
    ),
  );
}

/** The chart as a tree: an SVG image with a title and a description in words. */
export function chartView(data, idPrefix) {
  const titleId = `${idPrefix}-titel`;
  const descId = `${idPrefix}-uitleg`;
  return h(
    'figure',
    { class: 'grafiek' },
    h(
      'svg',
      { viewBox: `0 0 ${data.width} ${data.height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'grafiek__svg', 'font-size': String(data.font) },
      h('title', { id: titleId }, data.title),
      h('desc', { id: descId }, data.desc),
      data.rows.map((row) =>
        h(
          'g',
          {},
          row.labelLines.map((l) => h('text', { x: String(l.x), y: String(l.y), class: 'grafiek__label' }, l.text)),
          h('rect', { x: String(row.track.x), y: String(row.track.y), width: String(row.track.w), height: String(row.track.h), class: 'grafiek__spoor' }),
          h('rect', { x: String(row.bar.x), y: String(row.bar.y), width: String(row.bar.w), height: String(row.bar.h), class: 'grafiek__balk' }),
          h('text', { x: String(row.value.x), y: String(row.value.y), class: 'grafiek__waarde' }, row.value.text),
          row.earlier
            ? [
                h('rect', { x: String(row.earlier.track.x), y: String(row.earlier.track.y), width: String(row.earlier.track.w), height: String(row.earlier.track.h), class: 'grafiek__spoor' }),
                h('rect', { x: String(row.earlier.bar.x), y: String(row.earlier.bar.y), width: String(row.earlier.bar.w), height: String(row.earlier.bar.h), class: 'grafiek__balk grafiek__balk--eerder' }),
                h('text', { x: String(row.earlier.value.x), y: String(row.earlier.value.y), class: 'grafiek__waarde grafiek__waarde--eerder' }, row.earlier.value.text),
              ]
            : null,
        ),
      ),
    ),
    h('figcaption', { class: 'visueel-verborgen' }, 'Dezelfde cijfers staan in de tabel hierboven.'),
  );
}

/** "A", "A en B", "A, B en C". */
export function listText(list) {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
}

/** A percentage or a dash. */
export const pct = (v) => (v === null || v === undefined ? '–' : formatPercent(v));

/** The lines at the top of a printed result. */
export function printHeaderView(instrument, date, saved, { report = false, name = '' } = {}) {
  return h(
    'div',
    { class: 'printkop alleen-print' },
    h('p', {}, h('strong', {}, report ? `Rapport: ${instrument.title}` : instrument.title)),
    name.trim() ? h('p', {}, `Regio of school: ${name.trim()}`) : null,
    h('p', {}, `Versie ${instrument.version} · geprint op ${formatDate(date, true)}${saved ? ` · laatst bewaard op ${formatDate(saved, true)}` : ''}`),
  );
}

/** What an opened file brought: the message, its warnings and what was left out. */
export function importedView(message, { warnings = [], dropped = [] }) {
  return h(
    'div',
    { class: 'melding melding--succes' },
    h('p', {}, message),
    warnings.map((w) => h('p', {}, w)),
    dropped.length ? [h('p', {}, `Niet overgenomen (${dropped.length}):`), h('ul', {}, dropped.map((d) => h('li', {}, d)))] : null,
  );
}
