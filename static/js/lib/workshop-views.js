// What the workshop page shows, as view trees (view-tree.js): the list of participants, the
// group result (per kind, from its group facet), the slides of the projector view and the top of the
// printed handout. Pure: the page renders the trees.

import { h } from './view-tree.js';
import { table, printHeaderView } from './view-parts.js';
import { countAnswered } from './instrument-answers.js';
import { groupOf } from './kind-groups.js';
import { formatDate, plural } from './nl-format.js';
import { participantLabel } from './workshop-input.js';

function sourceText(p) {
  if (p.source === 'server') return 'telefoon (via de workshop)';
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
        p.source === 'server'
          ? 'Op de laptop (wissen: bij de sessie)'
          : h('button', { type: 'button', class: 'knop knop--tweede knop--klein', 'data-verwijder': String(p.n) }, 'Verwijder', h('span', { class: 'visueel-verborgen' }, ` ${participantLabel(p)}`)),
      ];
    }),
  );
}

/** The group result: text, tables and bar charts with the same numbers. */
export function groupView(instrument, agg, labels) {
  return groupOf(instrument).groupView(instrument, agg, labels);
}

/** One sentence for the live region after a change. */
export function groupSummary(instrument, agg) {
  return groupOf(instrument).groupSummary(agg, plural(agg.participants, 'deelnemer', 'deelnemers'));
}

/**
 * The projector shows one slide at a time: { unit, heading, body } per item in disagreement
 * order, per step of the route, or per field. The heading is what the position line and the
 * live region say next to "Vraag 3 van 10".
 */
export function slides(instrument, agg) {
  return groupOf(instrument).slides(instrument, agg);
}

/**
 * "3 van 10": the place of the slide in the projector's order (most disagreement first). The
 * slide's own heading carries the item's number ("Vraag 7"), so the two never contradict.
 */
export function positionText(list, index) {
  return `${index + 1} van ${list.length}`;
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

// ----- the page ---------------------------------------------------------------------------------

/** Steps 2 to 5 of the page, once an instrument is chosen. */
export function workView(instrument, address, fromDisk, join) {
  return [
    h(
      'section',
      { class: 'workshop__stap', 'aria-labelledby': 'meedoen-kop' },
      h('h2', { id: 'meedoen-kop' }, '2. Laat de deelnemers meedoen'),
      h('p', {}, `Deelnemers openen dit adres op hun telefoon of laptop en vullen daar "${instrument.title}" in:`),
      h('p', { class: 'workshop__adres' }, h('a', { href: address, id: 'deelnemers-adres' }, address)),
      fromDisk
        ? h('p', { class: 'melding melding--waarschuwing' }, `Je opent het handboek als bestand op deze computer, niet als website. Dit adres werkt dus niet op de telefoon van een deelnemer. Staat het handboek op een USB-stick? Laat deelnemers dan op hun eigen laptop hetzelfde bestand van de stick openen: ${join}.`)
        : h('p', {}, 'Onderaan die pagina drukken ze op "Toon mijn code". De code sturen ze naar jou, bijvoorbeeld in de chat.'),
    ),
    h(
      'section',
      { class: 'workshop__stap', 'aria-labelledby': 'toevoegen-kop' },
      h('h2', { id: 'toevoegen-kop' }, '3. Voeg de uitslagen toe'),
      h('div', { class: 'veldgroep', id: 'codes-groep' },
        h('label', { class: 'veldgroep__label', for: 'codes' }, 'Plak de codes, één per regel'),
        h('p', { class: 'veldgroep__hint', id: 'codes-hint' }, 'Een regel mag beginnen met een naam en een dubbele punt, zoals "Sanne: 2E36-01K3-…". Hoofdletters of kleine letters maakt niet uit. Een link met een code werkt ook.'),
        h('p', { class: 'veldgroep__fout', id: 'codes-fout', hidden: true }),
        h('textarea', { id: 'codes', class: 'veldgroep__code workshop__codes', rows: '6', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'codes-hint' }),
      ),
      h('p', {}, h('button', { type: 'button', class: 'knop', id: 'voeg-toe' }, 'Voeg de codes toe')),
      h('div', { class: 'veldgroep workshop__sleep', id: 'bestanden-groep' },
        h('label', { class: 'veldgroep__label', for: 'bestanden' }, 'Of kies bestanden met uitslagen'),
        h('p', { class: 'veldgroep__hint', id: 'bestanden-hint' }, 'Je kunt meer bestanden tegelijk kiezen (ze eindigen op .json). Slepen naar dit vak kan ook.'),
        h('p', { class: 'veldgroep__fout', id: 'bestanden-fout', hidden: true }),
        h('input', { type: 'file', id: 'bestanden', multiple: true, accept: '.json,application/json', 'aria-describedby': 'bestanden-hint' }),
      ),
      h('div', { id: 'toevoeg-melding' }),
    ),
    h(
      'section',
      { class: 'workshop__stap workshop__deelnemers', 'aria-labelledby': 'deelnemers-kop' },
      h('h2', { id: 'deelnemers-kop', tabindex: '-1' }, '4. Deelnemers'),
      h('div', { id: 'deelnemers' }),
      h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'wis-alles' }, 'Alles wissen')),
    ),
    h(
      'section',
      { class: 'workshop__stap workshop__uitslag', 'aria-labelledby': 'uitslag-kop' },
      h('h2', { id: 'uitslag-kop', tabindex: '-1' }, '5. Uitslag van de groep'),
      h('p', { class: 'knoppen workshop__acties', id: 'uitslag-acties', hidden: true },
        h('button', { type: 'button', class: 'knop', id: 'projectie-open' }, 'Projectieweergave'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'download-csv' }, 'Tabel voor Excel (.csv)'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'download-json' }, 'Bestand om later te openen (.json)'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'print' }, 'Hand-out printen'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'maak-agenda' }, 'Maak een werkagenda van de groepsuitslag'),
      ),
      h('div', { id: 'groep' }),
    ),
  ];
}

/** The projector view: a bar with the position and the buttons, and the slide. */
export function projectorView(fullscreen) {
  return h(
    'div',
    { class: 'projectie', id: 'projectie', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Projectieweergave', hidden: true },
    h('div', { class: 'projectie__balk', id: 'projectie-balk' },
      h('p', { class: 'projectie__positie', id: 'projectie-positie' }),
      h('p', { class: 'projectie__knoppen' },
        h('button', { type: 'button', class: 'knop', id: 'projectie-vorige' }, 'Vorige'),
        h('button', { type: 'button', class: 'knop', id: 'projectie-volgende' }, 'Volgende'),
        fullscreen ? h('button', { type: 'button', class: 'knop knop--tweede', id: 'projectie-scherm' }, 'Volledig scherm') : null,
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'projectie-sluit' }, 'Sluiten (Esc)'),
      ),
    ),
    h('div', { class: 'projectie__dia', id: 'projectie-dia' }),
    h('p', { class: 'projectie__hulp' }, 'Toetsen: pijl links en rechts (of Page Up en Page Down) voor vorige en volgende, Home en End voor de eerste en de laatste, Esc om terug te gaan.'),
  );
}
