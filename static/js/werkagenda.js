// The werkagenda page: reads the results the instruments saved in this browser, offers their
// gaps as proposed actions under the themes of the basis-werkagenda, and lets the user accept,
// edit, add, remove and reorder actions, undo the last change, export and import, and print.
// Computing happens in the pure modules under lib/; this file connects them to the page.
// Nothing is ever sent anywhere.

import { savedInstrumentIds, readResults } from './lib/agenda-sources.js';
import { proposalsFrom, exampleProposals } from './lib/agenda-proposals.js';
import { findKind } from './lib/kinds.js';
import {
  emptyAgenda,
  accept,
  ignore,
  unignoreAll,
  addOwn,
  edit,
  setDetail,
  remove,
  move,
  toggleExamples,
  openProposals,
  FIELDS,
  startHistory,
  commit,
  undo,
} from './lib/agenda.js';
import { createAgendaStore } from './lib/agenda-store.js';
import { serializeAgenda, readAgendaFile, MAX_FILE } from './lib/agenda-file.js';
import { toMarkdown, toAgendaCsv, agendaFileName } from './lib/agenda-export.js';
import { themesView, problemsOf, fieldMessage, errorSummaryView, emptyView, sourcesView, printView, fieldId, pageView } from './lib/agenda-views.js';
import { h } from './lib/view-tree.js';
import { formatTime, formatDate, isoDay, plural } from './lib/nl-format.js';
import { fill, openStorage, debounce, download, liveRegion, noticeBox, fieldError, controlMessage } from './page/dom.js';
import { importedView } from './lib/instrument-views.js';
import { loadScript } from './page/load-script.js';
import { confirmDialog } from './page/confirm.js';

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
  let checkAll = false;

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
    return problemsOf(agenda(), themes, badDates).filter((p) => checkAll || touched.has(p.id));
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
      drawToolbar();
      drawPrintSoon();
    }
    saveSoon();
    return true;
  }

  // ----- the themes: buttons --------------------------------------------------------------
  const nameOfTheme = (id) => themes.find((t) => t.id === id)?.title ?? 'Nog zonder thema';

  /** After a proposal is handled: the next one of the same theme, else the theme's heading. */
  function nextProposalFocus(key) {
    const items = [...themesEl.querySelectorAll('[data-voorstel]')];
    const at = items.findIndex((li) => li.dataset.voorstel === key);
    const section = items[at]?.closest('[data-thema]');
    const next = items.slice(at + 1).find((li) => li.closest('[data-thema]') === section) ?? items.slice(0, at).reverse().find((li) => li.closest('[data-thema]') === section);
    return { nextKey: next?.dataset.voorstel ?? null, heading: section?.querySelector('h2')?.id ?? null };
  }
  function focusProposal(key, fallbackId) {
    const li = key ? [...themesEl.querySelectorAll('[data-voorstel]')].find((el) => el.dataset.voorstel === key) : null;
    const target = li?.querySelector('[data-doe="overnemen"]') ?? (fallbackId ? document.getElementById(fallbackId) : null);
    if (target?.tagName === 'H2') target.setAttribute('tabindex', '-1');
    target?.focus();
  }

  const actions = {
    overnemen(el) {
      const p = proposals().find((x) => x.key === el.dataset.sleutel);
      if (!p) return;
      const { nextKey } = nextProposalFocus(p.key);
      const result = accept(agenda(), p);
      change(result.agenda, 'Voorstel overgenomen', { focus: nextKey ? null : fieldId(result.id, 'action') });
      if (nextKey) focusProposal(nextKey);
      announce(`Overgenomen als actie bij ${nameOfTheme(result.agenda.actions.find((a) => a.id === result.id).theme)}. ${nextKey ? 'De focus staat op het volgende voorstel.' : 'Je kunt de actie nu aanpassen.'}`);
    },
    negeren(el) {
      const key = el.dataset.sleutel;
      const { nextKey, heading } = nextProposalFocus(key);
      change(ignore(agenda(), key), 'Voorstel genegeerd');
      focusProposal(nextKey, heading);
      announce('Voorstel genegeerd. Met "Ongedaan maken" komt het terug.');
    },
    toevoegen(el) {
      const theme = el.dataset.thema;
      const result = addOwn(agenda(), theme);
      change(result.agenda, 'Eigen actie toegevoegd', { focus: fieldId(result.id, 'action') });
      announce(`Nieuwe actie bij ${nameOfTheme(theme)}. Vul in wat je gaat doen.`);
    },
    voorbeelden(el) {
      const theme = el.dataset.thema;
      const showing = !agenda().examples.includes(theme);
      change(toggleExamples(agenda(), theme), showing ? 'Voorbeelden getoond' : 'Voorbeelden verborgen', { focus: el.id });
      announce(showing ? `De voorbeelden staan nu bij de voorstellen van ${nameOfTheme(theme)}.` : 'De voorbeelden zijn verborgen.');
    },
    omhoog: (el) => shift(el, -1),
    omlaag: (el) => shift(el, +1),
    verwijder(el) {
      const id = el.dataset.actie;
      const own = el.closest('[data-thema]');
      const fieldsets = [...own.querySelectorAll('fieldset.actie')];
      const at = fieldsets.findIndex((f) => f.id === `actie-${id}`);
      // Focus goes to the action that takes its place, else to "Eigen actie toevoegen".
      const neighbour = fieldsets[at + 1] ?? fieldsets[at - 1];
      const focus = neighbour ? fieldId(neighbour.id.slice('actie-'.length), 'action') : own.querySelector('[data-doe="toevoegen"]')?.id ?? 'ongedaan';
      change(remove(agenda(), id), 'Actie verwijderd', { focus });
      announce('Actie verwijderd. Met "Ongedaan maken" zet je hem terug.');
    },
  };

  function shift(el, direction) {
    const id = el.dataset.actie;
    const moved = move(agenda(), id, direction, themeIds);
    if (!moved) {
      announce(direction < 0 ? 'Deze actie staat al bovenaan.' : 'Deze actie staat al onderaan.');
      return;
    }
    change(moved.agenda, 'Actie verplaatst');
    // Focus follows the moved action: the same button in its new place.
    themesEl.querySelector(`#actie-${id} [data-doe="${el.dataset.doe}"]`)?.focus();
    const group = moved.agenda.actions.filter((a) => (a.theme ?? null) === moved.theme);
    announce(`Actie verplaatst naar plaats ${group.findIndex((a) => a.id === id) + 1} bij ${nameOfTheme(moved.theme)}.`);
  }

  themesEl.addEventListener('click', (e) => {
    const el = e.target.closest('button[data-doe]');
    if (el && actions[el.dataset.doe]) actions[el.dataset.doe](el);
  });

  // ----- the themes: typing ----------------------------------------------------------------
  const label = (field) => FIELDS.find((f) => f.id === field)?.label ?? field;
  themesEl.addEventListener('input', (e) => {
    const el = e.target;
    const { actie: id, veld: field } = el.dataset;
    if (!id || !field) return;
    if (field === 'deadline') {
      if (el.validity?.badInput) badDates.add(id);
      else badDates.delete(id);
    }
    change(edit(agenda(), id, field, el.value), `${label(field)} aangepast`, { group: `${id}:${field}`, redraw: false });
  });
  // A field's problem shows once the user leaves it, not while they type.
  themesEl.addEventListener('focusout', (e) => {
    const el = e.target;
    if (!el.dataset?.veld) return;
    touched.add(el.id);
    refreshProblems();
  });

  /** Update the error summary and the message at each field, without drawing the fields again. */
  function refreshProblems() {
    const problems = visibleProblems();
    drawErrors(problems);
    const byId = new Map(problems.map((p) => [p.id, fieldMessage(p)]));
    for (const control of themesEl.querySelectorAll('[data-veld]')) {
      const message = byId.get(control.id);
      controlMessage(control, { id: `${control.id}-fout`, text: message ? `Fout: ${message}` : null });
    }
  }

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

  // ----- export, import, print -------------------------------------------------------------
  /** Exports wait until every action says what it is; the summary says where. */
  function readyToExport() {
    checkAll = true;
    const problems = visibleProblems();
    if (!problems.length) return true;
    draw();
    $('foutoverzicht').focus();
    return false;
  }
  function offer(extension, text, type, what) {
    if (!readyToExport()) return;
    const name = agendaFileName(agenda(), isoDay(new Date()), extension);
    download(name, text(), type);
    fill($('bestand-melding'), h('p', { class: 'melding melding--succes' }, `Je werkagenda is opgeslagen als ${what}: "${name}", in de map voor downloads.`));
    announce(`Opgeslagen als ${name}.`);
  }
  $('export-md').addEventListener('click', () => offer('md', () => toMarkdown(agenda(), themes, new Date()), 'text/markdown', 'Markdown'));
  $('export-csv').addEventListener('click', () => offer('csv', () => toAgendaCsv(agenda(), themes), 'text/csv', 'CSV'));
  $('export-json').addEventListener('click', () => offer('json', () => serializeAgenda(agenda(), site, new Date()), 'application/json', 'JSON'));

  const showFileError = (message) => fieldError('importeer', message);

  function applyImport(result, name) {
    change(result.agenda, 'Werkagenda geopend uit een bestand');
    const text = `De werkagenda uit "${name}" staat nu op de pagina. Met "Ongedaan maken" krijg je je vorige werkagenda terug.`;
    fill($('bestand-melding'), importedView(text, result));
    announce(`${text}${result.dropped.length ? ` ${plural(result.dropped.length, 'onderdeel', 'onderdelen')} niet overgenomen.` : ''}`);
  }

  $('importeer').addEventListener('change', async (e) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    fill($('bestand-melding'));
    let result;
    if (file.size > MAX_FILE) result = { ok: false, message: 'Dit bestand is te groot voor een werkagenda (meer dan 1 MB).' };
    else {
      try {
        result = readAgendaFile(await file.text(), { site, themes: themeIds });
      } catch {
        result = { ok: false, message: 'Dit bestand kan niet worden gelezen.' };
      }
    }
    if (!result.ok) {
      showFileError(result.message);
      announce(`Fout: ${result.message}`);
      return;
    }
    showFileError(null);
    const current = agenda();
    if (!current.actions.length && !current.region) {
      applyImport(result, file.name);
      return;
    }
    const replace = await confirmDialog({
      id: 'import-bevestig',
      text: `Er staat al een werkagenda op deze pagina. Als je "${file.name}" opent, komt die ervoor in de plaats. Met "Ongedaan maken" kun je dat terugdraaien.`,
      yes: { id: 'import-ja', label: 'Open het bestand' },
      no: { id: 'import-nee', label: 'Niet openen' },
      focus: 'yes',
    });
    if (replace) applyImport(result, file.name);
    else announce('Het bestand is niet geopend.');
    $('importeer').focus();
  });

  $('print').addEventListener('click', () => {
    drawPrint();
    window.print();
  });
  window.addEventListener('beforeprint', drawPrint);
  window.addEventListener('pagehide', () => saveSoon.now());

  draw();
  app.classList.add('werkagenda-app--actief');
}

start();
