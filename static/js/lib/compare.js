// An earlier result beside the current one: per theme and per item what changed (no DOM).
// Regions repeat these instruments every year; the change is what they report.

import { score } from './instrument-score.js';
import { isScored } from './instrument-answers.js';
import { analyseRoutekaart } from './routekaart-analysis.js';
import { computeInventory } from './inventarisatie.js';

function delta(before, after) {
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

function answerOf(answers, key) {
  return Object.hasOwn(answers, key) ? answers[key] : null;
}

/**
 * Per item: change is 'beter' or 'slechter' (both scored, points differ), 'anders' (changed to
 * or from n.v.t.), 'nieuw' (now answered, open before), 'open' (answered before, open now) or
 * 'gelijk'.
 */
function compareScored(instrument, before, after) {
  const a = score(instrument, before);
  const b = score(instrument, after);
  const nvt = instrument.not_applicable?.id;
  const labelOf = (id) => (id === null ? null : id === nvt ? instrument.not_applicable.label : instrument.scale.find((s) => s.id === id)?.label ?? id);
  const pointsOf = (id) => instrument.scale.find((s) => s.id === id)?.points;
  const items = instrument.items.map((item) => {
    const was = answerOf(before, item.id);
    const now = answerOf(after, item.id);
    let change = 'gelijk';
    if (was !== now) {
      if (was === null) change = 'nieuw';
      else if (now === null) change = 'open';
      else if (pointsOf(was) === undefined || pointsOf(now) === undefined) change = 'anders';
      else change = pointsOf(now) > pointsOf(was) ? 'beter' : pointsOf(now) < pointsOf(was) ? 'slechter' : 'anders';
    }
    return { id: item.id, number: item.number, theme: item.theme, question: item.question, before: labelOf(was), after: labelOf(now), change };
  });
  return {
    kind: 'scored',
    overall: { before: a.score, after: b.score, delta: delta(a.score, b.score), bandBefore: a.band?.label ?? null, bandAfter: b.band?.label ?? null },
    themes: instrument.themes.map((theme, i) => ({
      id: theme.id,
      title: theme.title,
      before: a.themes[i].score,
      after: b.themes[i].score,
      delta: delta(a.themes[i].score, b.themes[i].score),
    })),
    items,
    changed: items.filter((i) => i.change !== 'gelijk'),
  };
}

function compareRoutekaart(instrument, before, after) {
  const a = analyseRoutekaart(instrument, before);
  const b = analyseRoutekaart(instrument, after);
  const roleLabel = (id) => (id === null ? null : instrument.roles.find((r) => r.id === id)?.label ?? id);
  const steps = instrument.steps.map((step, i) => {
    const changes = [];
    for (const partner of instrument.partners) {
      const key = `${step.id}/${partner.id}`;
      const was = answerOf(before, key);
      const now = answerOf(after, key);
      if (was !== now) changes.push({ partner: partner.id, title: partner.title, before: roleLabel(was), after: roleLabel(now) });
    }
    return {
      id: step.id,
      number: i + 1,
      title: step.title,
      regieBefore: a.steps[i].regieTitles,
      regieAfter: b.steps[i].regieTitles,
      writtenBefore: a.steps[i].written,
      writtenAfter: b.steps[i].written,
      changes,
    };
  });
  return {
    kind: 'routekaart',
    coverage: { before: a.coverage, after: b.coverage, delta: delta(a.coverage, b.coverage) },
    counts: [
      { label: 'Stappen met precies één partner met regie', before: a.stepsWithOneRegie, after: b.stepsWithOneRegie },
      { label: 'Stappen zonder regie', before: a.withoutRegie.length, after: b.withoutRegie.length },
      { label: 'Stappen met meer dan één regie', before: a.multipleRegie.length, after: b.multipleRegie.length },
      { label: 'Partners zonder rol', before: a.partnersWithoutRole.length, after: b.partnersWithoutRole.length },
      { label: 'Stappen met afspraken op papier', before: a.steps.length - a.notWritten.length, after: b.steps.length - b.notWritten.length },
    ],
    steps,
    changed: steps.filter((s) => s.changes.length || s.writtenBefore !== s.writtenAfter),
  };
}

function compareInventory(instrument, before, after) {
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

/** Compare two answer sets of the same instrument. */
export function compare(instrument, before, after) {
  if (isScored(instrument)) return compareScored(instrument, before, after);
  if (instrument.kind === 'routekaart') return compareRoutekaart(instrument, before, after);
  if (instrument.kind === 'inventarisatie') return compareInventory(instrument, before, after);
  throw new Error(`Vergelijken kan niet voor ${instrument.kind}.`);
}
