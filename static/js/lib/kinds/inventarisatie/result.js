// The counts of one inventory as the instrument page shows them: what is calculated, the
// messages (also at the fields themselves), and the comparison with an earlier result. No DOM.

import { h } from '../../view-tree.js';
import { table } from '../../view-parts.js';
import { delta } from '../../stats.js';
import { formatPercent, formatNumber, formatDelta, plural } from '../../nl-format.js';
import { computeInventory } from './analysis.js';

function derivedValue(d) {
  if (d.value === null) return '–';
  return d.kind === 'ratio' ? formatPercent(d.percent) : formatNumber(d.value, 0);
}

function summary(inv) {
  const parts = [`${inv.filled} van ${inv.total} getallen ingevuld.`];
  const n = inv.problems.length + inv.checks.length;
  if (n) parts.push(`${plural(n, 'melding', 'meldingen')}: controleer je getallen.`);
  return parts.join(' ');
}

function resultView(instrument, inv) {
  const messages = [
    ...inv.problems.map((f) => h('li', {}, h('a', { href: `#${fieldAnchor(instrument, f.id)}` }, `${f.label}: ${f.problem}`))),
    ...inv.checks.map((c) => h('li', {}, h('a', { href: `#${fieldAnchor(instrument, instrument.fields.some((f) => f.id === c.whole) ? c.whole : firstField(instrument, c.part))}` }, c.message), ` (${c.partLabel}: ${formatNumber(c.partValue, 0)}; ${c.wholeLabel}: ${formatNumber(c.wholeValue, 0)})`)),
  ];
  return h(
    'div',
    { class: 'uitslag' },
    messages.length
      ? h('div', { class: 'foutoverzicht', id: 'foutoverzicht' }, h('h3', { class: 'foutoverzicht__kop' }, 'Controleer deze getallen'), h('ul', {}, messages))
      : null,
    h('p', { class: inv.provisional ? 'uitslag__voorlopig' : null }, `${inv.filled} van ${inv.total} getallen ingevuld.`, inv.provisional && inv.filled > 0 ? ' Berekeningen met lege velden zijn nog niet compleet.' : null),
    h('h3', {}, 'Berekend'),
    table(
      'Berekend uit je getallen',
      ['Wat', 'Uitkomst', 'Toelichting'],
      inv.derived.map((d) => [d.label, derivedValue(d), d.reason ?? '']),
    ),
    h(
      'div',
      { class: 'alleen-print' },
      table('Je getallen', ['Wat', 'Aantal'], inv.fields.map((f) => [f.label, f.entered === null ? '–' : formatNumber(f.entered, 6)])),
    ),
  );
}

function fieldAnchor(instrument, id) {
  return instrument.fields.find((f) => f.id === id)?.anchor ?? id;
}

function firstField(instrument, derivedId) {
  const d = instrument.derived.find((x) => x.id === derivedId);
  if (!d) return derivedId;
  const next = d.kind === 'sum' ? d.of[0] : d.numerator;
  return instrument.fields.some((f) => f.id === next) ? next : firstField(instrument, next);
}

/**
 * The messages to show at the fields themselves: a field's own problem, and a failed check at
 * its whole (else its part) when that is a field. [{ key, messages, invalid }].
 */
function fieldProblems(instrument, inv) {
  const isField = (id) => instrument.fields.some((f) => f.id === id);
  const messages = new Map();
  for (const f of inv.problems) messages.set(f.id, [f.problem]);
  for (const c of inv.checks) {
    const target = isField(c.whole) ? c.whole : isField(c.part) ? c.part : null;
    if (target) messages.set(target, [...(messages.get(target) ?? []), c.message]);
  }
  return [...messages].map(([key, list]) => ({ key, messages: list, invalid: inv.problems.some((f) => f.id === key) }));
}

// ----- comparison ---------------------------------------------------------------------------

function compare(instrument, before, after) {
  const a = computeInventory(instrument, before);
  const b = computeInventory(instrument, after);
  const rows = [
    ...a.fields.map((f, i) => ({ id: f.id, label: f.label, derived: false, unit: 'aantal', before: f.value, after: b.fields[i].value })),
    ...a.derived.map((d, i) => {
      const ratio = d.kind === 'ratio';
      return {
        id: d.id,
        label: d.label,
        derived: true,
        unit: ratio ? 'procent' : 'aantal',
        before: ratio ? d.percent ?? null : d.value,
        after: ratio ? b.derived[i].percent ?? null : b.derived[i].value,
      };
    }),
  ].map((r) => ({ ...r, delta: delta(r.before, r.after) }));
  return { kind: 'inventarisatie', rows, changed: rows.filter((r) => r.before !== r.after) };
}

function compareView(instrument, cmp) {
  const show = (r, v) => (v === null ? '–' : r.unit === 'procent' ? formatPercent(v) : formatNumber(v, 6));
  return [
    table(
      'Getallen, eerder en nu',
      ['Wat', 'Eerder', 'Nu', 'Verschil'],
      cmp.rows.map((r) => [r.label, show(r, r.before), show(r, r.after), r.delta === null ? '–' : formatDelta(r.delta) + (r.unit === 'procent' ? (Math.abs(r.delta) === 1 ? ' punt' : ' punten') : '')]),
    ),
  ];
}

export const result = { analyse: (instrument, answers, problems) => computeInventory(instrument, answers, problems), summary, resultView, compare, compareView, fieldProblems };
