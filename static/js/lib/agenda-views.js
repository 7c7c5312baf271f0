// What the werkagenda page shows, as view trees (view-tree.js): the themes with their proposals
// and editable actions, the error summary, where the proposals came from (or how to get them),
// and the printed agenda. Pure: werkagenda.js renders the trees and wires the buttons.
//
// Buttons carry what they do in data attributes (data-doe, data-actie, data-sleutel,
// data-thema); fields carry data-actie and data-veld. Ids: an action's fieldset is
// actie-<id>, its fields veld-<id>-<field>.

import { h } from './view-tree.js';
import { FIELDS, STATUSES } from './agenda.js';
import { groups, details, cells, COLUMNS, NO_THEME } from './agenda-export.js';
import { formatDate, plural } from './nl-format.js';
import { byAgendaRank, findKind } from './kinds.js';

export function fieldId(actionId, field) {
  return `veld-${actionId}-${field}`;
}

/** The DOM id part of a theme: its id, or zonder-thema. */
function themeSlug(theme) {
  return theme === null ? 'zonder-thema' : theme;
}

/** "Actie 2 bij Hoe eerder hoe beter": how fields and buttons of an action are named. */
export function actionName(number, groupTitle) {
  return `Actie ${number} bij ${groupTitle}`;
}

const HINTS = {
  owner: 'Een rol, geen naam: bijvoorbeeld leerplichtambtenaar of directeur samenwerkingsverband.',
  deadline: 'Wanneer het klaar moet zijn.',
};

/**
 * One labelled field of an action. `idOf` names its control: the forms per theme use
 * fieldId, the dialog of the overview table its own ids, so both can be on the page at once.
 */
export function field(action, def, errors, idOf = fieldId) {
  const id = idOf(action.id, def.id);
  const error = errors[id];
  const hint = HINTS[def.id] ? `${id}-hint` : null;
  const describedBy = [hint, error ? `${id}-fout` : null].filter(Boolean).join(' ') || null;
  const common = { id, 'data-actie': action.id, 'data-veld': def.id, 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : null };
  let control;
  if (def.id === 'status') {
    control = h('select', common, STATUSES.map((s) => h('option', { value: s.id, selected: s.id === action.status }, s.label)));
  } else if (def.id === 'deadline') {
    control = h('input', { ...common, type: 'date', value: action.deadline });
  } else if (def.id === 'owner') {
    control = h('input', { ...common, type: 'text', value: action.owner, autocomplete: 'off' });
  } else {
    control = h('textarea', { ...common, rows: def.id === 'notes' ? '2' : '3' }, action[def.id]);
  }
  return h(
    'div',
    { class: `veld actie__veld actie__veld--${def.id}${error ? ' veld--fout' : ''}` },
    h('label', { for: id }, def.label),
    hint ? h('p', { class: 'veld__uitleg', id: hint }, HINTS[def.id]) : null,
    error ? h('p', { class: 'veld__fout', id: `${id}-fout` }, `Fout: ${error}`) : null,
    control,
  );
}

/** A small button; `hidden` is added for screen readers, so every "Omhoog" says which action. */
function button(label, hidden, attrs, kind = 'knop--tweede') {
  return h('button', { type: 'button', class: ['knop', kind, 'knop--klein'].filter(Boolean).join(' '), ...attrs }, label, hidden ? h('span', { class: 'visueel-verborgen' }, ` (${hidden})`) : null);
}

/** Where an action came from: the proposal's source and why, or "Eigen actie." */
export function originView(action) {
  return action.origin
    ? h('p', { class: 'actie__bron' }, `Uit: ${action.origin.source}.`, action.origin.context ? ` Waarom: ${action.origin.context}` : null)
    : h('p', { class: 'actie__bron' }, 'Eigen actie.');
}

function actionView(action, number, groupTitle, errors) {
  const name = actionName(number, groupTitle);
  return h(
    'fieldset',
    { class: 'actie', id: `actie-${action.id}` },
    h('legend', { class: 'actie__kop' }, name),
    originView(action),
    h('div', { class: 'actie__velden' }, FIELDS.map((def) => field(action, def, errors))),
    h(
      'p',
      { class: 'knoppen actie__knoppen' },
      button('Omhoog', name, { 'data-doe': 'omhoog', 'data-actie': action.id }),
      button('Omlaag', name, { 'data-doe': 'omlaag', 'data-actie': action.id }),
      button('Verwijderen', name, { 'data-doe': 'verwijder', 'data-actie': action.id }, 'knop--gevaar'),
    ),
  );
}

function proposalView(p, number, groupTitle) {
  const name = `voorstel ${number} bij ${groupTitle}`;
  return h(
    'li',
    { class: 'voorstel', 'data-voorstel': p.key },
    h('p', { class: 'voorstel__actie' }, p.action),
    p.goal ? h('p', {}, `Doel: ${p.goal}`) : null,
    p.context ? h('p', { class: 'voorstel__waarom' }, `Waarom: ${p.context}`) : null,
    h('p', { class: 'voorstel__bron' }, `Uit: ${p.source}`),
    h(
      'p',
      { class: 'knoppen' },
      button('Overnemen', name, { 'data-doe': 'overnemen', 'data-sleutel': p.key }, ''),
      button('Negeren', name, { 'data-doe': 'negeren', 'data-sleutel': p.key }),
    ),
  );
}

function themeView(group, theme, { proposals, examples, shown, errors }) {
  const slug = themeSlug(group.id);
  const own = proposals.filter((p) => p.theme === group.id);
  return h(
    'section',
    { class: 'agenda-thema', 'aria-labelledby': `agenda-thema-${slug}`, 'data-thema': group.id ?? '' },
    h('h2', { id: `agenda-thema-${slug}` }, group.title),
    theme?.description ? h('p', { class: 'agenda-thema__uitleg' }, theme.description) : null,
    own.length
      ? [
          h('h3', {}, `Voorstellen (${own.length})`),
          h('p', { class: 'agenda-thema__hint' }, 'Neem een voorstel over om er een actie van te maken. Je kunt de tekst daarna aanpassen.'),
          h('ul', { class: 'voorstellen' }, own.map((p, i) => proposalView(p, i + 1, group.title))),
        ]
      : null,
    h('h3', {}, `Acties (${group.actions.length})`),
    group.actions.length
      ? h('div', { class: 'acties' }, group.actions.map((a, i) => actionView(a, i + 1, group.title, errors)))
      : h('p', { class: 'agenda-thema__leeg' }, 'Nog geen acties bij dit thema.'),
    group.id === null
      ? null
      : h(
          'p',
          { class: 'knoppen' },
          button('Eigen actie toevoegen', group.title, { id: `toevoegen-${slug}`, 'data-doe': 'toevoegen', 'data-thema': group.id }),
          examples[group.id]
            ? button(shown.includes(group.id) ? 'Voorbeelden verbergen' : `Voorbeelden tonen (${examples[group.id]})`, group.title, { id: `voorbeelden-${slug}`, 'data-doe': 'voorbeelden', 'data-thema': group.id })
            : null,
        ),
  );
}

/**
 * Every theme of the werkagenda with its open proposals and its actions; "Nog zonder thema"
 * last when anything stands there. `examples`: theme id → number of example actions;
 * `errors`: field id → message.
 */
export function themesView(agenda, themes, { proposals, examples = {}, errors = {} }) {
  const all = groups(agenda, themes);
  if (!all.some((g) => g.id === null) && proposals.some((p) => p.theme === null || !themes.some((t) => t.id === p.theme))) {
    all.push({ id: null, title: NO_THEME, actions: [] });
  }
  // A proposal whose theme is unknown here stands with the loose ones.
  const placed = proposals.map((p) => (themes.some((t) => t.id === p.theme) ? p : { ...p, theme: null }));
  return all.map((g) => themeView(g, themes.find((t) => t.id === g.id), { proposals: placed, examples, shown: agenda.examples, errors }));
}

/** The problems that keep the agenda from being exported: [{ id, text }], in page order. */
export function problemsOf(agenda, themes, badDates = new Set()) {
  const out = [];
  for (const group of groups(agenda, themes)) {
    group.actions.forEach((a, i) => {
      const name = actionName(i + 1, group.title);
      if (a.action.trim() === '') out.push({ id: fieldId(a.id, 'action'), text: `${name}: vul in wat je gaat doen.` });
      if (badDates.has(a.id)) out.push({ id: fieldId(a.id, 'deadline'), text: `${name}: de deadline is geen bestaande datum. Kies een datum of maak het veld leeg.` });
    });
  }
  return out;
}

/** The message at a field, without the action's name (the legend says that already). */
export function fieldMessage(problem) {
  return problem.text.slice(problem.text.indexOf(': ') + 2);
}

/** GOV.UK-style summary of the problems, with a link to each field. */
export function errorSummaryView(problems) {
  return h(
    'div',
    { class: 'foutoverzicht', id: 'foutoverzicht', tabindex: '-1', 'aria-labelledby': 'foutoverzicht-kop' },
    h('h2', { class: 'foutoverzicht__kop', id: 'foutoverzicht-kop' }, 'Er is een probleem'),
    h('p', {}, 'Los dit eerst op. Daarna kun je de werkagenda opslaan.'),
    h('ul', {}, problems.map((p) => h('li', {}, h('a', { href: `#${p.id}` }, p.text)))),
  );
}

/** How to get proposals, with links to the instruments in the order to fill them in. */
export function emptyView(list, root) {
  const instruments = byAgendaRank(list);
  return h(
    'section',
    { class: 'agenda-leeg', 'aria-labelledby': 'agenda-leeg-kop' },
    h('h2', { id: 'agenda-leeg-kop' }, 'Zo krijg je voorstellen voor acties'),
    h('p', {}, 'De werkagenda maakt voorstellen uit de instrumenten die je in deze browser hebt ingevuld. Je hebt nog geen instrument ingevuld.'),
    h('ol', {}, instruments.map((e) => h('li', {}, h('a', { href: `${root}${e.url}` }, e.title), `. ${findKind(e).agendaHint}`))),
    h('p', {}, 'Je antwoorden blijven in deze browser. Kom daarna terug naar deze pagina: de verbeterpunten staan dan hier als voorstel. Je kunt ook nu al eigen acties toevoegen, of per thema de voorbeelden bekijken.'),
  );
}

/** Which saved results the proposals came from. */
export function sourcesView(results, proposals, root) {
  const read = results.filter((r) => r.answers);
  return h(
    'section',
    { class: 'agenda-bronnen', 'aria-labelledby': 'agenda-bronnen-kop' },
    h('h2', { id: 'agenda-bronnen-kop' }, 'Gelezen uit deze browser'),
    h(
      'ul',
      {},
      read.map((r) => {
        const n = proposals.filter((p) => p.instrument === r.instrument.id).length;
        return h(
          'li',
          {},
          h('a', { href: `${root}${r.instrument.url}` }, r.instrument.title),
          r.saved ? `, bewaard op ${formatDate(r.saved, true)}` : null,
          `: ${n ? plural(n, 'voorstel', 'voorstellen') : 'geen verbeterpunten'}.`,
        );
      }),
    ),
    h('p', {}, 'Pas je een instrument aan, dan komen nieuwe verbeterpunten hier vanzelf bij. Wat je al hebt overgenomen of genegeerd, komt niet terug.'),
  );
}

/** The agenda as it prints: region and date, then a table per theme. */
export function printView(agenda, themes, today) {
  return h(
    'div',
    { class: 'agenda-print__inhoud' },
    h('ul', { class: 'agenda-print__gegevens' }, details(agenda, today).map((d) => h('li', {}, h('strong', {}, `${d.label}: `), d.value))),
    groups(agenda, themes).map((g) => [
      h('h2', {}, g.title),
      g.actions.length
        ? h(
            'table',
            { class: 'agenda-print__tabel' },
            h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, g.actions.map((a, i) => h('tr', {}, h('td', {}, String(i + 1)), cells(a).map((c) => h('td', {}, c))))),
          )
        : h('p', {}, 'Nog geen acties.'),
    ]),
  );
}

/**
 * The overview of all actions: its filters stay, the table in #agenda-overzicht-tabel is drawn
 * again on every change (agenda-table-view.js).
 */
function overviewSection() {
  const filter = (id, label) => h('div', { class: 'veld' }, h('label', { for: id }, label), h('select', { id }));
  return h(
    'section',
    { class: 'agenda-overzicht', 'aria-labelledby': 'agenda-overzicht-kop' },
    h('h2', { id: 'agenda-overzicht-kop', tabindex: '-1' }, 'Alle acties op een rij'),
    h('p', {}, 'Sorteer met de knoppen boven de kolommen. Kies een eigenaar of een status om alleen die acties te zien. Met "Wijzigen" pas je een actie aan.'),
    h('div', { class: 'agenda-filters' }, filter('filter-eigenaar', 'Eigenaar'), filter('filter-status', 'Status')),
    h('p', { class: 'agenda-overzicht__telling', id: 'agenda-overzicht-telling' }),
    h('div', { id: 'agenda-overzicht-tabel' }),
    h('p', {}, h('a', { href: '#agenda-themas' }, 'Naar de voorstellen en acties per thema')),
  );
}

/**
 * The parts of the page that stay; the overview table and the themes are drawn again on every
 * change. Saving, files and the overview come first, so nobody has to scroll past every theme.
 */
export function pageView() {
  return [
    h('div', { id: 'agenda-fouten' }),
    h('div', { class: 'melding-vak', id: 'agenda-meldingen', hidden: true }),
    h(
      'fieldset',
      { class: 'agenda-gegevens' },
      h('legend', {}, 'Over deze werkagenda'),
      h('p', { class: 'veld__uitleg' }, 'Regio en datum staan boven de geprinte en de opgeslagen werkagenda.'),
      h('div', { class: 'veld' }, h('label', { for: 'agenda-regio' }, 'Regio'), h('input', { type: 'text', id: 'agenda-regio', 'data-gegeven': 'region', autocomplete: 'off' })),
      h(
        'div',
        { class: 'veld' },
        h('label', { for: 'agenda-datum' }, 'Datum'),
        h('p', { class: 'veld__uitleg', id: 'agenda-datum-hint' }, 'Bijvoorbeeld de dag van het overleg. Laat je het leeg, dan staat de dag van printen erboven.'),
        h('input', { type: 'date', id: 'agenda-datum', 'data-gegeven': 'date', 'aria-describedby': 'agenda-datum-hint' }),
      ),
    ),
    h(
      'section',
      { class: 'werkbalk agenda-werkbalk', 'aria-labelledby': 'agenda-werkbalk-kop' },
      h('h2', { class: 'werkbalk__kop', id: 'agenda-werkbalk-kop' }, 'Bewaren en ongedaan maken'),
      h('p', { class: 'werkbalk__status', id: 'agenda-bewaard' }, 'Je werkagenda wordt bewaard in deze browser, op dit apparaat. Er gaat niets naar internet.'),
      h(
        'p',
        { class: 'knoppen' },
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'ongedaan', 'aria-describedby': 'ongedaan-uitleg' }, 'Ongedaan maken'),
        h('span', { id: 'ongedaan-uitleg', class: 'agenda-werkbalk__uitleg' }),
      ),
      h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede knop--klein', id: 'toon-genegeerd', hidden: true })),
    ),
    h(
      'section',
      { class: 'werkbalk agenda-bestanden', 'aria-labelledby': 'agenda-bestanden-kop' },
      h('h2', { class: 'werkbalk__kop', id: 'agenda-bestanden-kop' }, 'Opslaan, openen en printen'),
      h('p', {}, 'Sla je werkagenda op als Word-document om te delen of te printen, als tabel voor Excel, als tekst, of als bestand om later op deze pagina verder te werken. Alleen de acties die je hebt overgenomen of toegevoegd, staan erin.'),
      h(
        'p',
        { class: 'knoppen' },
        h('button', { type: 'button', class: 'knop', id: 'export-docx' }, 'Word (.docx)'),
        h('button', { type: 'button', class: 'knop', id: 'export-csv' }, 'Tabel voor Excel (.csv)'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'export-md' }, 'Tekst (.md)'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'export-json' }, 'Bestand om verder te werken (.json)'),
      ),
      h(
        'div',
        { class: 'veldgroep', id: 'importeer-groep' },
        h('label', { class: 'veldgroep__label', for: 'importeer' }, 'Een opgeslagen werkagenda openen'),
        h('p', { class: 'veldgroep__hint', id: 'importeer-hint' }, 'Kies een bestand om verder te werken (.json) dat je eerder met deze pagina hebt opgeslagen.'),
        h('p', { class: 'veldgroep__fout', id: 'importeer-fout', hidden: true }),
        h('input', { type: 'file', id: 'importeer', accept: '.json,application/json', 'aria-describedby': 'importeer-hint' }),
      ),
      h('div', { id: 'bestand-melding' }),
      h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'print' }, 'Werkagenda printen')),
    ),
    overviewSection(),
    h('div', { id: 'agenda-bronnen' }),
    h('div', { id: 'agenda-themas' }),
    h('div', { class: 'agenda-print alleen-print', id: 'agenda-print' }),
    h('p', { class: 'visueel-verborgen', id: 'agenda-melding', role: 'status', 'aria-live': 'polite' }),
  ];
}
