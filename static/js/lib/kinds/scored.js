// The scored kinds, checklist and toetsvragen: questions answered on a scale with points. One
// module for both, as the two differ only in who fills them in. Everything that is particular to
// scored instruments is here, in the shape every kind has (kinds.js): the answer slots, the
// result and its view, the comparison with an earlier result, the group result of a workshop
// and its views and CSV rows, and the proposals for the werkagenda. No DOM.

import { h } from '../view-tree.js';
import { table, chartView, pct, plainParagraphs } from '../view-parts.js';
import { barChart } from '../chart.js';
import { score, bandFor, completeness } from '../instrument-score.js';
import { CHOICES } from '../code-packing.js';
import { round, mean, standardDeviation, spreadOf, delta, shareOf } from '../stats.js';
import { formatPercent, formatNumber, formatDelta, plural } from '../nl-format.js';
import { proposal } from '../proposal.js';

// ----- answers ------------------------------------------------------------------------------

/** One slot per item: a scale id or the n.v.t. id; with a note. */
function slots(instrument) {
  const options = instrument.scale.map((s) => s.id);
  if (instrument.not_applicable) options.push(instrument.not_applicable.id);
  return instrument.items.map((item) => ({
    key: item.id,
    type: 'choice',
    options,
    label: `vraag ${item.number}`,
    control: item.control ?? `antwoord-${item.id}`,
    anchor: item.anchor ?? `vraag-${item.id}`,
    note: item.note ?? `notitie-${item.id}`,
  }));
}

function answerLabel(instrument, id) {
  if (id === undefined || id === null) return 'nog niet beantwoord';
  if (id === instrument.not_applicable?.id) return instrument.not_applicable.label;
  return instrument.scale.find((s) => s.id === id)?.label ?? id;
}

// ----- the result ---------------------------------------------------------------------------

function summary(result) {
  const parts = [];
  if (result.score === null) parts.push(result.answered ? 'Nog geen score: alle beantwoorde vragen zijn niet van toepassing.' : 'Nog geen score.');
  else parts.push(`Score ${formatPercent(result.score)}${result.band ? `: ${result.band.label}` : ''}.`);
  parts.push(`${completeness(result)}.`);
  return parts.join(' ');
}

function resultView(instrument, result, { answers = {}, notes = {}, earlier = null } = {}) {
  const open = result.total - result.answered;
  const summary = [
    result.score === null
      ? h('p', { class: 'uitslag__score' }, result.answered ? 'Er is nog geen score: alle vragen die je hebt beantwoord zijn "niet van toepassing".' : 'Er is nog geen score. Beantwoord de vragen hierboven; de uitslag verschijnt hier terwijl je invult.')
      : h('p', { class: 'uitslag__score' }, h('strong', {}, `Score: ${formatPercent(result.score)}`), result.band ? [' – ', h('strong', {}, result.band.label)] : null),
    result.band?.message ? h('p', {}, result.band.message) : null,
    h(
      'p',
      { class: result.provisional ? 'uitslag__voorlopig' : null },
      `${completeness(result)}.`,
      result.provisional && result.answered > 0 ? ` Dit is een voorlopige uitslag: nog ${plural(open, 'vraag', 'vragen')} open.` : null,
    ),
  ];
  const themeRows = result.themes.map((t) => [t.title, formatPercent(t.score), `${t.answered} van ${t.total}`]);
  const themes = [
    h('h3', {}, 'Score per thema'),
    table('Score per thema', ['Thema', 'Score', 'Beantwoord'], themeRows, ['Totaal', formatPercent(result.score), `${result.answered} van ${result.total}`]),
    chartView(
      barChart(
        result.themes.map((t, i) => ({ title: t.title, score: t.score, earlier: earlier ? earlier.themes[i].before : null })),
        { title: earlier ? 'Score per thema, nu en eerder' : 'Score per thema', withEarlier: Boolean(earlier) },
      ),
      'grafiek-thema',
    ),
  ];
  const gaps = [
    h('h3', {}, 'Waar je aan kunt werken'),
    result.gaps.length
      ? [
          h('p', {}, `Vragen waarop je niet het hoogste antwoord gaf. De belangrijkste (hoogste gewicht) staan bovenaan.`),
          h(
            'ol',
            { class: 'verbeterpunten' },
            result.gaps.map((g) =>
              h(
                'li',
                { class: 'verbeterpunt' },
                h('p', { class: 'verbeterpunt__vraag' }, h('strong', {}, `Vraag ${g.number}. `), g.question),
                h('p', { class: 'verbeterpunt__antwoord' }, `Je antwoord: ${answerLabel(instrument, g.answer)}. Gewicht: ${formatNumber(g.weight)}.`),
                g.advice ? h('p', { class: 'verbeterpunt__advies' }, h('strong', {}, 'Advies: '), g.advice) : null,
              ),
            ),
          ),
        ]
      : h('p', {}, result.answered > 0 ? 'Geen verbeterpunten: bij elke beantwoorde vraag koos je het hoogste antwoord of "niet van toepassing".' : 'Nog geen verbeterpunten: beantwoord eerst de vragen.'),
  ];
  const answersTable = h(
    'div',
    { class: 'alleen-print' },
    h('h3', {}, 'Je antwoorden en notities'),
    table(
      'Je antwoorden en notities',
      ['Vraag', 'Antwoord', 'Notitie'],
      instrument.items.map((item) => [`${item.number}. ${item.question}`, answerLabel(instrument, answers[item.id]), notes[item.id] ?? '']),
    ),
  );
  return h('div', { class: 'uitslag' }, summary, themes, gaps, answersTable);
}

// ----- comparison ---------------------------------------------------------------------------

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

// ----- the group result (workshop) ----------------------------------------------------------
//
// Per item: the count per scale option, n.v.t. and no answer; the mean in points, also as a
// percentage of the top answer; the disagreement ("spreiding"): the standard deviation of the
// points, divided by the largest standard deviation the scale allows (half the top: half the
// group at the top answer, half at 0). 0 % means everyone gave the same answer, 100 % a group
// split in two at both ends. We use the points and not "1 − share of the most chosen answer",
// because on an ordered scale "ja" against "nee" is a bigger difference than "ja" against
// "deels". With fewer than two scale answers there is no spread to measure (null). Items are
// ordered by disagreement, most first (where the conversation is); equal spread puts the item
// with more n.v.t. first (not knowing is worth discussing too), then list order. Per theme and
// overall: every participant's score, their mean, deviation (percentage points), lowest, highest.

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
function byDisagreement(a, b) {
  const da = a.disagreement ?? -1;
  const db = b.disagreement ?? -1;
  return db - da || b.notApplicable - a.notApplicable || a.number - b.number;
}

function aggregate(instrument, participants) {
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

/** The rows of an item's distribution: every scale option, n.v.t., no answer. */
function distributionRows(instrument, item, n) {
  const rows = item.options.map((o) => ({ label: o.label, count: o.count }));
  if (instrument.not_applicable) rows.push({ label: instrument.not_applicable.label, count: item.notApplicable });
  rows.push({ label: 'Geen antwoord', count: item.open });
  return rows.map((r) => ({ ...r, share: shareOf(r.count, n) }));
}

function itemStats(item, top) {
  const parts = [
    item.disagreement === null ? 'spreiding: te weinig antwoorden' : `spreiding ${formatPercent(item.disagreement)}`,
    item.meanPercent === null ? 'nog geen gemiddelde' : `gemiddeld ${formatPercent(item.meanPercent)} van de punten (${formatNumber(item.meanPoints, 2)} van ${formatNumber(top, 2)})`,
    `${plural(item.answered, 'antwoord', 'antwoorden')} op de schaal`,
  ];
  return parts.join(' · ');
}

function distributionView(instrument, item, n, prefix) {
  const rows = distributionRows(instrument, item, n);
  return [
    table(
      `Antwoorden op vraag ${item.number}`,
      ['Antwoord', 'Aantal', 'Deel van de groep'],
      rows.map((r) => [r.label, String(r.count), pct(r.share)]),
    ),
    chartView(barChart(rows.map((r) => ({ title: `${r.label} (${r.count})`, score: r.share })), { title: `Antwoorden op vraag ${item.number}` }), `${prefix}-${item.id}`),
  ];
}

function themeTable(agg) {
  const row = (title, t) => [title, pct(t.mean), t.sd === null ? '–' : `${formatNumber(t.sd)} procentpunt`, pct(t.min), pct(t.max), String(t.n)];
  return table(
    'Score per thema van de groep',
    ['Thema', 'Gemiddelde score', 'Spreiding', 'Laagste', 'Hoogste', 'Deelnemers met een score'],
    agg.themes.map((t) => row(t.title, t)),
    row('Totaal', agg.overall),
  );
}

function groupView(instrument, agg) {
  const byId = new Map(agg.items.map((i) => [i.id, i]));
  const themeTitle = new Map(instrument.themes.map((t) => [t.id, t.title]));
  const o = agg.overall;
  return h(
    'div',
    { class: 'groep' },
    h(
      'p',
      { class: 'uitslag__score' },
      o.mean === null
        ? `${plural(agg.participants, 'deelnemer', 'deelnemers')}, nog geen score.`
        : `${plural(agg.participants, 'deelnemer', 'deelnemers')}. Gemiddelde score ${formatPercent(o.mean)}${o.band ? ` (${o.band})` : ''}, van ${formatPercent(o.min)} tot ${formatPercent(o.max)}.`,
    ),
    h('h3', {}, 'Score per thema'),
    h('p', {}, 'De score van elke deelnemer per thema, en hoe ver die uit elkaar liggen. De spreiding is de standaarddeviatie: hoe groter, hoe meer de scores verschillen.'),
    themeTable(agg),
    h('h3', { id: 'per-vraag' }, 'Per vraag: de meeste verschillen eerst'),
    h(
      'p',
      {},
      'Bovenaan staan de vragen waarop de groep het minst eens is: daar is het gesprek. De spreiding laat zien hoe ver de antwoorden uit elkaar liggen. Bij 0% gaf iedereen hetzelfde antwoord. Bij 100% koos de helft het hoogste en de helft het laagste antwoord. "Weet ik niet" en een open vraag tellen niet mee in de spreiding en het gemiddelde.',
    ),
    h(
      'ol',
      { class: 'groep__vragen' },
      agg.order.map((id) => {
        const item = byId.get(id);
        return h(
          'li',
          { class: 'groep__vraag' },
          h('h4', { class: 'groep__vraagkop' }, `Vraag ${item.number}. ${item.question}`),
          h('p', { class: 'groep__cijfers' }, `Thema: ${themeTitle.get(item.theme) ?? item.theme}. `, itemStats(item, agg.top), '.'),
          distributionView(instrument, item, agg.participants, 'verdeling'),
        );
      }),
    ),
  );
}

function groupSummary(agg, n) {
  return agg.overall.mean === null ? `${n}.` : `${n}, gemiddelde score ${formatPercent(agg.overall.mean)}.`;
}

/** Per item, in disagreement order: the question, the spread, the bars and the explanation. */
function slides(instrument, agg) {
  const byId = new Map(agg.items.map((i) => [i.id, i]));
  const defs = new Map(instrument.items.map((i) => [i.id, i]));
  const themeTitle = new Map(instrument.themes.map((t) => [t.id, t.title]));
  return agg.order.map((id) => {
    const item = byId.get(id);
    const def = defs.get(id);
    const explanation = plainParagraphs(def.explanation);
    return {
      unit: 'Vraag',
      heading: `${item.number}. ${item.question}`,
      body: [
        h('p', { class: 'projectie__cijfers' }, `Thema: ${themeTitle.get(item.theme) ?? item.theme}. `, itemStats(item, agg.top), '.'),
        distributionView(instrument, item, agg.participants, 'dia'),
        explanation.length || def.source
          ? h('div', { class: 'projectie__uitleg' }, h('h3', {}, 'Waarom deze vraag'), explanation.map((p) => h('p', {}, p)), def.source ? h('p', {}, h('strong', {}, 'Bron: '), def.source) : null)
          : null,
      ],
    };
  });
}

function csvRows(instrument, agg) {
  const byId = new Map(agg.items.map((i) => [i.id, i]));
  const themeTitle = new Map(instrument.themes.map((t) => [t.id, t.title]));
  const nvt = instrument.not_applicable;
  const head = ['Volgorde (meeste verschil eerst)', 'Vraag', 'Thema', 'Tekst', ...instrument.scale.map((s) => s.label), ...(nvt ? [nvt.label] : []), 'Geen antwoord', 'Gemiddelde (% van de punten)', 'Spreiding (%)'];
  const items = agg.order.map((id, rank) => {
    const i = byId.get(id);
    return [rank + 1, i.number, themeTitle.get(i.theme) ?? i.theme, i.question, ...i.options.map((o) => o.count), ...(nvt ? [i.notApplicable] : []), i.open, i.meanPercent, i.disagreement];
  });
  const themeRow = (title, t) => [title, t.mean, t.sd, t.min, t.max, t.n];
  return [
    head,
    ...items,
    [],
    ['Thema', 'Gemiddelde score (%)', 'Spreiding (procentpunt)', 'Laagste (%)', 'Hoogste (%)', 'Deelnemers met een score'],
    ...agg.themes.map((t) => themeRow(t.title, t)),
    themeRow('Totaal', agg.overall),
  ];
}

// ----- proposals for the werkagenda ----------------------------------------------------------

function proposals(instrument, answers) {
  return score(instrument, answers).gaps.map((gap) => {
    const item = instrument.items.find((i) => i.id === gap.id);
    return proposal(instrument, gap.id, {
      theme: item?.agenda ?? null,
      action: gap.advice || `Werk aan deze vraag: ${gap.question}`,
      context: gap.question,
      source: `${instrument.title}, vraag ${gap.number} (antwoord: ${answerLabel(instrument, gap.answer)})`,
    });
  });
}

const kind = {
  answerable: true,
  hasNotes: true,
  codec: CHOICES,
  slots,
  analyse: (instrument, answers) => score(instrument, answers),
  summary,
  resultView,
  compare,
  compareView,
  aggregate,
  groupView,
  groupSummary,
  slides,
  csvRows,
  proposals,
};

/** A region's 10-point checklist: filled in first, its gaps come first on the werkagenda. */
export const checklist = {
  ...kind,
  agendaRank: 1,
  agendaHint: 'Begin hier als regio. De vragen met "deels" of "nee" worden voorstellen voor je werkagenda.',
};

/** A school's test questions for its absence protocol. */
export const toetsvragen = {
  ...kind,
  agendaRank: 3,
  agendaHint: 'Voor een school: wat ontbreekt er in het verzuimprotocol?',
};
