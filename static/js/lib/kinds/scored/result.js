// The result of one scored instrument as the instrument page shows it: the summary, the view
// with scores per theme, chart and gaps, and the comparison with an earlier result. No DOM.

import { h } from '../../view-tree.js';
import { table, chartView } from '../../view-parts.js';
import { barChart } from '../../chart.js';
import { score, completeness, PROVISIONAL_SHARE } from '../../instrument-score.js';
import { delta } from '../../stats.js';
import { formatPercent, formatDelta, plural } from '../../nl-format.js';
import { answerLabel } from './kind.js';

function summary(result) {
  const parts = [];
  if (result.score === null) parts.push(result.answered ? 'Nog geen score: alle beantwoorde vragen zijn niet van toepassing.' : 'Nog geen score.');
  else if (result.provisional) parts.push(`Voorlopige score ${formatPercent(result.score)}, nog zonder oordeel.`);
  else parts.push(`Score ${formatPercent(result.score)}${result.band ? `: ${result.band.label}` : ''}.`);
  if (result.duties.missing.length) parts.push(`${plural(result.duties.missing.length, 'wettelijke plicht ontbreekt', 'wettelijke plichten ontbreken')}.`);
  if (result.unknown) parts.push(`${plural(result.unknown, 'antwoord', 'antwoorden')} "weet ik niet".`);
  parts.push(`${completeness(result)}.`);
  return parts.join(' ');
}

/** The lines under the score: the band's message, or why there is no band (yet). */
function verdict(instrument, result) {
  if (result.score === null) return null;
  if (result.provisional) {
    const share = result.unknown + result.open;
    return h(
      'p',
      { class: 'uitslag__voorlopig' },
      h('strong', {}, 'Voorlopige uitslag. '),
      `Bij ${share} van de ${result.applicable} vragen die meetellen is het antwoord "weet ik niet" of nog open. Dat is meer dan een kwart, dus deze uitslag geeft nog geen oordeel.`,
    );
  }
  return [
    result.band?.message ? h('p', {}, result.band.message) : null,
    result.bandCapped
      ? h('p', { class: 'uitslag__plicht' }, `De hoogste uitkomst kan pas als alle wettelijke plichten geregeld zijn.`)
      : null,
  ];
}

/** Many "niet van toepassing" answers shrink what the score is about: say so. */
function notApplicableNote(result) {
  const left = result.total - result.applicable;
  if (left <= PROVISIONAL_SHARE * result.total) return null;
  return h('p', {}, `Let op: ${left} van de ${result.total} vragen zijn "niet van toepassing". De score gaat alleen over de andere ${result.applicable}.`);
}

/** "Bron: …" and "Waarom: …" under a gap or a duty: the legal basis, everywhere a gap shows. */
function basis(gap) {
  return [
    gap.why ? h('p', { class: 'verbeterpunt__waarom' }, h('strong', {}, 'Waarom dit ertoe doet: '), gap.why) : null,
    gap.source ? h('p', { class: 'verbeterpunt__bron' }, h('strong', {}, 'Bron: '), gap.source) : null,
  ];
}

function gapItem(instrument, g) {
  return h(
    'li',
    { class: 'verbeterpunt' },
    h('p', { class: 'verbeterpunt__vraag' }, h('strong', {}, `Vraag ${g.number}. `), g.question),
    g.duty ? h('p', { class: 'verbeterpunt__plicht' }, `Wettelijke plicht: ${g.duty}`) : null,
    h('p', { class: 'verbeterpunt__antwoord' }, `Je antwoord: ${answerLabel(instrument, g.answer)}.`),
    g.advice ? h('p', { class: 'verbeterpunt__advies' }, h('strong', {}, g.unknown ? 'Uitzoeken: ' : 'Advies: '), g.advice) : null,
    basis(g),
  );
}

/** The legal duties that are not (fully) met lead the result, with law and article. */
function dutiesView(result) {
  const { missing, open } = result.duties;
  if (!missing.length && !open.length) return null;
  return h(
    'div',
    { class: 'uitslag__plichten' },
    missing.length
      ? [
          h('h3', {}, 'Wettelijke plichten die ontbreken'),
          h('p', {}, 'De wet schrijft deze punten voor. Ze zijn nog niet helemaal geregeld, of je weet het niet.'),
          h('ul', {}, missing.map((g) => h('li', {}, h('strong', {}, `${g.duty}. `), `Vraag ${g.number}: ${g.question}`))),
        ]
      : null,
    open.length && result.answered > 0
      ? h('p', {}, `Nog niet beantwoord: ${plural(open.length, 'vraag', 'vragen')} over een wettelijke plicht (${open.map((d) => `vraag ${d.number}`).join(', ')}).`)
      : null,
  );
}

function gapsView(instrument, result) {
  const toDo = result.gaps.filter((g) => !g.unknown);
  const findOut = result.gaps.filter((g) => g.unknown);
  return [
    h('h3', {}, 'Waar je aan kunt werken'),
    toDo.length
      ? [
          h('p', {}, 'Vragen waarop je niet het hoogste antwoord gaf. De belangrijkste staan bovenaan.'),
          h('ol', { class: 'verbeterpunten' }, toDo.map((g) => gapItem(instrument, g))),
        ]
      : h('p', {}, result.answered > 0 ? 'Geen verbeterpunten: bij elke beantwoorde vraag koos je het hoogste antwoord, "weet ik niet" of "niet van toepassing".' : 'Nog geen verbeterpunten: beantwoord eerst de vragen.'),
    findOut.length
      ? [
          h('h3', {}, 'Uitzoeken'),
          h('p', {}, `Bij ${plural(findOut.length, 'vraag', 'vragen')} koos je "weet ik niet". Dat telt als nog niet geregeld. Zoek uit hoe het zit.`),
          h('ol', { class: 'verbeterpunten' }, findOut.map((g) => gapItem(instrument, g))),
        ]
      : null,
  ];
}

function resultView(instrument, result, { answers = {}, notes = {}, earlier = null } = {}) {
  const summary = [
    result.score === null
      ? h('p', { class: 'uitslag__score' }, result.answered ? 'Er is nog geen score: alle vragen die je hebt beantwoord zijn "niet van toepassing".' : 'Er is nog geen score. Beantwoord de vragen hierboven; de uitslag verschijnt hier terwijl je invult.')
      : h('p', { class: 'uitslag__score' }, h('strong', {}, `Score: ${formatPercent(result.score)}`), result.band ? [' – ', h('strong', {}, result.band.label)] : null),
    verdict(instrument, result),
    h(
      'p',
      {},
      `${completeness(result)}.`,
      result.unknown ? ` ${plural(result.unknown, 'antwoord', 'antwoorden')} "weet ik niet".` : null,
      result.open > 0 && result.answered > 0 && !result.provisional ? ` Nog ${plural(result.open, 'vraag', 'vragen')} open.` : null,
    ),
    notApplicableNote(result),
  ];
  const themeRows = result.themes.map((t) => [t.title, formatPercent(t.score), `${t.answered} van ${t.total}`]);
  const themes = [
    h('h3', {}, 'Score per thema'),
    table('Score per thema', ['Thema', 'Score', 'Beantwoord'], themeRows, ['Totaal', formatPercent(result.score), `${result.answered} van ${result.total}`], { captionShown: false }),
    chartView(
      barChart(
        result.themes.map((t, i) => ({ title: t.title, score: t.score, earlier: earlier ? earlier.themes[i].before : null })),
        { title: earlier ? 'Score per thema, nu en eerder' : 'Score per thema', withEarlier: Boolean(earlier) },
      ),
      'grafiek-thema',
    ),
  ];
  // The print is a report to hand over: the gaps above carry the answers that need work, so
  // only the notes follow (all 42 answers again made the print of the toetsvragen 9 pages).
  const noted = instrument.items.filter((item) => (notes[item.id] ?? '').trim());
  const answersTable = noted.length
    ? h(
        'div',
        { class: 'alleen-print' },
        h('h3', {}, 'Je notities'),
        table(
          'Je notities',
          ['Vraag', 'Antwoord', 'Notitie'],
          noted.map((item) => [`${item.number}. ${item.question}`, answerLabel(instrument, answers[item.id]), notes[item.id]]),
        ),
      )
    : null;
  return h('div', { class: 'uitslag' }, summary, dutiesView(result), themes, gapsView(instrument, result), answersTable);
}

/**
 * Per item: change is 'beter' or 'slechter' (both scored, points differ), 'anders' (changed to
 * or from n.v.t.), 'nieuw' (now answered, open before), 'open' (answered before, open now) or
 * 'gelijk'.
 */
function compare(instrument, before, after) {
  const answerOf = (answers, key) => (Object.hasOwn(answers, key) ? answers[key] : null);
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

const CHANGE = { beter: 'beter', slechter: 'minder goed', anders: 'anders', nieuw: 'nu beantwoord', open: 'nu open', gelijk: 'gelijk' };

function compareView(instrument, cmp) {
  return [
    table(
      'Score per thema, eerder en nu',
      ['Thema', 'Eerder', 'Nu', 'Verschil'],
      cmp.themes.map((t) => [t.title, formatPercent(t.before), formatPercent(t.after), formatDelta(t.delta) || '–']),
      ['Totaal', formatPercent(cmp.overall.before), formatPercent(cmp.overall.after), formatDelta(cmp.overall.delta) || '–'],
    ),
    cmp.overall.bandBefore !== cmp.overall.bandAfter ? h('p', {}, `Eerder: ${cmp.overall.bandBefore ?? 'geen score'}. Nu: ${cmp.overall.bandAfter ?? 'geen score'}.`) : null,
    h('h4', {}, 'Wat is veranderd per vraag'),
    cmp.changed.length
      ? h('ul', { class: 'veranderingen' }, cmp.changed.map((i) => h('li', {}, h('strong', {}, `Vraag ${i.number}: ${CHANGE[i.change]}. `), `Eerder: ${i.before ?? 'niet beantwoord'}. Nu: ${i.after ?? 'niet beantwoord'}.`)))
      : h('p', {}, 'Er zijn geen antwoorden veranderd.'),
  ];
}

export const result = { analyse: (instrument, answers) => score(instrument, answers), summary, resultView, compare, compareView, fieldProblems: () => [] };
