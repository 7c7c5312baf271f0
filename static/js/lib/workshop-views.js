// What the workshop page shows, as view trees (view-tree.js): the list of participants, the
// group result per kind (text, tables and bar charts with the same numbers), the slides of the
// projector view and the top of the printed handout. Pure: the page renders the trees.

import { h } from './view-tree.js';
import { table, chartView, printHeaderView } from './instrument-views.js';
import { barChart } from './chart.js';
import { countAnswered } from './instrument-answers.js';
import { formatNumber, formatPercent, formatDate, plural } from './nl-format.js';
import { participantLabel } from './workshop-input.js';

const pct = (v) => (v === null || v === undefined ? '–' : formatPercent(v));
const num = (v) => (v === null || v === undefined ? '–' : formatNumber(v, 2));
const share = (count, n) => (n ? Math.round((count / n) * 1000) / 10 : null);

/**
 * Markdown of an explanation as plain paragraphs: links become their text, emphasis and code
 * marks go, every list item is its own paragraph. The page has no Markdown renderer, and the
 * projector needs the words, not the links (they point into the handbook).
 */
export function plainParagraphs(markdown) {
  const inline = (text) =>
    text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/\*(\S(?:[^*]*\S)?)\*/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  const out = [];
  for (const block of String(markdown ?? '').split(/\n\s*\n/)) {
    let paragraph = [];
    const flush = () => {
      const text = inline(paragraph.join(' '));
      if (text) out.push(text);
      paragraph = [];
    };
    for (const line of block.split('\n')) {
      const bullet = /^\s{0,3}([-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (bullet) {
        flush();
        paragraph.push(bullet[2]);
      } else {
        paragraph.push(line.replace(/^\s{0,3}(#{1,6}|>)\s*/, ''));
      }
    }
    flush();
  }
  return out;
}

// ----- participants -------------------------------------------------------------------------

function sourceText(p) {
  return p.source === 'bestand' ? `bestand "${p.file}"` : 'deelcode';
}

export function participantsView(instrument, session) {
  const list = session.participants;
  if (!list.length) return h('p', { class: 'workshop__leeg' }, 'Er zijn nog geen uitslagen toegevoegd.');
  return table(
    `Deelnemers (${list.length})`,
    ['Deelnemer', 'Toegevoegd als', 'Ingevuld', 'Verwijderen'],
    list.map((p) => {
      const { answered, total } = countAnswered(instrument, p.answers);
      return [
        participantLabel(p),
        sourceText(p),
        `${answered} van ${total}`,
        h('button', { type: 'button', class: 'knop knop--tweede knop--klein', 'data-verwijder': String(p.n) }, 'Verwijder', h('span', { class: 'visueel-verborgen' }, ` ${participantLabel(p)}`)),
      ];
    }),
  );
}

// ----- checklist and toetsvragen -----------------------------------------------------------

/** The rows of an item's distribution: every scale option, n.v.t., no answer. */
function distributionRows(instrument, item, n) {
  const rows = item.options.map((o) => ({ label: o.label, count: o.count }));
  if (instrument.not_applicable) rows.push({ label: instrument.not_applicable.label, count: item.notApplicable });
  rows.push({ label: 'Geen antwoord', count: item.open });
  return rows.map((r) => ({ ...r, share: share(r.count, n) }));
}

export function itemStats(item, top) {
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

export function scoredGroupView(instrument, agg) {
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

// ----- routekaart ---------------------------------------------------------------------------

function roleCount(cell, id) {
  return cell.roles.find((r) => r.id === id)?.count ?? 0;
}

function modalText(instrument, cell) {
  if (!cell.answered) return 'nog niemand';
  const labels = cell.modal.map((id) => instrument.roles.find((r) => r.id === id)?.label ?? id);
  const count = roleCount(cell, cell.modal[0]);
  return `${labels.join(' / ')} (${count} van ${cell.answered})`;
}

function regieText(step) {
  if (!step.regie.length) return 'Niemand gaf een partner de regie.';
  return `Regie volgens de groep: ${step.regie.map((r) => `${r.title} (${r.count})`).join(', ')}.`;
}

function stepFacts(step, n) {
  return `Precies één partner met regie: ${step.oneRegie} · meer dan één: ${step.moreRegie} · geen regie: ${step.noRegie} · nog niet ingevuld: ${step.notFilled} · op papier volgens ${step.written} van ${n}.`;
}

function stepTable(instrument, step) {
  return table(
    `Rollen bij stap ${step.number}: ${step.title}`,
    ['Partner', ...instrument.roles.map((r) => r.label), 'Open', 'Eens (drie kwart of meer)'],
    step.cells.map((c) => [c.partnerTitle, ...instrument.roles.map((r) => String(roleCount(c, r.id))), String(c.open), c.answered ? (c.consensus ? 'ja' : 'nee') : '–']),
  );
}

export function routekaartGroupView(instrument, agg) {
  const c = agg.coverage;
  return h(
    'div',
    { class: 'groep' },
    h(
      'p',
      { class: 'uitslag__score' },
      `${plural(agg.participants, 'deelnemer', 'deelnemers')}. Bij ${agg.withoutConsensus.length} van de ${agg.cells} cellen is de groep het niet eens.`,
      c.mean === null ? null : ` Dekking gemiddeld ${formatPercent(c.mean, 0)}, van ${formatPercent(c.min, 0)} tot ${formatPercent(c.max, 0)}.`,
    ),
    h('p', {}, `Een cel is één partner bij één stap. De groep is het eens als minstens drie van de vier deelnemers die de cel invulden dezelfde rol kozen.`),
    h('h3', {}, 'Waar de groep het niet eens is'),
    agg.withoutConsensus.length
      ? table(
          'Cellen zonder eensgezindheid, de grootste verschillen eerst',
          ['Stap en partner', ...instrument.roles.map((r) => r.label), 'Open', 'Meest gekozen'],
          agg.withoutConsensus.map((cell) => [`Stap ${cell.stepNumber} (${cell.stepTitle}), ${cell.partnerTitle}`, ...instrument.roles.map((r) => String(roleCount(cell, r.id))), String(cell.open), modalText(instrument, cell)]),
        )
      : h('p', {}, agg.participants ? 'Bij elke ingevulde cel koos minstens drie kwart van de groep dezelfde rol.' : 'Nog geen uitslagen.'),
    agg.unanswered ? h('p', {}, `${plural(agg.unanswered, 'cel heeft', 'cellen hebben')} nog van niemand een antwoord.`) : null,
    h('h3', {}, 'Per stap'),
    agg.steps.map((step) => h('section', { class: 'groep__stap', 'aria-label': `Stap ${step.number}: ${step.title}` }, h('h4', {}, `Stap ${step.number}. ${step.title}`), h('p', {}, regieText(step)), h('p', { class: 'groep__cijfers' }, stepFacts(step, agg.participants)), stepTable(instrument, step))),
  );
}

// ----- inventarisatie -----------------------------------------------------------------------

function numberText(v, kind) {
  if (v === null || v === undefined) return '–';
  return kind === 'ratio' ? formatPercent(v) : formatNumber(v, 2);
}

function rangeRow(row) {
  return [row.label, String(row.n), numberText(row.min, row.kind), numberText(row.median, row.kind), numberText(row.max, row.kind)];
}

export function inventoryGroupView(instrument, agg, labels) {
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

export function groupView(instrument, agg, labels) {
  if (agg.kind === 'scored') return scoredGroupView(instrument, agg);
  if (agg.kind === 'routekaart') return routekaartGroupView(instrument, agg);
  return inventoryGroupView(instrument, agg, labels);
}

/** One sentence for the live region after a change. */
export function groupSummary(agg) {
  const n = plural(agg.participants, 'deelnemer', 'deelnemers');
  if (agg.kind === 'scored') return agg.overall.mean === null ? `${n}.` : `${n}, gemiddelde score ${formatPercent(agg.overall.mean)}.`;
  if (agg.kind === 'routekaart') return `${n}, ${plural(agg.withoutConsensus.length, 'cel', 'cellen')} zonder eensgezindheid.`;
  return `${n}, ${plural(agg.flagged.length, 'deelnemer', 'deelnemers')} met getallen die niet kloppen.`;
}

// ----- projector ----------------------------------------------------------------------------

/**
 * The projector shows one slide at a time: { unit, heading, body } per item in disagreement
 * order, per step of the route, or per field. The heading is what the position line and the
 * live region say next to "Vraag 3 van 10".
 */
export function slides(instrument, agg) {
  if (agg.kind === 'scored') {
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
  if (agg.kind === 'routekaart') {
    return agg.steps.map((step) => ({
      unit: 'Stap',
      heading: `Stap ${step.number}. ${step.title}`,
      body: [
        step.description ? h('p', {}, step.description) : null,
        h('p', { class: 'projectie__cijfers' }, regieText(step)),
        stepTable(instrument, step),
        chartView(
          barChart(step.cells.map((c) => ({ title: `${c.partnerTitle} (${roleCount(c, 'regie')})`, score: share(roleCount(c, 'regie'), agg.participants) })), { title: `Regie bij stap ${step.number}, volgens de groep` }),
          `dia-${step.id}`,
        ),
        h('p', {}, stepFacts(step, agg.participants)),
      ],
    }));
  }
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

/** "Vraag 3 van 10". */
export function positionText(list, index) {
  return `${list[index]?.unit ?? 'Onderdeel'} ${index + 1} van ${list.length}`;
}

/** The top of the printed handout. */
export function handoutHeaderView(instrument, agg, date) {
  return h(
    'div',
    { class: 'alleen-print' },
    printHeaderView(instrument, date, null),
    h('p', {}, `Groepsuitslag van ${plural(agg.participants, 'deelnemer', 'deelnemers')}, ${formatDate(date)}.`),
  );
}
