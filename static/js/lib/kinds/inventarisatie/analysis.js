// The calculation of an inventory (no DOM): derived totals and ratios and the checks between
// fields. These are messages, not scores. An empty field stays empty: it never becomes 0 or
// NaN, and a total over empty fields is empty too. A field with a problem (negative, not a
// whole number, not a number at all) gets a message and is left out of every calculation.

import { countProblem, NOT_A_NUMBER } from '../../slot-values.js';

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
