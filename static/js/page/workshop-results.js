// The group's results on the workshop page: remove one participant (the focus stays in the
// list), clear everything after a confirmation, download the result as CSV or JSON, print the
// handout.

import { removeParticipant, emptySession, participantLabel } from '../lib/workshop-input.js';
import { emptyState } from '../lib/workshop-store.js';
import { aggregateCsv, aggregateJson, aggregateFileName } from '../lib/workshop-export.js';
import { isoDay, plural } from '../lib/nl-format.js';
import { fill, download } from './dom.js';
import { confirmDialog } from './confirm.js';

const $ = (id) => document.getElementById(id);

/** `ws`: the page's shared state (state, session, instrument, agg, site) and actions. */
export function setupResults(ws) {
  function removeOne(n) {
    const p = ws.session.participants.find((x) => x.n === n);
    if (!p) return;
    const index = ws.session.participants.indexOf(p);
    ws.session = removeParticipant(ws.session, n);
    ws.persist();
    ws.refresh();
    ws.announce(`${participantLabel(p)} is verwijderd. Nu ${plural(ws.session.participants.length, 'deelnemer', 'deelnemers')}.`);
    const buttons = [...document.querySelectorAll('#deelnemers [data-verwijder]')];
    (buttons[Math.min(index, buttons.length - 1)] ?? $('deelnemers-kop')).focus();
  }

  async function askClear() {
    const clear = await confirmDialog({
      id: 'wis-bevestig',
      text: 'Hiermee wis je de uitslagen van alle deelnemers, bij elk instrument, uit deze browser. Wil je de uitslag bewaren? Download hem dan eerst.',
      yes: { id: 'wis-ja', label: 'Ja, wis alles', class: 'knop knop--gevaar' },
      no: { id: 'wis-nee', label: 'Nee, niet wissen' },
      focus: 'no',
    });
    if (!clear) {
      ws.announce('Er is niets gewist.');
      $('wis-alles').focus();
      return;
    }
    ws.state = { ...emptyState(), current: ws.instrument.id };
    ws.session = emptySession(ws.instrument);
    ws.persist();
    ws.refresh();
    fill($('toevoeg-melding'));
    ws.clearSummary();
    ws.announce('Alle uitslagen zijn gewist.');
    $('deelnemers-kop').focus();
  }

  function exportAs(extension) {
    const name = aggregateFileName(ws.instrument, isoDay(new Date()), extension);
    if (extension === 'csv') download(name, aggregateCsv(ws.instrument, ws.agg, ws.labels()), 'text/csv;charset=utf-8');
    else download(name, aggregateJson(ws.instrument, ws.agg, ws.site), 'application/json');
    ws.announce(`De uitslag is opgeslagen als ${name}.`);
  }

  $('deelnemers').addEventListener('click', (e) => {
    const button = e.target.closest('[data-verwijder]');
    if (button) removeOne(Number(button.dataset.verwijder));
  });
  $('wis-alles').addEventListener('click', askClear);
  $('download-csv').addEventListener('click', () => exportAs('csv'));
  $('download-json').addEventListener('click', () => exportAs('json'));
  $('print').addEventListener('click', () => {
    ws.refresh();
    window.print();
  });
}
