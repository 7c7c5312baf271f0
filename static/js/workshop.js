// The trainer's workshop page: choose an instrument, collect the participants' share codes and
// result files, and show the group's result with a projector view, exports and a handout. All
// computing is in lib/ (aggregate.js, workshop-input.js, workshop-store.js, workshop-views.js,
// workshop-export.js); this file connects them to the page. Nothing is ever sent anywhere: the
// collected results stay in this browser (localStorage, leerrecht:<site>:workshop).

import { aggregate } from './lib/aggregate.js';
import { participantLabel } from './lib/workshop-input.js';
import { createWorkshopStore, openSession } from './lib/workshop-store.js';
import { groupView, participantsView, slides, handoutHeaderView, workView } from './lib/workshop-views.js';
import { h } from './lib/view-tree.js';
import { plural } from './lib/nl-format.js';
import { build, fill, openStorage, liveRegion, noticeBox } from './page/dom.js';
import { loadInstrument } from './page/load-script.js';
import { createProjector } from './page/projector.js';
import { setupAdding } from './page/workshop-add.js';
import { setupResults } from './page/workshop-results.js';
import { findServer, setupServer, showJoin } from './page/workshop-server.js';
import { setupGroupAgenda } from './page/workshop-agenda.js';
import { serverParticipants, currentSession } from './lib/workshop-client.js';

const $ = (id) => document.getElementById(id);

async function start() {
  const root = $('workshop');
  if (!root) return;
  root.hidden = false;
  $('workshop-zonder-js')?.remove();
  const site = root.dataset.site || 'leerrecht';
  const live = build(h('p', { class: 'visueel-verborgen', id: 'workshop-melding', role: 'status', 'aria-live': 'polite' }));
  document.body.append(live);
  const announce = liveRegion(live);
  const { storage } = openStorage();
  const store = createWorkshopStore(storage, site);
  const loaded = store.load();
  let state = loaded.state;
  let instrument = null;
  let session = null;
  let agg = null;
  let saveWarned = false;

  // ----- notices and the error summary ----------------------------------------------------------
  const notice = noticeBox($('workshop-meldingen'), () => $('kies-kop'));
  for (const m of loaded.messages) notice('waarschuwing', m);

  /** GOV.UK-style summary at the top: a title, a line, and links to the field per problem. */
  function showSummary(title, intro, entries) {
    const box = $('workshop-fouten');
    fill(box, h('h2', { class: 'foutoverzicht__kop' }, title), intro ? h('p', {}, intro) : null, h('ul', {}, entries.map((e) => h('li', {}, h('a', { href: `#${e.field}` }, e.text)))));
    box.hidden = false;
    box.focus();
  }
  function clearSummary() {
    const box = $('workshop-fouten');
    box.hidden = true;
    fill(box);
  }
  // ----- choosing the instrument --------------------------------------------------------------
  const radios = [...document.querySelectorAll('#workshop-kies input[name="instrument"]')];
  function persist() {
    if (instrument) state = { ...state, current: instrument.id, sessions: { ...state.sessions, [instrument.id]: session } };
    const result = store.save(state);
    if (!result.ok && !saveWarned) {
      saveWarned = true;
      notice('waarschuwing', result.message);
    }
  }

  async function choose(radio, { quiet = false } = {}) {
    const loadedInstrument = await loadInstrument(radio.value, radio.dataset.data);
    if (!loadedInstrument) {
      const text = 'Dit instrument kon niet worden geladen. Controleer of de map van het handboek compleet is, en laad de pagina opnieuw.';
      showSummary('Er ging iets mis', null, [{ field: radio.id, text }]);
      return;
    }
    instrument = loadedInstrument;
    const opened = openSession(state, instrument);
    session = opened.session;
    for (const m of opened.messages) notice('info', m);
    persist();
    const rootPath = root.dataset.root ?? '';
    const address = new URL(rootPath + radio.dataset.join, window.location.href).href;
    const werk = $('workshop-werk');
    fill(werk, ...workView(instrument, address, window.location.protocol === 'file:', radio.dataset.join));
    if (onServer) showJoin($('meedoen-kop').closest('section'), onServer.joinOf(instrument.id), instrument.title);
    werk.hidden = false;
    wireWork();
    refresh();
    if (!quiet) {
      announce(`Je werkt nu met ${instrument.title}. ${plural(session.participants.length, 'deelnemer', 'deelnemers')}.`);
      $('meedoen-kop').setAttribute('tabindex', '-1');
      $('meedoen-kop').focus();
    }
  }

  $('workshop-kies').addEventListener('submit', (e) => {
    e.preventDefault();
    const radio = radios.find((r) => r.checked);
    if (!radio) {
      showSummary('Er ging iets mis', null, [{ field: radios[0]?.id ?? 'workshop-kies', text: 'Kies eerst een instrument.' }]);
      return;
    }
    clearSummary();
    choose(radio);
  });

  // ----- results: participants, the group view --------------------------------------------------
  // Under `leerrecht workshop` the phones' submissions come first; a pasted code or file of a
  // participant who also sent from the phone (the same participant id) counts once.
  function everyone() {
    const fromServer = stand && instrument ? serverParticipants(stand, instrument) : [];
    const ids = new Set(fromServer.map((p) => p.participant).filter(Boolean));
    return [...fromServer, ...session.participants.filter((p) => !p.participant || !ids.has(p.participant))];
  }
  const participantsOf = () => everyone().map((p) => ({ label: participantLabel(p), answers: p.answers }));
  function refresh() {
    const all = everyone();
    agg = aggregate(instrument, participantsOf());
    fill($('deelnemers'), participantsView(instrument, { ...session, participants: all }));
    const any = all.length > 0;
    $('uitslag-acties').hidden = !any;
    $('wis-alles').hidden = session.participants.length === 0;
    fill(
      $('groep'),
      any
        ? h('div', {}, handoutHeaderView(instrument, agg, new Date()), groupView(instrument, agg, participantsOf().map((p) => p.label)))
        : h('p', {}, 'Zodra je uitslagen toevoegt, zie je hier hoe de groep heeft geantwoord.'),
    );
  }

  // What the components share (page/workshop-add.js, page/workshop-results.js): the stored
  // state, the current session and its result.
  const ws = {
    site,
    announce,
    persist,
    refresh,
    showSummary,
    clearSummary,
    labels: () => participantsOf().map((p) => p.label),
    participants: () => participantsOf(),
    get state() {
      return state;
    },
    set state(value) {
      state = value;
    },
    get instrument() {
      return instrument;
    },
    get agg() {
      return agg;
    },
    get session() {
      return session;
    },
    set session(value) {
      session = value;
    },
  };

  function wireWork() {
    setupAdding(ws);
    setupResults(ws);
    setupGroupAgenda(ws, new URL(`${root.dataset.root ?? ''}werkagenda.html`, window.location.href).href);
    $('projectie-open').addEventListener('click', () => projector.open($('projectie-open')));
  }
  // A file dropped next to the zone must not replace the page.
  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (e) => e.preventDefault());
  window.addEventListener('beforeprint', () => instrument && refresh());

  // ----- live under `leerrecht workshop` (the laptop itself): the session and the long poll ------
  let stand = null;
  let lastCount = null;
  let tab = null;
  try {
    tab = window.sessionStorage;
  } catch {
    tab = null;
  }
  const server = await findServer(root.dataset.root ?? '', currentSession(window.location.search, tab, site));
  const onServer = server
    ? setupServer(server, {
        after: $('workshop-meldingen'),
        announce,
        onStand(next) {
          stand = next;
          if (!instrument) return;
          refresh();
          const count = next.counts?.[instrument.id] ?? 0;
          if (lastCount !== null && count !== lastCount) announce(`${plural(count, 'deelnemer heeft', 'deelnemers hebben')} gestuurd.`);
          lastCount = count;
        },
      })
    : null;

  const projector = createProjector(announce, () => slides(instrument, agg));
  const current = radios.find((r) => r.value === state.current);
  if (current) {
    current.checked = true;
    choose(current, { quiet: true });
  }
}

start();
