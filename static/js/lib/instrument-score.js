// Scores of an instrument with questions on a scale (the scored kinds, kinds/scored.js),
// computed from its JSON definition and the answers only (no DOM), so the instrument page, the
// work agenda and the workshop all agree.
//
// answers: { itemId: scaleId | 'nvt' }. A score is the percentage of the points possible
// over the answered, applicable items, with each item's points multiplied by its weight.

/** Points of the top answer of the scale. */
function topPoints(instrument) {
  return Math.max(0, ...instrument.scale.map((s) => s.points));
}

function pointsOf(instrument, answer) {
  return instrument.scale.find((s) => s.id === answer)?.points;
}

/** Sum of weighted points over `items`; `possible` 0 means nothing to score. */
function tally(instrument, items, answers) {
  const top = topPoints(instrument);
  let got = 0;
  let possible = 0;
  let answered = 0;
  let applicable = 0;
  for (const item of items) {
    const answer = answers[item.id];
    if (answer === instrument.not_applicable?.id) {
      answered += 1;
      continue;
    }
    applicable += 1;
    const points = pointsOf(instrument, answer);
    if (points === undefined) continue;
    answered += 1;
    got += points * item.weight;
    possible += top * item.weight;
  }
  return { got, possible, answered, applicable, total: items.length };
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

/**
 * Everything the result view shows: overall and per-theme scores (`score` with one decimal for
 * showing, `exact` unrounded for computing with: the workshop's means and deviations), the band, completeness
 * (`provisional` while questions are open), and the gaps: answered items below the top
 * answer, heaviest first, with the advice for the chosen answer.
 */
export function score(instrument, answers = {}) {
  const overall = tally(instrument, instrument.items, answers);
  const overallScore = percent(overall);
  const themes = instrument.themes.map((theme) => {
    const t = tally(instrument, instrument.items.filter((i) => i.theme === theme.id), answers);
    return { id: theme.id, title: theme.title, score: percent(t), exact: exactPercent(t), answered: t.answered, total: t.total };
  });
  const top = topPoints(instrument);
  const gaps = instrument.items
    .filter((item) => {
      const points = pointsOf(instrument, answers[item.id]);
      return points !== undefined && points < top;
    })
    .sort((a, b) => b.weight - a.weight || a.number - b.number)
    .map((item) => ({
      id: item.id,
      number: item.number,
      theme: item.theme,
      question: item.question,
      weight: item.weight,
      answer: answers[item.id],
      advice: item.advice[answers[item.id]] ?? '',
    }));
  return {
    score: overallScore,
    exact: exactPercent(overall),
    band: bandFor(instrument, overallScore),
    answered: overall.answered,
    total: overall.total,
    provisional: overall.answered < overall.total,
    themes,
    gaps,
  };
}

/** "7 van 10 beantwoord". */
export function completeness(result) {
  return `${result.answered} van ${result.total} beantwoord`;
}
