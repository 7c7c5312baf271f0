// Scores of an instrument with questions on a scale (the scored kinds, kinds/scored.js),
// computed from its JSON definition and the answers only (no DOM), so the instrument page, the
// work agenda and the workshop all agree.
//
// answers: { itemId: scaleId | 'nvt' | 'onbekend' }. Two answers outside the scale mean
// different things:
// - "niet van toepassing" (nvt) leaves the item out: it neither helps nor hurts;
// - "weet ik niet" (onbekend) is a finding: the item counts as not met (no points of the
//   points possible) and becomes something to find out.
// A score is the percentage of the points possible over the applicable items that have an
// answer, with each item's points multiplied by its weight.
//
// Two rules keep a score from reassuring when it should warn (README, "Hoe de uitslag
// telt"):
// - more than a quarter of the applicable items unknown or still open: the result is
//   provisional and has no band;
// - an item marked as a legal duty (`duty`) that is not answered with the top answer keeps
//   the result out of the top band, and the result names the duty with law and article.

import { plainParagraphs } from './plain-text.js';

/** More than this share of unknown or open answers makes a result provisional. */
export const PROVISIONAL_SHARE = 0.25;

/** The advice for "weet ik niet" when the item has none of its own. */
export const FIND_OUT = 'Zoek uit hoe dit nu geregeld is en wie dat weet. Vul deze vraag daarna opnieuw in.';

/** Points of the top answer of the scale. */
function topPoints(instrument) {
  return Math.max(0, ...instrument.scale.map((s) => s.points));
}

function pointsOf(instrument, answer) {
  return instrument.scale.find((s) => s.id === answer)?.points;
}

const isNotApplicable = (instrument, answer) => answer !== undefined && answer === instrument.not_applicable?.id;
const isUnknown = (instrument, answer) => answer !== undefined && answer === instrument.unknown?.id;

/** Sum of weighted points over `items`; `possible` 0 means nothing to score. */
function tally(instrument, items, answers) {
  const top = topPoints(instrument);
  const t = { got: 0, possible: 0, answered: 0, applicable: 0, unknown: 0, total: items.length };
  for (const item of items) {
    const answer = answers[item.id];
    if (isNotApplicable(instrument, answer)) {
      t.answered += 1;
      continue;
    }
    t.applicable += 1;
    const unknown = isUnknown(instrument, answer);
    const points = unknown ? 0 : pointsOf(instrument, answer);
    if (points === undefined) continue;
    if (unknown) t.unknown += 1;
    t.answered += 1;
    t.got += points * item.weight;
    t.possible += top * item.weight;
  }
  return t;
}

/** The percentage, unrounded (for the group's mean and deviation), or null. */
function exactPercent({ got, possible }) {
  return possible > 0 ? (got / possible) * 100 : null;
}

/** A percentage with one decimal, or null when nothing can be scored. */
function percent(t) {
  const exact = exactPercent(t);
  return exact === null ? null : Math.round(exact * 10) / 10;
}

/** The band a percentage falls in; bands use whole percents, so the score is rounded first. */
export function bandFor(instrument, score) {
  if (score === null) return null;
  const whole = Math.round(score);
  return instrument.bands.find((b) => whole >= b.from && whole <= b.to) ?? null;
}

/** The band just below the top band, or null when there is only one band. */
function belowTop(instrument) {
  const sorted = [...instrument.bands].sort((a, b) => b.from - a.from);
  return sorted[1] ?? null;
}

/**
 * The band of a result: none while provisional; never the top band while a legal duty is not
 * fully met (the band below it instead).
 */
function bandOf(instrument, score, { provisional, dutyShort }) {
  if (provisional) return null;
  const band = bandFor(instrument, score);
  if (!band || !dutyShort) return band;
  const top = Math.max(...instrument.bands.map((b) => b.to));
  return band.to === top ? belowTop(instrument) : band;
}

/** The first paragraph of the item's explanation as plain text: why the question matters. */
function whyOf(item) {
  return plainParagraphs(item.explanation ?? '')[0] ?? '';
}

/** What a gap says about one item below the top answer (or unknown). */
function gapOf(instrument, item, answer) {
  const unknown = isUnknown(instrument, answer);
  return {
    id: item.id,
    number: item.number,
    theme: item.theme,
    question: item.question,
    weight: item.weight,
    answer,
    unknown,
    advice: item.advice[answer] ?? (unknown ? FIND_OUT : ''),
    source: item.source ?? null,
    duty: item.duty?.text ?? null,
    why: whyOf(item),
  };
}

/** Items answered below the top answer or with "weet ik niet", heaviest first. */
function gapsOf(instrument, answers) {
  const top = topPoints(instrument);
  return instrument.items
    .filter((item) => {
      const answer = answers[item.id];
      if (isUnknown(instrument, answer)) return true;
      const points = pointsOf(instrument, answer);
      return points !== undefined && points < top;
    })
    .sort((a, b) => b.weight - a.weight || a.number - b.number)
    .map((item) => gapOf(instrument, item, answers[item.id]));
}

/**
 * The legal duties of the instrument: `missing` are those answered below the top answer or
 * unknown (each with law and article), `open` those not answered yet. N.v.t. is neither: a
 * duty of primary schools does not bind a secondary school.
 */
function dutiesOf(instrument, answers, gaps) {
  const duties = instrument.items.filter((i) => i.duty);
  return {
    total: duties.length,
    missing: gaps.filter((g) => g.duty),
    open: duties.filter((i) => answers[i.id] === undefined).map((i) => ({ id: i.id, number: i.number, question: i.question, duty: i.duty.text })),
  };
}

/**
 * Everything the result view shows: overall and per-theme scores (`score` with one decimal for
 * showing, `exact` unrounded for computing with: the workshop's means and deviations), the
 * band, completeness, the unknown answers, the legal duties not met and the gaps: items
 * answered below the top answer or unknown, heaviest first, with advice, source and why the
 * question matters.
 */
export function score(instrument, answers = {}) {
  const overall = tally(instrument, instrument.items, answers);
  const overallScore = percent(overall);
  const themes = instrument.themes.map((theme) => {
    const t = tally(instrument, instrument.items.filter((i) => i.theme === theme.id), answers);
    return { id: theme.id, title: theme.title, score: percent(t), exact: exactPercent(t), answered: t.answered, total: t.total, unknown: t.unknown };
  });
  const gaps = gapsOf(instrument, answers);
  const duties = dutiesOf(instrument, answers, gaps);
  const open = overall.total - overall.answered;
  const uncertain = overall.unknown + open;
  const provisional = overall.applicable > 0 && uncertain > PROVISIONAL_SHARE * overall.applicable;
  const dutyShort = duties.missing.length > 0 || duties.open.length > 0;
  const band = bandOf(instrument, overallScore, { provisional, dutyShort });
  return {
    score: overallScore,
    exact: exactPercent(overall),
    band,
    bandCapped: !provisional && band !== bandFor(instrument, overallScore),
    answered: overall.answered,
    total: overall.total,
    applicable: overall.applicable,
    unknown: overall.unknown,
    open,
    provisional,
    themes,
    duties,
    gaps,
  };
}

/** "7 van 10 beantwoord". */
export function completeness(result) {
  return `${result.answered} van ${result.total} beantwoord`;
}
