// The results of a group, for the workshop page (no DOM). Input: one instrument and the answers
// of its participants ([{ label, answers }], answers as in instrument-answers.js). Output per
// kind, as plain data that the views, the projector and the exports all read.
//
// Scored kinds (checklist, toetsvragen), per item:
// - the distribution: how many chose each scale option, n.v.t., and how many left it open;
// - the mean in points over the scale answers, also as a percentage of the top answer;
// - the disagreement ("spreiding"): the standard deviation of the points, divided by the largest
//   standard deviation the scale allows (half the top: half the group at the top answer, half at
//   0). 0 % means everyone gave the same answer, 100 % a group split in two at both ends. We use
//   the points and not "1 − share of the most chosen answer", because on an ordered scale "ja"
//   against "nee" is a bigger difference than "ja" against "deels". It is the population
//   deviation (divided by n): it describes this group, it does not estimate a larger one. With
//   fewer than two scale answers there is no spread to measure (null).
// Items are ordered by disagreement, most first (where the conversation is); equal spread puts
// the item with more n.v.t. first (not knowing is worth discussing too), then list order.
// Per theme and overall: every participant's score (instrument-score.js), their mean, standard
// deviation (in percentage points), lowest and highest.
//
// Routekaart, per cell (step × partner): how many gave each role and how many left it open; the
// most chosen role and its share of the answers. A cell has consensus when that share is at
// least CONSENSUS (three out of four agree); cells below it are listed, least agreement first.
// Per step: which partners got regie from how many participants, how many participants see
// exactly one, none or several partners with regie, and how many say it is written down.
//
// Inventarisatie, per field and per derived value: the valid numbers with their participant,
// lowest, median and highest; and per participant the numbers that fail the checks.

import { isScored } from './instrument-answers.js';
import { score, bandFor } from './instrument-score.js';
import { analyseRoutekaart } from './routekaart-analysis.js';
import { computeInventory } from './inventarisatie.js';
import { formatNumber } from './nl-format.js';

export const CONSENSUS = 0.75;

const round = (value, decimals) => (value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals);

export function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Population standard deviation, or null for an empty list. */
export function standardDeviation(values) {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

export function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** mean, deviation, lowest and highest of a list of percentages, rounded to one decimal. */
function spreadOf(values) {
  return {
    n: values.length,
    mean: round(mean(values), 1),
    sd: round(standardDeviation(values), 1),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

export function aggregate(instrument, participants) {
  if (isScored(instrument)) return aggregateScored(instrument, participants);
  if (instrument.kind === 'routekaart') return aggregateRoutekaart(instrument, participants);
  if (instrument.kind === 'inventarisatie') return aggregateInventory(instrument, participants);
  throw new Error(`Voor instrumenten van de soort "${instrument.kind}" is er geen groepsuitslag.`);
}

// ----- checklist and toetsvragen -----------------------------------------------------------

/** The disagreement of a list of points on a scale with top answer `top`, in percent. */
export function disagreement(points, top) {
  if (points.length < 2 || top <= 0) return null;
  return round((standardDeviation(points) / (top / 2)) * 100, 1);
}

function scoredItem(instrument, item, participants, top) {
  const nvt = instrument.not_applicable?.id;
  const options = instrument.scale.map((s) => ({ id: s.id, label: s.label, points: s.points, count: 0 }));
  let notApplicable = 0;
  let open = 0;
  const points = [];
  for (const p of participants) {
    const answer = p.answers[item.id];
    const option = options.find((o) => o.id === answer);
    if (option) {
      option.count += 1;
      points.push(option.points);
    } else if (nvt !== undefined && answer === nvt) notApplicable += 1;
    else open += 1;
  }
  const meanPoints = mean(points);
  const modal = Math.max(0, ...options.map((o) => o.count));
  return {
    id: item.id,
    number: item.number,
    theme: item.theme,
    question: item.question,
    options,
    notApplicable,
    open,
    answered: points.length,
    meanPoints: round(meanPoints, 2),
    meanPercent: meanPoints === null || top <= 0 ? null : round((meanPoints / top) * 100, 1),
    disagreement: disagreement(points, top),
    modalShare: points.length ? round(modal / points.length, 3) : null,
  };
}

/** Most disagreement first; equal: more n.v.t. first; then the order of the list. */
export function byDisagreement(a, b) {
  const da = a.disagreement ?? -1;
  const db = b.disagreement ?? -1;
  return db - da || b.notApplicable - a.notApplicable || a.number - b.number;
}

export function aggregateScored(instrument, participants) {
  const top = Math.max(0, ...instrument.scale.map((s) => s.points));
  const items = instrument.items.map((item) => scoredItem(instrument, item, participants, top));
  const results = participants.map((p) => score(instrument, p.answers));
  const themes = instrument.themes.map((theme, i) => ({
    id: theme.id,
    title: theme.title,
    ...spreadOf(results.map((r) => r.themes[i].score).filter((s) => s !== null)),
  }));
  const overall = spreadOf(results.map((r) => r.score).filter((s) => s !== null));
  return {
    kind: 'scored',
    participants: participants.length,
    top,
    items,
    order: [...items].sort(byDisagreement).map((i) => i.id),
    themes,
    overall: { ...overall, band: bandFor(instrument, overall.mean)?.label ?? null },
  };
}

// ----- routekaart ---------------------------------------------------------------------------

function routekaartCell(instrument, step, partner, participants) {
  const key = `${step.id}/${partner.id}`;
  const roles = instrument.roles.map((r) => ({ id: r.id, label: r.label, count: 0 }));
  let open = 0;
  for (const p of participants) {
    const role = roles.find((r) => r.id === p.answers[key]);
    if (role) role.count += 1;
    else open += 1;
  }
  const answered = participants.length - open;
  const top = Math.max(0, ...roles.map((r) => r.count));
  const modal = answered ? roles.filter((r) => r.count === top) : [];
  const share = answered ? top / answered : null;
  return {
    step: step.id,
    partner: partner.id,
    partnerTitle: partner.title,
    roles,
    open,
    answered,
    modal: modal.map((r) => r.id),
    modalShare: round(share, 3),
    consensus: answered > 0 && share >= CONSENSUS,
  };
}

export function aggregateRoutekaart(instrument, participants) {
  const analyses = participants.map((p) => analyseRoutekaart(instrument, p.answers));
  const steps = instrument.steps.map((step, index) => {
    const cells = instrument.partners.map((partner) => routekaartCell(instrument, step, partner, participants));
    const regie = cells
      .map((c) => ({ partner: c.partner, title: c.partnerTitle, count: c.roles.find((r) => r.id === 'regie')?.count ?? 0 }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count);
    const views = analyses.map((a) => a.steps[index]);
    return {
      id: step.id,
      number: index + 1,
      title: step.title,
      description: step.description ?? null,
      cells,
      regie,
      oneRegie: views.filter((s) => s.regie.length === 1).length,
      noRegie: views.filter((s) => s.filled && s.regie.length === 0).length,
      moreRegie: views.filter((s) => s.regie.length > 1).length,
      notFilled: views.filter((s) => !s.filled).length,
      written: participants.filter((p) => p.answers[`${step.id}/vastgelegd`] === true).length,
      withoutConsensus: cells.filter((c) => c.answered > 0 && !c.consensus).length,
    };
  });
  const cells = steps.flatMap((s) => s.cells.map((c) => ({ ...c, stepNumber: s.number, stepTitle: s.title })));
  const withoutConsensus = cells
    .filter((c) => c.answered > 0 && !c.consensus)
    .sort((a, b) => a.modalShare - b.modalShare || a.stepNumber - b.stepNumber);
  return {
    kind: 'routekaart',
    participants: participants.length,
    consensusThreshold: CONSENSUS,
    steps,
    withoutConsensus,
    unanswered: cells.filter((c) => c.answered === 0).length,
    cells: cells.length,
    coverage: spreadOf(analyses.filter((a) => a.answered > 0).map((a) => a.coverage)),
  };
}

// ----- inventarisatie -----------------------------------------------------------------------

function numberStats(entries) {
  const values = entries.map((e) => e.value);
  return {
    values: entries,
    n: values.length,
    min: values.length ? Math.min(...values) : null,
    median: median(values),
    max: values.length ? Math.max(...values) : null,
  };
}

export function aggregateInventory(instrument, participants) {
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
