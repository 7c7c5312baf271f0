// The instrument page: reads the instrument from the JSON in the page, restores saved answers,
// shows the result as the user answers, and offers saving, files, share codes, comparing and
// printing. All computing happens in the pure modules under lib/ (the instrument's kind in
// lib/kinds/, its result facet passed in by the kind's entry, js/instrument-KIND.js); the
// components in page/ each wire one part of the page. This module holds the state they share.
// Nothing is ever sent anywhere.

import { slotsOf, isEmpty } from '../lib/instrument-answers.js';
import { createStore } from '../lib/answers-store.js';
import { participantId } from '../lib/participant-id.js';
import { toolbarView } from '../lib/instrument-views.js';
import { h } from '../lib/view-tree.js';
import { formatDate, formatTime } from '../lib/nl-format.js';
import { fill, openStorage, debounce, liveRegion, noticeBox } from './dom.js';
import { bindForm } from './form-binding.js';
import { createResult } from './instrument-result.js';
import { setupFiles } from './instrument-files.js';
import { setupShare } from './instrument-share.js';
import { setupCompare } from './instrument-compare.js';
import { setupTabSync } from './tab-sync.js';
import { setupReport } from './instrument-report.js';
import { setupProgress } from './instrument-progress.js';

const $ = (id) => document.getElementById(id);

/** The saved answers, or nothing: with the messages about what was migrated or set aside. */
function restore(page, storageOk) {
  const { state, store } = page;
  const loaded = store.load();
  if (loaded.state) {
    state.answers = loaded.state.answers;
    state.notes = loaded.state.notes;
    state.savedAt = loaded.state.saved;
  }
  // What this tab last read from or wrote to storage: the common ground when another tab
  // saves the same instrument (tab-sync.js).
  state.base = { answers: { ...state.answers }, notes: { ...state.notes } };
  for (const m of loaded.messages) page.notice(m.kind === 'migratie' ? 'info' : 'waarschuwing', m.text, m.dropped ?? []);
  if (!storageOk) page.notice('waarschuwing', 'Deze browser laat de pagina niets bewaren. Je antwoorden blijven alleen staan zolang de pagina open is. Sla je uitslag op als bestand om hem te bewaren.');
  page.form.write(state.answers, state.notes);
  if (loaded.messages.some((m) => m.kind === 'migratie')) page.save();
  if (state.savedAt) page.setStatus(`Je antwoorden van ${formatDate(state.savedAt, true)} staan weer klaar. Ze worden automatisch bewaard in deze browser.`);
}

/** Save now: the answers, or nothing at all when the form is empty. */
function save(page) {
  const { state, store } = page;
  if (state.shared) return;
  if (isEmpty(state.answers, state.notes)) {
    if (store.clear().ok) {
      state.savedAt = null;
      state.base = { answers: {}, notes: {} };
      page.setStatus('Er zijn geen antwoorden bewaard. Je antwoorden worden bewaard in deze browser zodra je begint.');
    }
    return;
  }
  const result = store.save(state.answers, state.notes);
  if (result.ok) {
    state.savedAt = result.saved;
    state.base = { answers: { ...state.answers }, notes: { ...state.notes } };
    page.setStatus(`Automatisch bewaard in deze browser om ${formatTime(result.saved)}.`);
  } else {
    page.setStatus(result.message, true);
    page.announce(result.message);
  }
}

/** Printing the result (the report, laid out for A4 in instrument.css), and starting over. */
function setupPrintAndRestart(page) {
  $('print').addEventListener('click', () => {
    page.update();
    document.documentElement.classList.add('print-uitslag');
    window.print();
  });
  window.addEventListener('afterprint', () => document.documentElement.classList.remove('print-uitslag'));
  window.addEventListener('beforeprint', () => page.update());
  $('wis').addEventListener('click', () => {
    page.replaceAnswers({}, {});
    $('paneel-opnieuw').open = false;
    page.announce('Alle antwoorden en notities zijn gewist. Je begint met een leeg formulier.');
    page.setStatus('Alles is gewist. Je antwoorden worden weer bewaard in deze browser zodra je begint.');
    $('werkbalk-kop').setAttribute('tabindex', '-1');
    $('werkbalk-kop').focus();
  });
}

/** Every edit of the form: read it, show the result, save a moment later. */
function setupEditing(page) {
  const form = $('instrument-form');
  function onEdit() {
    if (page.state.shared) return;
    const read = page.form.read();
    // A text field fires "change" when it loses focus, after its "input" events already
    // brought the same text: redrawing then would replace the element the focus moves to.
    const held = Object.fromEntries(Object.keys(read).map((k) => [k, page.state[k]]));
    if (JSON.stringify(read) === JSON.stringify(held)) return;
    Object.assign(page.state, read);
    page.update({ speak: true });
    page.saveSoon();
  }
  form.addEventListener('change', onEdit);
  form.addEventListener('input', onEdit);
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('pagehide', () => page.saveSoon.now());
}

/** Start the page for an instrument whose kind has the result facet `result`. */
export function startInstrumentPage(result) {
  const app = $('instrument-app');
  const formEl = $('instrument-form');
  const dataEl = $('instrument-data');
  const out = $('resultaat-inhoud');
  if (!app || !formEl || !dataEl || !out) return;

  let instrument;
  let form;
  try {
    instrument = JSON.parse(dataEl.textContent);
    form = bindForm(formEl, instrument);
  } catch (error) {
    fill(out, h('p', { class: 'melding melding--fout' }, `Deze pagina kan de uitslag niet berekenen: ${error.message}`));
    return;
  }
  const { storage, ok: storageOk } = openStorage();
  // Notices and the shared-result box stay above the form; the tool bar goes below it when the
  // page has a place for it (instrument.html), so the first question starts the page.
  const [notices, sharedBox, toolbar, live] = toolbarView();
  const toolbarHome = $('instrument-werkbalk');
  if (toolbarHome) {
    fill(app, notices, sharedBox, live);
    fill(toolbarHome, toolbar);
  } else {
    fill(app, notices, sharedBox, toolbar, live);
  }

  const site = app.dataset.site || 'leerrecht';
  // What the components share: the instrument, the form, the state and a few actions.
  const page = {
    instrument,
    result,
    site,
    form,
    slotKeys: slotsOf(instrument).map((s) => s.key),
    store: createStore(storage, instrument, site),
    // The random id of whoever fills in here (lib/participant-id.js): in every code and file, so
    // two people who answer alike still count as two in a workshop. Made when first asked for:
    // only looking at a page (or at a shared result) stores nothing.
    participant: () => participantId(storage, site),
    $,
    announce: liveRegion($('instrument-melding')),
    notice: noticeBox($('instrument-meldingen'), () => $('werkbalk-kop')),
    // shared: { answers } while a shared result is shown read-only;
    // earlier: { answers, source } while comparing.
    state: { answers: {}, notes: {}, problems: {}, savedAt: null, base: null, shared: null, earlier: null },
    setStatus(text, warn = false) {
      $('bewaarstatus').textContent = text;
      $('bewaarstatus').classList.toggle('werkbalk__status--fout', warn);
    },
    save: () => save(page),
    /** Put these answers in the form and in storage, and show their result. */
    replaceAnswers(answers, notes) {
      Object.assign(page.state, { answers, notes, problems: {} });
      form.write(answers, notes);
      page.save();
      page.update();
    },
  };
  page.saveSoon = debounce(page.save, 300);
  const drawResult = createResult(page, out);
  const drawProgress = setupProgress(page, formEl);
  page.update = (options) => {
    drawResult(options);
    drawProgress();
  };

  restore(page, storageOk);
  setupEditing(page);
  setupFiles(page);
  const openShared = setupShare(page);
  setupCompare(page);
  setupPrintAndRestart(page);
  setupReport(page, storage);
  setupTabSync(page);

  page.state.problems = form.read().problems;
  if (!openShared()) page.update();
  formEl.classList.add('instrument-form--actief');
  app.classList.add('instrument-app--actief');
}
