// What the instrument page shows around the result, as view trees (view-tree.js): the
// comparison with an earlier result (its body from the kind's result facet), the tool bar and
// the box around a shared result. Pure: the page renders the trees; the result itself is the
// kind's (kinds/KIND/result.js).

import { h } from './view-tree.js';

/** The comparison with an earlier result (`source` says which), drawn by the kind's result facet. */
export function compareView(result, instrument, cmp, source) {
  return h(
    'section',
    { class: 'vergelijking', 'aria-labelledby': 'vergelijking-kop' },
    h('h3', { id: 'vergelijking-kop' }, 'Vergelijking met een eerdere uitslag'),
    h('p', {}, `Eerder: ${source}. Nu: je antwoorden hierboven.`),
    result.compareView(instrument, cmp),
  );
}

// ----- the tool bar -------------------------------------------------------------------------

const panel = (id, summary, ...children) => h('details', { class: 'paneel', id }, h('summary', { class: 'paneel__kop' }, summary), h('div', { class: 'paneel__inhoud' }, children));

/** A field group with a label, an optional hint, a place for its error, and the control. */
function fieldGroup(id, label, hint, control) {
  return h(
    'div',
    { class: 'veldgroep', id: `${id}-groep` },
    h('label', { class: 'veldgroep__label', for: id }, label),
    hint ? h('p', { class: 'veldgroep__hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'veldgroep__fout', id: `${id}-fout`, hidden: true }),
    control,
  );
}

const fileField = (id, label, hint) => fieldGroup(id, label, hint, h('input', { type: 'file', id, accept: '.json,application/json', 'aria-describedby': hint ? `${id}-hint` : null }));
const codeField = (id, label) => fieldGroup(id, label, null, h('input', { type: 'text', id, class: 'veldgroep__code', spellcheck: 'false', autocomplete: 'off' }));
const button = (id, label, kind = 'knop--tweede') => h('p', {}, h('button', { type: 'button', class: ['knop', kind].filter(Boolean).join(' '), id }, label));

function filePanel() {
  return panel(
    'paneel-bestand',
    'Opslaan als bestand of een bestand openen',
    h('p', {}, 'Sla je uitslag op als bestand om hem te bewaren, door te sturen of op een andere computer te openen. In het bestand staan je antwoorden en notities.'),
    button('exporteer', 'Uitslag opslaan als bestand', null),
    fileField('importeer', 'Een opgeslagen uitslag openen', 'Kies een bestand dat je eerder met deze pagina hebt opgeslagen (het eindigt op .json).'),
    h('div', { id: 'bestand-melding' }),
  );
}

/** The report to hand over: whose it is, then Word or print (A4). */
function reportPanel() {
  return panel(
    'paneel-rapport',
    'Rapport om te delen (Word of print)',
    h('p', {}, 'Een rapport van je uitslag om door te sturen, bijvoorbeeld naar de directie of voor het overleg met de gemeente. Er staan in: de score, de wettelijke plichten die ontbreken, de verbeterpunten met advies en bron, wat je nog moet uitzoeken en je notities.'),
    fieldGroup('rapport-naam', 'Naam van de regio of school', 'Komt bovenaan het rapport. Wordt alleen in deze browser bewaard.', h('input', { type: 'text', id: 'rapport-naam', autocomplete: 'organization', 'aria-describedby': 'rapport-naam-hint' })),
    button('rapport-word', 'Rapport opslaan als Word (.docx)', null),
    button('print', 'Rapport printen of als pdf bewaren (A4)'),
    h('div', { id: 'rapport-melding' }),
  );
}

function sharePanel() {
  return panel(
    'paneel-delen',
    'Delen met een code of link',
    h('p', {}, 'Een deelcode bevat je antwoorden, niet je notities. Wie de link opent, ziet je uitslag en kan hem overnemen; bij jou verandert er niets.'),
    button('maak-code', 'Maak een deelcode', null),
    h(
      'div',
      { id: 'deelcode-blok', hidden: true },
      h('div', { class: 'veldgroep' }, h('label', { class: 'veldgroep__label', for: 'deelcode' }, 'Deelcode'), h('input', { type: 'text', id: 'deelcode', readonly: true, class: 'veldgroep__code', spellcheck: 'false' })),
      button('kopieer-code', 'Kopieer de code'),
      h(
        'div',
        { class: 'veldgroep' },
        h('label', { class: 'veldgroep__label', for: 'deellink' }, 'Link'),
        h('p', { class: 'veldgroep__hint', id: 'deellink-hint' }, 'De link werkt waar de site op hetzelfde adres staat. Staat de site op een USB-stick, geef dan de code door.'),
        h('input', { type: 'text', id: 'deellink', readonly: true, class: 'veldgroep__code', spellcheck: 'false', 'aria-describedby': 'deellink-hint' }),
      ),
      button('kopieer-link', 'Kopieer de link'),
      h('p', { id: 'deel-melding' }),
    ),
    codeField('open-code', 'Een deelcode van iemand anders bekijken'),
    button('open-code-knop', 'Bekijk de uitslag van deze code'),
  );
}

function comparePanel() {
  return panel(
    'paneel-vergelijk',
    'Vergelijken met een eerdere uitslag',
    h('p', {}, 'Laad een eerdere uitslag, als bestand of als deelcode. Onder de uitslag zie je dan per thema en per vraag wat er sinds toen is veranderd. Je eigen antwoorden veranderen niet.'),
    fileField('vergelijk-bestand', 'Eerdere uitslag als bestand', null),
    codeField('vergelijk-code', 'Of plak een deelcode of link'),
    button('vergelijk-knop', 'Vergelijk met deze code'),
    h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'vergelijk-stop', hidden: true }, 'Vergelijking sluiten')),
  );
}

function restartPanel() {
  return panel(
    'paneel-opnieuw',
    'Opnieuw beginnen',
    h('p', {}, 'Hiermee wis je alle antwoorden en notities van dit formulier in deze browser. Wil je ze bewaren? Sla je uitslag dan eerst op als bestand.'),
    button('wis', 'Ja, wis alles en begin opnieuw', 'knop--gevaar'),
  );
}

/** Everything the script adds above the form: notices, the shared-result box, the tool bar. */
export function toolbarView() {
  return [
    h('div', { class: 'melding-vak', id: 'instrument-meldingen', hidden: true }),
    h('div', { class: 'gedeeld', id: 'gedeeld', hidden: true }),
    h(
      'section',
      { class: 'werkbalk', id: 'werkbalk', 'aria-labelledby': 'werkbalk-kop' },
      h('h2', { class: 'werkbalk__kop', id: 'werkbalk-kop' }, 'Bewaren, delen en vergelijken'),
      h('p', { class: 'werkbalk__status', id: 'bewaarstatus' }, 'Je antwoorden worden bewaard in deze browser, op dit apparaat. Er gaat niets naar internet.'),
      h('div', { class: 'werkbalk__panelen' }, reportPanel(), filePanel(), sharePanel(), comparePanel(), restartPanel()),
    ),
    h('p', { class: 'visueel-verborgen', id: 'instrument-melding', role: 'status', 'aria-live': 'polite' }),
  ];
}

/** The box above a shared result (#r=CODE): what it is, take it over or go back. */
export function sharedBoxView(ownAnswers) {
  return h(
    'section',
    { class: 'melding melding--info gedeeld__vak', 'aria-labelledby': 'gedeeld-kop' },
    h('h2', { id: 'gedeeld-kop', class: 'gedeeld__kop', tabindex: '-1' }, 'Je bekijkt een gedeelde uitslag'),
    h('p', {}, 'Iemand heeft deze uitslag met je gedeeld. Je kunt hem alleen bekijken; het formulier is op slot. Notities worden niet gedeeld.'),
    h('p', {}, ownAnswers ? 'Neem je deze antwoorden over, dan vervangen ze de antwoorden en notities die je zelf in deze browser had.' : 'Neem je deze antwoorden over, dan kun je ze zelf aanpassen en worden ze in deze browser bewaard.'),
    h(
      'p',
      { class: 'knoppen' },
      h('button', { type: 'button', class: 'knop', id: 'neem-over' }, ownAnswers ? 'Vervang mijn antwoorden door deze' : 'Neem deze antwoorden over'),
      ' ',
      h('button', { type: 'button', class: 'knop knop--tweede', id: 'terug-eigen' }, ownAnswers ? 'Terug naar mijn eigen antwoorden' : 'Sluiten zonder overnemen'),
    ),
  );
}
