// What the result section shows, per kind of instrument, as view trees (view-tree.js): a text
// summary, tables, the chart, the gaps with advice, the comparison with an earlier result and
// the print-only parts. Pure: the page renders the trees.

import { h } from './view-tree.js';
import { formatPercent, formatNumber, formatDelta, formatDate, plural } from './nl-format.js';
import { barChart } from './chart.js';
import { completeness } from './instrument-score.js';

/** A table that scrolls in its own box on a small screen, reachable by keyboard. */
export function table(caption, head, rows, foot = null) {
  return h(
    'div',
    { class: 'tabel', role: 'region', 'aria-label': caption, tabindex: '0' },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col' }, cell)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell)))))),
      foot ? h('tfoot', {}, h('tr', {}, foot.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))))) : null,
    ),
  );
}

function answerLabel(instrument, id) {
  if (id === undefined || id === null) return 'nog niet beantwoord';
  if (id === instrument.not_applicable?.id) return instrument.not_applicable.label;
  return instrument.scale.find((s) => s.id === id)?.label ?? id;
}

/** The chart as a tree: an SVG image with a title and a description in words. */
export function chartView(data, idPrefix) {
  const titleId = `${idPrefix}-titel`;
  const descId = `${idPrefix}-uitleg`;
  return h(
    'figure',
    { class: 'grafiek' },
    h(
      'svg',
      { viewBox: `0 0 ${data.width} ${data.height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'grafiek__svg', 'font-size': String(data.font) },
      h('title', { id: titleId }, data.title),
      h('desc', { id: descId }, data.desc),
      data.rows.map((row) =>
        h(
          'g',
          {},
          row.labelLines.map((l) => h('text', { x: String(l.x), y: String(l.y), class: 'grafiek__label' }, l.text)),
          h('rect', { x: String(row.track.x), y: String(row.track.y), width: String(row.track.w), height: String(row.track.h), class: 'grafiek__spoor' }),
          h('rect', { x: String(row.bar.x), y: String(row.bar.y), width: String(row.bar.w), height: String(row.bar.h), class: 'grafiek__balk' }),
          h('text', { x: String(row.value.x), y: String(row.value.y), class: 'grafiek__waarde' }, row.value.text),
          row.earlier
            ? [
                h('rect', { x: String(row.earlier.track.x), y: String(row.earlier.track.y), width: String(row.earlier.track.w), height: String(row.earlier.track.h), class: 'grafiek__spoor' }),
                h('rect', { x: String(row.earlier.bar.x), y: String(row.earlier.bar.y), width: String(row.earlier.bar.w), height: String(row.earlier.bar.h), class: 'grafiek__balk grafiek__balk--eerder' }),
                h('text', { x: String(row.earlier.value.x), y: String(row.earlier.value.y), class: 'grafiek__waarde grafiek__waarde--eerder' }, row.earlier.value.text),
              ]
            : null,
        ),
      ),
    ),
    h('figcaption', { class: 'visueel-verborgen' }, 'Dezelfde cijfers staan in de tabel hierboven.'),
  );
}

// ----- checklist and toetsvragen -----------------------------------------------------------

export function scoredSummary(result) {
  const parts = [];
  if (result.score === null) parts.push(result.answered ? 'Nog geen score: alle beantwoorde vragen zijn niet van toepassing.' : 'Nog geen score.');
  else parts.push(`Score ${formatPercent(result.score)}${result.band ? `: ${result.band.label}` : ''}.`);
  parts.push(`${completeness(result)}.`);
  return parts.join(' ');
}

export function scoredView(instrument, result, { answers = {}, notes = {}, earlier = null } = {}) {
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

// ----- routekaart ---------------------------------------------------------------------------

function stepName(s) {
  return `stap ${s.number} (${s.title})`;
}

function listText(list) {
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} en ${list[list.length - 1]}`;
}

export function routekaartSummary(a) {
  const parts = [];
  parts.push(a.answered === 0 ? 'Nog niets ingevuld.' : `Dekking ${formatPercent(a.coverage, 0)}.`);
  if (a.withoutRegie.length) parts.push(`${plural(a.withoutRegie.length, 'stap', 'stappen')} zonder regie.`);
  if (a.multipleRegie.length) parts.push(`${plural(a.multipleRegie.length, 'stap', 'stappen')} met meer dan één regie.`);
  parts.push(`${a.answered} van ${a.total} rollen ingevuld.`);
  return parts.join(' ');
}

export function routekaartView(instrument, a) {
  const steps = instrument.steps.length;
  const findings = [];
  if (a.withoutRegie.length) findings.push(h('li', {}, h('strong', {}, 'Geen regie: '), `bij ${listText(a.withoutRegie.map(stepName))} heeft geen enkele partner de regie.`));
  if (a.multipleRegie.length) {
    findings.push(
      h('li', {}, h('strong', {}, 'Meer dan één regie: '), a.multipleRegie.map((s) => `bij ${stepName(s)} denken ${listText(s.regieTitles)} allemaal dat zij de regie hebben.`).join(' ')),
    );
  }
  if (a.partnersWithoutRole.length) findings.push(h('li', {}, h('strong', {}, 'Zonder rol: '), `${listText(a.partnersWithoutRole.map((p) => p.title))} ${a.partnersWithoutRole.length === 1 ? 'heeft' : 'hebben'} bij geen enkele stap een rol.`));
  if (a.answered > 0 && a.notWritten.length) findings.push(h('li', {}, h('strong', {}, 'Niet op papier: '), `de afspraken over ${listText(a.notWritten.map(stepName))} staan niet op papier.`));
  if (a.answered > 0 && a.open.length) findings.push(h('li', {}, h('strong', {}, 'Nog open: '), `bij ${listText(a.open.map(stepName))} is nog niets ingevuld.`));
  return h(
    'div',
    { class: 'uitslag' },
    a.answered === 0
      ? h('p', { class: 'uitslag__score' }, 'Er is nog geen uitslag. Kies per stap de rol van elke partner; de uitslag verschijnt hier terwijl je invult.')
      : h('p', { class: 'uitslag__score' }, h('strong', {}, `Dekking: ${formatPercent(a.coverage, 0)}`), ` – bij ${a.stepsWithOneRegie} van de ${steps} stappen heeft precies één partner de regie.`),
    h('p', { class: a.provisional ? 'uitslag__voorlopig' : null }, `${a.answered} van ${a.total} rollen ingevuld.`, a.provisional && a.answered > 0 ? ' Dit is een voorlopige uitslag.' : null),
    a.answered > 0 ? [h('h3', {}, 'Wat opvalt'), findings.length ? h('ul', { class: 'bevindingen' }, findings) : h('p', {}, 'Bij elke stap heeft precies één partner de regie, elke partner heeft een rol en alle afspraken staan op papier.')] : null,
    h('h3', {}, 'Regie per stap'),
    table(
      'Regie per stap',
      ['Stap', 'Regie', 'Neemt deel', 'Op papier'],
      a.steps.map((s) => [
        `${s.number}. ${s.title}`,
        s.regieTitles.length ? s.regieTitles.join(', ') : s.filled ? 'niemand' : 'nog open',
        s.roles.filter((r) => r.role === 'neemt_deel').map((r) => r.title).join(', ') || '–',
        s.written ? 'ja' : 'nee',
      ]),
    ),
  );
}

// ----- inventarisatie -----------------------------------------------------------------------

function derivedValue(d) {
  if (d.value === null) return '–';
  return d.kind === 'ratio' ? formatPercent(d.percent) : formatNumber(d.value, 0);
}

export function inventorySummary(inv) {
  const parts = [`${inv.filled} van ${inv.total} getallen ingevuld.`];
  const n = inv.problems.length + inv.checks.length;
  if (n) parts.push(`${plural(n, 'melding', 'meldingen')}: controleer je getallen.`);
  return parts.join(' ');
}

export function inventoryView(instrument, inv) {
  const messages = [
    ...inv.problems.map((f) => h('li', {}, h('a', { href: `#veld-${f.id}` }, `${f.label}: ${f.problem}`))),
    ...inv.checks.map((c) => h('li', {}, h('a', { href: `#veld-${instrument.fields.some((f) => f.id === c.whole) ? c.whole : firstField(instrument, c.part)}` }, c.message), ` (${c.partLabel}: ${formatNumber(c.partValue, 0)}; ${c.wholeLabel}: ${formatNumber(c.wholeValue, 0)})`)),
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

function firstField(instrument, derivedId) {
  const d = instrument.derived.find((x) => x.id === derivedId);
  if (!d) return derivedId;
  const next = d.kind === 'sum' ? d.of[0] : d.numerator;
  return instrument.fields.some((f) => f.id === next) ? next : firstField(instrument, next);
}

// ----- comparison ---------------------------------------------------------------------------

const CHANGE = { beter: 'beter', slechter: 'minder goed', anders: 'anders', nieuw: 'nu beantwoord', open: 'nu open', gelijk: 'gelijk' };

export function compareView(instrument, cmp, source) {
  const head = [
    h('h3', { id: 'vergelijking-kop' }, 'Vergelijking met een eerdere uitslag'),
    h('p', {}, `Eerder: ${source}. Nu: je antwoorden hierboven.`),
  ];
  let body;
  if (cmp.kind === 'scored') {
    body = [
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
  } else if (cmp.kind === 'routekaart') {
    body = [
      table('Routekaart, eerder en nu', ['Wat', 'Eerder', 'Nu'], [
        ['Dekking', formatPercent(cmp.coverage.before, 0), formatPercent(cmp.coverage.after, 0)],
        ...cmp.counts.map((c) => [c.label, String(c.before), String(c.after)]),
      ]),
      h('h4', {}, 'Wat is veranderd per stap'),
      cmp.changed.length
        ? h(
            'ul',
            { class: 'veranderingen' },
            cmp.changed.map((s) =>
              h(
                'li',
                {},
                h('strong', {}, `Stap ${s.number}. ${s.title}: `),
                s.changes.map((c) => `${c.title}: eerder ${c.before ?? 'niet ingevuld'}, nu ${c.after ?? 'niet ingevuld'}.`).join(' '),
                s.writtenBefore !== s.writtenAfter ? ` Op papier: eerder ${s.writtenBefore ? 'ja' : 'nee'}, nu ${s.writtenAfter ? 'ja' : 'nee'}.` : null,
              ),
            ),
          )
        : h('p', {}, 'Er is niets veranderd.'),
    ];
  } else {
    const show = (r, v) => (v === null ? '–' : r.unit === 'procent' ? formatPercent(v) : formatNumber(v, 6));
    body = [
      table(
        'Getallen, eerder en nu',
        ['Wat', 'Eerder', 'Nu', 'Verschil'],
        cmp.rows.map((r) => [r.label, show(r, r.before), show(r, r.after), r.delta === null ? '–' : formatDelta(r.delta) + (r.unit === 'procent' ? ' procentpunt' : '')]),
      ),
    ];
  }
  return h('section', { class: 'vergelijking', 'aria-labelledby': 'vergelijking-kop' }, head, body);
}

/** The lines at the top of a printed result. */
export function printHeaderView(instrument, date, saved) {
  return h(
    'div',
    { class: 'printkop alleen-print' },
    h('p', {}, h('strong', {}, instrument.title)),
    h('p', {}, `Versie ${instrument.version} · geprint op ${formatDate(date, true)}${saved ? ` · laatst bewaard op ${formatDate(saved, true)}` : ''}`),
  );
}
