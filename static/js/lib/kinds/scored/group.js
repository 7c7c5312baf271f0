// The group result of a scored instrument, for the workshop page. No DOM.
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

import { h } from '../../view-tree.js';
import { table, chartView, pct } from '../../view-parts.js';
import { plainParagraphs } from '../../plain-text.js';
import { barChart } from '../../chart.js';
import { score, bandFor } from '../../instrument-score.js';
import { round, mean, standardDeviation, spreadOf, shareOf } from '../../stats.js';
import { formatPercent, formatNumber, plural } from '../../nl-format.js';

/** The disagreement of a list of points on a scale with top answer `top`, in percent. */
export function disagreement(points, top) {
  if (points.length < 2 || top <= 0) return null;
  return (standardDeviation(points) / (top / 2)) * 100;
}

function scoredItem(instrument, item, participants, top) {
  const nvt = instrument.not_applicable?.id;
  const unknownId = instrument.unknown?.id;
  const options = instrument.scale.map((s) => ({ id: s.id, label: s.label, points: s.points, count: 0 }));
  let notApplicable = 0;
  let unknown = 0;
  let open = 0;
  const points = [];
  for (const p of participants) {
    const answer = p.answers[item.id];
    const option = options.find((o) => o.id === answer);
    if (option) {
      option.count += 1;
      points.push(option.points);
    } else if (nvt !== undefined && answer === nvt) notApplicable += 1;
    else if (unknownId !== undefined && answer === unknownId) unknown += 1;
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
    unknown,
    open,
    answered: points.length,
    meanPoints,
    meanPercent: meanPoints === null || top <= 0 ? null : (meanPoints / top) * 100,
    disagreement: disagreement(points, top),
    modalShare: points.length ? modal / points.length : null,
  };
}

/**
 * Most disagreement first; equal: more n.v.t. first; then the order of the list. The spreads
 * are compared to 6 decimals, so that two equal distributions summed in another order (a
 * difference in the last bit) still count as equal.
 */
function byDisagreement(a, b) {
  const da = round(a.disagreement ?? -1, 6);
  const db = round(b.disagreement ?? -1, 6);
  return db - da || b.notApplicable - a.notApplicable || a.number - b.number;
}

function aggregate(instrument, participants) {
  const top = Math.max(0, ...instrument.scale.map((s) => s.points));
  const items = instrument.items.map((item) => scoredItem(instrument, item, participants, top));
  // Unrounded scores: a deviation of scores rounded first is off by a tenth (8,4 for 8,3).
  const results = participants.map((p) => score(instrument, p.answers));
  const themes = instrument.themes.map((theme, i) => ({
    id: theme.id,
    title: theme.title,
    ...spreadOf(results.map((r) => r.themes[i].exact).filter((s) => s !== null)),
  }));
  const overall = spreadOf(results.map((r) => r.exact).filter((s) => s !== null));
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

/** The rows of an item's distribution: every scale option, "weet ik niet", n.v.t., no answer. */
function distributionRows(instrument, item, n) {
  const rows = item.options.map((o) => ({ label: o.label, count: o.count }));
  if (instrument.unknown) rows.push({ label: instrument.unknown.label, count: item.unknown });
  if (instrument.not_applicable) rows.push({ label: instrument.not_applicable.label, count: item.notApplicable });
  rows.push({ label: 'Geen antwoord', count: item.open });
  return rows.map((r) => ({ ...r, share: shareOf(r.count, n) }));
}

function itemStats(item, top) {
  const parts = [
    item.disagreement === null ? 'verschil van mening: te weinig antwoorden' : `verschil van mening ${formatPercent(item.disagreement)}`,
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
  const row = (title, t) => [title, pct(t.mean), t.sd === null ? '–' : `${formatNumber(t.sd)} punten`, pct(t.min), pct(t.max), String(t.n)];
  return table(
    'Score per thema van de groep',
    ['Thema', 'Gemiddelde score', 'Verschil tussen deelnemers', 'Laagste', 'Hoogste', 'Deelnemers met een score'],
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
    h('p', {}, 'De score van elke deelnemer per thema, en hoe ver die uit elkaar liggen. Het verschil tussen deelnemers zegt hoeveel punten (van de 100) een score gemiddeld van het gemiddelde af ligt: hoe groter, hoe meer de scores verschillen.'),
    themeTable(agg),
    h('h3', { id: 'per-vraag' }, 'Per vraag: de meeste verschillen eerst'),
    h(
      'p',
      {},
      'Bovenaan staan de vragen waarop de groep het minst eens is: daar is het gesprek. Het verschil van mening laat zien hoe ver de antwoorden uit elkaar liggen. Bij 0% gaf iedereen hetzelfde antwoord. Bij 100% koos de helft het hoogste en de helft het laagste antwoord. "Weet ik niet" en een open vraag tellen niet mee in het verschil van mening en het gemiddelde.',
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

/**
 * How far apart the group is, in plain words for the room, with the figure beside it:
 * a spread of 50 % or more "verschillend", up to 25 % "grotendeels eens", between "deels eens".
 */
export function agreementWords(disagreement) {
  if (disagreement === null) return { text: 'Te weinig antwoorden om te zien of de groep het eens is', level: 'onbekend' };
  if (disagreement >= 50) return { text: 'De groep denkt hier verschillend over', level: 'verschil' };
  if (disagreement <= 25) return { text: 'De groep is het hier grotendeels eens', level: 'eens' };
  return { text: 'De groep is het hier deels eens', level: 'deels' };
}

/**
 * Per item, in disagreement order, one screen: "Vraag 7" and the question, the group's
 * agreement in words with the spread beside it, and the bars large (`lead` and `chart` fill the
 * first screen); below it the table with the same numbers and the explanation.
 */
function slides(instrument, agg) {
  const byId = new Map(agg.items.map((i) => [i.id, i]));
  const defs = new Map(instrument.items.map((i) => [i.id, i]));
  const themeTitle = new Map(instrument.themes.map((t) => [t.id, t.title]));
  return agg.order.map((id) => {
    const item = byId.get(id);
    const def = defs.get(id);
    const explanation = plainParagraphs(def.explanation);
    const rows = distributionRows(instrument, item, agg.participants);
    const words = agreementWords(item.disagreement);
    return {
      unit: 'Vraag',
      heading: `Vraag ${item.number}. ${item.question}`,
      lead: h(
        'p',
        { class: `projectie__oordeel projectie__oordeel--${words.level}` },
        h('strong', {}, `${words.text}.`),
        item.disagreement === null ? null : h('span', { class: 'projectie__cijfer' }, ` Verschil van mening ${formatPercent(item.disagreement, 0)}`),
        h('span', { class: 'projectie__cijfer' }, ` · ${plural(item.answered, 'antwoord', 'antwoorden')}`),
      ),
      chart: chartView(barChart(rows.map((r) => ({ title: `${r.label} (${r.count})`, score: r.share })), { title: `Antwoorden op vraag ${item.number}` }), `dia-${item.id}`),
      body: [
        h('p', { class: 'projectie__cijfers' }, `Thema: ${themeTitle.get(item.theme) ?? item.theme}. `, itemStats(item, agg.top), '.'),
        table(`Antwoorden op vraag ${item.number}`, ['Antwoord', 'Aantal', 'Deel van de groep'], rows.map((r) => [r.label, String(r.count), pct(r.share)])),
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
  const unknown = instrument.unknown;
  const head = ['Volgorde (meeste verschil eerst)', 'Vraag', 'Thema', 'Tekst', ...instrument.scale.map((s) => s.label), ...(unknown ? [unknown.label] : []), ...(nvt ? [nvt.label] : []), 'Geen antwoord', 'Gemiddelde (% van de punten)', 'Verschil van mening (%)'];
  const items = agg.order.map((id, rank) => {
    const i = byId.get(id);
    return [rank + 1, i.number, themeTitle.get(i.theme) ?? i.theme, i.question, ...i.options.map((o) => o.count), ...(unknown ? [i.unknown] : []), ...(nvt ? [i.notApplicable] : []), i.open, round(i.meanPercent, 1), round(i.disagreement, 1)];
  });
  const themeRow = (title, t) => [title, round(t.mean, 1), round(t.sd, 1), round(t.min, 1), round(t.max, 1), t.n];
  return [
    head,
    ...items,
    [],
    ['Thema', 'Gemiddelde score (%)', 'Verschil tussen deelnemers (punten)', 'Laagste (%)', 'Hoogste (%)', 'Deelnemers met een score'],
    ...agg.themes.map((t) => themeRow(t.title, t)),
    themeRow('Totaal', agg.overall),
  ];
}

export const group = { aggregate, groupView, groupSummary, slides, csvRows };
