// The werkagenda page: reads the results the instruments saved in this browser, offers their
// gaps as proposed actions under the themes of the basis-werkagenda, and lets the user accept,
// edit, add, remove and reorder actions, see them all in one table to sort and filter, undo the
// last change, export and import, and print.
// Computing happens in the pure modules under lib/; this file connects them to the page.
// Nothing is ever sent anywhere.

import { savedInstrumentIds, readResults } from './lib/agenda-sources.js';
import { proposalsFrom, exampleProposals } from './lib/agenda-proposals.js';
import { findKind } from './lib/kinds.js';
import { emptyAgenda, unignoreAll, setDetail, openProposals, startHistory, commit, undo } from './lib/agenda.js';
import { createAgendaStore } from './lib/agenda-store.js';
import { themesView, problemsOf, fieldMessage, errorSummaryView, emptyView, sourcesView, printView, pageView } from './lib/agenda-views.js';
import { formatTime, formatDate, plural } from './lib/nl-format.js';
import { fill, openStorage, debounce, liveRegion, noticeBox } from './page/dom.js';
import { loadScript } from './page/load-script.js';
import { setupThemes } from './page/agenda-themes.js';
import { setupAgendaFiles } from './page/agenda-files.js';
import { setupTable } from './page/agenda-table.js';

/** The themes of every werkagenda instrument, in list order, each id once. */
function themesOf(werkagendas) {
  const themes = [];
  for (const w of werkagendas) for (const t of w.themes) if (!themes.some((x) => x.id === t.id)) themes.push(t);
  return themes;
}

function start() {
  const app = document.getElementById('werkagenda-app');
  const dataEl = document.getElementById('werkagenda-instrumenten');
  if (!app || !dataEl) return;
  let list;
  try {
    list = JSON.parse(dataEl.textContent);
  } catch {
    return;
  }
  const site = app.dataset.site || 'leerrecht';
  const root = app.dataset.root ?? '';
  const { storage, ok: storageOk } = openStorage();
  // Only the werkagenda itself and the instruments with gaps that have results in this
  // browser: the page stays light however many instruments the handbook has.
  const withGaps = list.filter((e) => findKind(e)?.agendaRank != null);
  const wanted = new Set([...list.filter((e) => findKind(e)?.definesAgenda).map((e) => e.id), ...savedInstrumentIds(storage, withGaps, site)]);
  const entries = list.filter((e) => wanted.has(e.id));
  Promise.all(entries.map((e) => loadScript(`${root}${e.data}`))).then(() => {
    const loaded = window.leerrechtInstrumenten ?? {};
    const missing = entries.filter((e) => !loaded[e.id]);
    const instruments = entries.filter((e) => loaded[e.id]).map((e) => ({ ...loaded[e.id], url: e.url }));
    run({ app, list, site, root, storage, storageOk, instruments, missing });
  });
}

function run({ app, list, site, root, storage, storageOk, instruments, missing }) {
  const werkagendas = instruments.filter((i) => findKind(i)?.definesAgenda);
  const themes = themesOf(werkagendas);
  const themeIds = themes.map((t) => t.id);
  const results = readResults(storage, instruments.filter((i) => findKind(i)?.answerable), site);
  const fromResults = proposalsFrom(results);
  const examples = werkagendas.flatMap(exampleProposals);
  const exampleCounts = {};
  for (const e of examples) exampleCounts[e.theme] = (exampleCounts[e.theme] ?? 0) + 1;
  const store = createAgendaStore(storage, site, themeIds);

  // ----- the parts of the page that stay; the themes are drawn again on every change -------
  fill(app, ...pageView());
  const $ = (id) => document.getElementById(id);
  const themesEl = $('agenda-themas');

  const announce = liveRegion($('agenda-melding'));
  const notice = noticeBox($('agenda-meldingen'), () => $('agenda-regio'));

  // ----- state -------------------------------------------------------------------------------
  const restored = store.load();
  let history = startHistory(restored.agenda ?? emptyAgenda());
  for (const m of restored.messages) notice(m.kind, m.text, m.dropped ?? []);
  for (const r of results) for (const n of r.notices) notice(n.kind, n.text);
  if (!storageOk) notice('waarschuwing', 'Deze browser laat de pagina niets bewaren. Je werkagenda blijft alleen staan zolang de pagina open is. Sla hem op als bestand om hem te bewaren.');
  for (const e of missing) notice('waarschuwing', `De gegevens van "${e.title}" konden niet worden geladen. De voorstellen daaruit ontbreken.`);
  const badDates = new Set();
  const touched = new Set();

  const agenda = () => history.present;
  function proposals() {
    const shown = examples.filter((e) => agenda().examples.includes(e.theme));
    return openProposals(agenda(), [...fromResults, ...shown]);
  }

  function setStatus(text, warn = false) {
    const el = $('agenda-bewaard');
    el.textContent = text;
    el.classList.toggle('werkbalk__status--fout', warn);
  }
  function save() {
    const result = store.save(agenda());
    if (result.ok) setStatus(`Automatisch bewaard in deze browser om ${formatTime(result.saved)}.`);
    else {
      setStatus(result.message, true);
      announce(result.message);
    }
  }
  const saveSoon = debounce(save, 300);
  if (restored.saved) setStatus(`Je werkagenda van ${formatDate(restored.saved, true)} staat weer klaar. Hij wordt automatisch bewaard in deze browser.`);

  // ----- drawing -----------------------------------------------------------------------------
  function visibleProblems() {
    return problemsOf(agenda(), themes, badDates).filter((p) => page.checkAll || touched.has(p.id));
  }

  function drawErrors(problems) {
    fill($('agenda-fouten'), problems.length ? errorSummaryView(problems) : null);
  }

  const drawPrint = () => fill($('agenda-print'), printView(agenda(), themes, new Date()));
  const drawPrintSoon = debounce(drawPrint, 300);

  function drawToolbar() {
    $('ongedaan-uitleg').textContent = history.previous ? `Laatste wijziging: ${history.label}.` : 'Er is nog niets om ongedaan te maken.';
    const ignored = agenda().ignored.length;
    const button = $('toon-genegeerd');
    button.hidden = ignored === 0;
    button.textContent = `Genegeerde voorstellen weer tonen (${ignored})`;
    if (document.activeElement === button && ignored === 0) $('ongedaan').focus();
  }

  /** Draw everything that depends on the agenda; focus `focusId`, or keep the focus where it was. */
  function draw(focusId = null) {
    const keep = focusId ?? document.activeElement?.id;
    const problems = visibleProblems();
    const errors = Object.fromEntries(problems.map((p) => [p.id, fieldMessage(p)]));
    $('agenda-regio').value = agenda().region;
    $('agenda-datum').value = agenda().date;
    const hasResults = results.some((r) => r.answers);
    // Until an instrument has a result, the page keeps saying how to get proposals.
    fill($('agenda-bronnen'), hasResults ? sourcesView(results, fromResults, root) : emptyView(list, root));
    table.draw();
    fill(themesEl, ...themesView(agenda(), themes, { proposals: proposals(), examples: exampleCounts, errors }));
    drawErrors(problems);
    drawToolbar();
    drawPrint();
    const target = keep ? document.getElementById(keep) : null;
    if (target && target !== document.activeElement) target.focus();
  }

  /** Record a change, draw it and save it. */
  function change(next, label, { focus = null, group = null, redraw = true } = {}) {
    const before = history;
    history = commit(history, next, label, group);
    if (history === before) return false;
    if (redraw) draw(focus);
    else {
      // Typing in a theme's form: the overview follows a moment later.
      drawToolbar();
      drawPrintSoon();
      drawTableSoon();
    }
    saveSoon();
    return true;
  }

  // What the components share (page/agenda-themes.js, page/agenda-files.js).
  const page = {
    $,
    site,
    root,
    themes,
    themeIds,
    themesEl,
    announce,
    badDates,
    touched,
    checkAll: false,
    agenda,
    proposals,
    change,
    draw,
    visibleProblems,
    drawErrors,
    drawPrint,
  };
  setupThemes(page);
  const table = setupTable(page);
  const drawTableSoon = debounce(() => table.draw(), 300);

  // ----- region and date ---------------------------------------------------------------------
  for (const el of [$('agenda-regio'), $('agenda-datum')]) {
    el.addEventListener('input', () => {
      const field = el.dataset.gegeven;
      change(setDetail(agenda(), field, el.value), field === 'region' ? 'Regio aangepast' : 'Datum aangepast', { group: field, redraw: false });
    });
  }

  // ----- undo and the ignored ------------------------------------------------------------------
  $('ongedaan').addEventListener('click', () => {
    if (!history.previous) {
      announce('Er is niets om ongedaan te maken.');
      return;
    }
    const what = history.label;
    history = undo(history);
    badDates.clear();
    draw('ongedaan');
    saveSoon();
    announce(`Ongedaan gemaakt: ${what.toLowerCase()}.`);
  });
  $('toon-genegeerd').addEventListener('click', () => {
    const n = agenda().ignored.length;
    change(unignoreAll(agenda()), 'Genegeerde voorstellen weer getoond', { focus: 'ongedaan' });
    announce(`${plural(n, 'voorstel staat', 'voorstellen staan')} weer bij de voorstellen.`);
  });

  setupAgendaFiles(page);

  $('print').addEventListener('click', () => {
    drawPrint();
    window.print();
  });
  window.addEventListener('beforeprint', drawPrint);
  window.addEventListener('pagehide', () => saveSoon.now());

  draw();
  app.classList.add('werkagenda-app--actief');
  goToFragment();
}

/**
 * An instrument's "Zet op de werkagenda" links to a heading this script draws: the browser
 * looked for it before it existed, so go there now.
 */
function goToFragment() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.scrollIntoView();
  target.focus();
}

start();
