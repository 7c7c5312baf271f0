// The inventarisatie: counts of relative and absolute absence, with derived totals and ratios
// and checks between them. These are messages, not scores. Everything that is particular to
// this kind is here, in the shape every kind has (kinds.js). No DOM.
//
// Answers: { FIELD: number } (an empty field has no key). An empty field stays empty: it never
// becomes 0 or NaN, and a total over empty fields is empty too. A field with a problem
// (negative, not a whole number, not a number at all) gets a message and is left out of every
// calculation.

import { h } from '../view-tree.js';
import { table } from '../view-parts.js';
import { NUMBERS } from '../code-packing.js';
import { countProblem, NOT_A_NUMBER } from '../slot-values.js';
import { numberStats, delta } from '../stats.js';
import { formatPercent, formatNumber, formatDelta, plural } from '../nl-format.js';

/** The id of a field's input, to jump to. */
const anchorOf = (field) => field.anchor ?? `veld-${field.id}`;

/** One number slot per field. */
function slots(instrument) {
  return instrument.fields.map((field) => ({ key: field.id, type: 'number', label: field.label, control: field.control ?? `veld-${field.id}`, anchor: anchorOf(field) }));
}

// ----- analysis -----------------------------------------------------------------------------

/**
 * fields: per field its value (null when empty or wrong) and problem;
 * derived: per derived value { id, label, kind, value, percent?, missing, reason };
 * problems: the fields with a problem; checks: the checks that fail; filled/total.
 * `extraProblems` ({ FIELD: message }) come from the page (a browser that could not read a number).
 */
export function computeInventory(instrument, values = {}, extraProblems = {}) {
  const fields = instrument.fields.map((field) => {
    const raw = Object.hasOwn(values, field.id) ? values[field.id] : null;
    let problem = Object.hasOwn(extraProblems, field.id) ? extraProblems[field.id] : null;
    if (!problem && raw !== null) problem = typeof raw === 'number' && Number.isFinite(raw) ? countProblem(raw) : NOT_A_NUMBER;
    return { id: field.id, label: field.label, entered: raw, value: problem ? null : raw, problem };
  });
  const known = new Map(fields.map((f) => [f.id, { value: f.value, missing: f.value === null ? [f.label] : [] }]));
  const definitions = new Map(instrument.derived.map((d) => [d.id, d]));
  const derivedResults = new Map();

  const valueOf = (id, stack = []) => {
    if (known.has(id)) return known.get(id);
    if (derivedResults.has(id)) return derivedResults.get(id);
    const d = definitions.get(id);
    if (!d || stack.includes(id)) return { value: null, missing: [id] };
    const result = evaluate(d, (other) => valueOf(other, [...stack, id]));
    derivedResults.set(id, result);
    return result;
  };
  const derived = instrument.derived.map((d) => ({ id: d.id, label: d.label, kind: d.kind, ...valueOf(d.id) }));

  const label = (id) => instrument.fields.find((f) => f.id === id)?.label ?? definitions.get(id)?.label ?? id;
  const checks = [];
  for (const check of instrument.checks) {
    const part = valueOf(check.part).value;
    const whole = valueOf(check.whole).value;
    if (part !== null && whole !== null && part > whole) {
      checks.push({ part: check.part, whole: check.whole, partLabel: label(check.part), wholeLabel: label(check.whole), partValue: part, wholeValue: whole, message: check.message });
    }
  }
  const filled = fields.filter((f) => f.entered !== null || f.problem).length;
  return {
    fields,
    derived,
    problems: fields.filter((f) => f.problem),
    checks,
    filled,
    total: fields.length,
    provisional: filled < fields.length,
  };
}

function evaluate(d, valueOf) {
  if (d.kind === 'sum') {
    const parts = d.of.map((id) => valueOf(id));
    const present = parts.filter((p) => p.value !== null);
    const missing = parts.flatMap((p) => (p.value === null ? p.missing : []));
    if (present.length === 0) return { value: null, missing, reason: 'nog niets ingevuld' };
    return {
      value: present.reduce((sum, p) => sum + p.value, 0),
      missing,
      reason: missing.length ? 'niet alle getallen zijn ingevuld' : null,
    };
  }
  if (d.kind === 'ratio') {
    const top = valueOf(d.numerator);
    const bottom = valueOf(d.denominator);
    const missing = [...(top.value === null ? top.missing : []), ...(bottom.value === null ? bottom.missing : [])];
    if (top.value === null || bottom.value === null) return { value: null, percent: null, missing, reason: 'nog niet alle getallen zijn ingevuld' };
    if (bottom.value === 0) return { value: null, percent: null, missing, reason: 'kan niet: je deelt door 0' };
    const value = top.value / bottom.value;
    return { value, percent: Math.round(value * 1000) / 10, missing: [...top.missing, ...bottom.missing], reason: top.missing.length || bottom.missing.length ? 'niet alle getallen zijn ingevuld' : null };
  }
  return { value: null, missing: [], reason: 'onbekende berekening' };
}

// ----- the result ---------------------------------------------------------------------------

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
  const field = instrument.fields.find((f) => f.id === id);
  return field ? anchorOf(field) : `veld-${id}`;
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
      cmp.rows.map((r) => [r.label, show(r, r.before), show(r, r.after), r.delta === null ? '–' : formatDelta(r.delta) + (r.unit === 'procent' ? ' procentpunt' : '')]),
    ),
  ];
}

// ----- the group result (workshop) ----------------------------------------------------------
//
// Per field and per derived value: the valid numbers with their participant, lowest, median and
// highest; and per participant the numbers that fail the checks.

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

export const inventarisatie = {
  answerable: true,
  hasNotes: false,
  codec: NUMBERS,
  slots,
  analyse: (instrument, answers, problems) => computeInventory(instrument, answers, problems),
  summary,
  resultView,
  fieldProblems,
  compare,
  compareView,
  aggregate,
  groupView,
  groupSummary,
  slides,
  csvRows,
  proposals: () => [],
};
