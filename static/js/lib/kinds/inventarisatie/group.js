// The group result of an inventory, for the workshop page. No DOM.
//
// Per field and per derived value: the valid numbers with their participant, lowest, median and
// highest; and per participant the numbers that fail the checks.

import { h } from '../../view-tree.js';
import { table } from '../../view-parts.js';
import { numberStats } from '../../stats.js';
import { formatPercent, formatNumber, plural } from '../../nl-format.js';
import { computeInventory } from './analysis.js';

function aggregate(instrument, participants) {
  const results = participants.map((p) => ({ label: p.label, inv: computeInventory(instrument, p.answers) }));
  const fields = instrument.fields.map((field, i) => ({
    id: field.id,
    label: field.label,
    definition: field.definition ?? '',
    ...numberStats(results.filter((r) => r.inv.fields[i].value !== null).map((r) => ({ label: r.label, value: r.inv.fields[i].value }))),
    invalid: results.filter((r) => r.inv.fields[i].problem).map((r) => r.label),
  }));
  const derived = instrument.derived.map((d, i) => {
    const valueOf = (r) => (d.kind === 'ratio' ? r.inv.derived[i].percent : r.inv.derived[i].value);
    return {
      id: d.id,
      label: d.label,
      kind: d.kind,
      ...numberStats(results.filter((r) => valueOf(r) !== null && valueOf(r) !== undefined).map((r) => ({ label: r.label, value: valueOf(r) }))),
    };
  });
  const flagged = results
    .map((r) => ({
      label: r.label,
      messages: [...r.inv.problems.map((f) => `${f.label}: ${f.problem}`), ...r.inv.checks.map((c) => `${c.message} (${c.partLabel}: ${formatNumber(c.partValue, 0)}; ${c.wholeLabel}: ${formatNumber(c.wholeValue, 0)})`)],
    }))
    .filter((r) => r.messages.length);
  return { kind: 'inventarisatie', participants: participants.length, fields, derived, flagged };
}

function numberText(v, kind) {
  if (v === null || v === undefined) return '–';
  return kind === 'ratio' ? formatPercent(v) : formatNumber(v, 2);
}

function rangeRow(row) {
  return [row.label, String(row.n), numberText(row.min, row.kind), numberText(row.median, row.kind), numberText(row.max, row.kind)];
}

function groupView(instrument, agg, labels) {
  const head = ['Wat', 'Ingevuld door', 'Laagste', 'Mediaan', 'Hoogste'];
  return h(
    'div',
    { class: 'groep' },
    h('p', { class: 'uitslag__score' }, `${plural(agg.participants, 'deelnemer', 'deelnemers')}.`),
    h('p', {}, 'De mediaan is het middelste getal als je alle getallen op volgorde zet. Getallen die niet kunnen (negatief of geen heel getal) tellen niet mee.'),
    h('h3', {}, 'Getallen die niet kloppen'),
    agg.flagged.length
      ? h('ul', { class: 'bevindingen' }, agg.flagged.map((f) => h('li', {}, h('strong', {}, `${f.label}: `), f.messages.join(' '))))
      : h('p', {}, agg.participants ? 'Bij niemand spreken de getallen elkaar tegen.' : 'Nog geen uitslagen.'),
    h('h3', {}, 'Per getal'),
    table('Getallen van de groep', head, agg.fields.map(rangeRow)),
    agg.derived.length ? [h('h3', {}, 'Berekend'), table('Berekend per deelnemer', head, agg.derived.map(rangeRow))] : null,
    labels.length
      ? [
          h('h3', {}, 'Alle getallen per deelnemer'),
          table(
            'Alle getallen per deelnemer',
            ['Wat', ...labels],
            agg.fields.map((f) => [f.label, ...labels.map((l) => numberText(f.values.find((v) => v.label === l)?.value, 'sum'))]),
          ),
        ]
      : null,
  );
}

function groupSummary(agg, n) {
  return `${n}, ${plural(agg.flagged.length, 'deelnemer', 'deelnemers')} met getallen die niet kloppen.`;
}

/** Per field, then per derived value: every participant's number, lowest, median, highest. */
function slides(instrument, agg) {
  const rows = [...agg.fields, ...agg.derived];
  return rows.map((row) => ({
    unit: 'Getal',
    heading: row.label,
    body: [
      row.definition ? h('p', {}, row.definition) : null,
      h('p', { class: 'projectie__cijfers' }, row.n ? `Laagste ${numberText(row.min, row.kind)} · mediaan ${numberText(row.median, row.kind)} · hoogste ${numberText(row.max, row.kind)} · ingevuld door ${row.n}.` : 'Nog door niemand ingevuld.'),
      row.values.length ? table(`Getallen bij ${row.label}`, ['Deelnemer', 'Getal'], row.values.map((v) => [v.label, numberText(v.value, row.kind)])) : null,
      row.invalid?.length ? h('p', {}, `Niet meegeteld (getal kan niet): ${row.invalid.join(', ')}.`) : null,
    ],
  }));
}

function csvRows(instrument, agg, labels) {
  const row = (r) => [r.label, r.n, r.min, r.median, r.max, ...labels.map((l) => r.values.find((v) => v.label === l)?.value ?? null)];
  return [
    ['Wat', 'Ingevuld door', 'Laagste', 'Mediaan', 'Hoogste', ...labels],
    ...agg.fields.map(row),
    ...agg.derived.map((d) => row({ ...d, label: d.kind === 'ratio' ? `${d.label} (%)` : d.label })),
    [],
    ['Deelnemer', 'Getallen die niet kloppen'],
    ...agg.flagged.map((f) => [f.label, f.messages.join(' ')]),
  ];
}

export const group = { aggregate, groupView, groupSummary, slides, csvRows };
