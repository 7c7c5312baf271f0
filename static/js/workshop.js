// The trainer's workshop page: choose an instrument, collect the participants' share codes and
// result files, and show the group's result with a projector view, exports and a handout. All
// computing is in lib/ (aggregate.js, workshop-input.js, workshop-store.js, workshop-views.js,
// workshop-export.js); this file connects them to the page. Nothing is ever sent anywhere: the
// collected results stay in this browser (localStorage, leerrecht:<site>:workshop).

import { aggregate } from './lib/aggregate.js';
import { readLines, readFile, addCandidates, removeParticipant, emptySession, participantLabel } from './lib/workshop-input.js';
import { createWorkshopStore, openSession, emptyState } from './lib/workshop-store.js';
import { groupView, groupSummary, participantsView, slides, positionText, handoutHeaderView } from './lib/workshop-views.js';
import { aggregateCsv, aggregateJson, aggregateFileName } from './lib/workshop-export.js';
import { MAX_FILE } from './lib/result-file.js';
import { h } from './lib/view-tree.js';
import { isoDay, plural } from './lib/nl-format.js';
import { build, fill, openStorage, download, liveRegion, noticeBox, fieldError } from './page/dom.js';

const $ = (id) => document.getElementById(id);

/** The instrument of a radio button: from its data script, added to the page when first chosen. */
function loadInstrument(radio) {
  const id = radio.value;
  const known = () => window.leerrechtInstrumenten?.[id];
  if (known()) return Promise.resolve(known());
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = radio.dataset.data;
    script.addEventListener('load', () => (known() ? resolve(known()) : reject(new Error('leeg'))));
    script.addEventListener('error', () => reject(new Error('niet geladen')));
    document.head.append(script);
  });
}

/** The one polite live region, outside everything the projector view hides. */
function workView(instrument, address, fromDisk, join) {
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
        h('p', { class: 'veldgroep__hint', id: 'codes-hint' }, 'Een regel mag beginnen met een naam en een dubbele punt, zoals "Sanne: 1.tien-punten.1.…". Een link met een code werkt ook.'),
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
      h('div', { id: 'wis-bevestig', hidden: true }),
    ),
    h(
      'section',
      { class: 'workshop__stap workshop__uitslag', 'aria-labelledby': 'uitslag-kop' },
      h('h2', { id: 'uitslag-kop', tabindex: '-1' }, '5. Uitslag van de groep'),
      h('p', { class: 'knoppen workshop__acties', id: 'uitslag-acties', hidden: true },
        h('button', { type: 'button', class: 'knop', id: 'projectie-open' }, 'Projectieweergave'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'download-csv' }, 'Download als CSV'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'download-json' }, 'Download als JSON'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'print' }, 'Hand-out printen'),
      ),
      h('div', { id: 'groep' }),
    ),
  ];
}

function projectorView(fullscreen) {
  return h(
    'div',
    { class: 'projectie', id: 'projectie', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Projectieweergave', hidden: true },
    h('div', { class: 'projectie__balk' },
      h('p', { class: 'projectie__positie', id: 'projectie-positie' }),
      h('p', { class: 'projectie__knoppen' },
        h('button', { type: 'button', class: 'knop', id: 'projectie-vorige' }, 'Vorige'),
        h('button', { type: 'button', class: 'knop', id: 'projectie-volgende' }, 'Volgende'),
        fullscreen ? h('button', { type: 'button', class: 'knop knop--tweede', id: 'projectie-scherm' }, 'Volledig scherm') : null,
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'projectie-sluit' }, 'Sluiten (Esc)'),
      ),
      h('p', { class: 'projectie__hulp' }, 'Toetsen: pijl links en rechts (of Page Up en Page Down) voor vorige en volgende, Home en End voor de eerste en de laatste, Esc om terug te gaan.'),
    ),
    h('div', { class: 'projectie__dia', id: 'projectie-dia' }),
  );
}

function start() {
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
    let loadedInstrument;
    try {
      loadedInstrument = await loadInstrument(radio);
    } catch {
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
  const participantsOf = () => session.participants.map((p) => ({ label: participantLabel(p), answers: p.answers }));
  function refresh() {
    agg = aggregate(instrument, participantsOf());
    fill($('deelnemers'), participantsView(instrument, session));
    const any = session.participants.length > 0;
    $('uitslag-acties').hidden = !any;
    $('wis-alles').hidden = !any;
    fill(
      $('groep'),
      any
        ? h('div', {}, handoutHeaderView(instrument, agg, new Date()), groupView(instrument, agg, participantsOf().map((p) => p.label)))
        : h('p', {}, 'Zodra je uitslagen toevoegt, zie je hier hoe de groep heeft geantwoord.'),
    );
  }

  function report(field, added, duplicates, problems, notes = []) {
    const n = session.participants.length;
    fill(
      $('toevoeg-melding'),
      added.length
        ? h('div', { class: 'melding melding--succes' }, h('p', {}, `${plural(added.length, 'uitslag', 'uitslagen')} toegevoegd: ${added.map(participantLabel).join(', ')}. Nu ${plural(n, 'deelnemer', 'deelnemers')}.`), notes.map((t) => h('p', {}, t)))
        : null,
    );
    const skipped = [...problems.map((p) => ({ field, text: `${p.where}: ${p.message}`, line: p.line ?? 0 })), ...duplicates.map((d) => ({ field, text: `${d.where}: deze uitslag is al toegevoegd (${d.of}). Hij telt niet nog een keer mee.`, line: d.line ?? 0 }))];
    skipped.sort((a, b) => a.line - b.line);
    if (skipped.length) {
      showSummary('Niet alles is meegeteld', `${plural(added.length, 'uitslag is', 'uitslagen zijn')} toegevoegd. ${plural(skipped.length, 'uitslag telt', 'uitslagen tellen')} niet mee:`, skipped);
    } else {
      clearSummary();
      announce(added.length ? `${plural(added.length, 'uitslag', 'uitslagen')} toegevoegd. Nu ${plural(n, 'deelnemer', 'deelnemers')}. ${groupSummary(agg)}` : 'Er is niets toegevoegd.');
    }
  }

  function add(field, candidates, problems, notes) {
    const result = addCandidates(session, instrument, candidates);
    session = result.session;
    persist();
    refresh();
    report(field, result.added, result.duplicates, problems, notes);
  }

  function addCodes() {
    const text = $('codes').value;
    if (!text.trim()) {
      fieldError('codes', 'Plak eerst een of meer codes in het veld.');
      showSummary('Er ging iets mis', null, [{ field: 'codes', text: 'Plak eerst een of meer codes in het veld.' }]);
      return;
    }
    const { candidates, problems } = readLines(text, instrument);
    // What could not be read stays in the field, to fix or to remove; the rest has been counted.
    $('codes').value = problems.map((p) => p.text).join('\n');
    fieldError('codes', problems.length ? `${plural(problems.length, 'regel is', 'regels zijn')} niet gelezen. ${problems.length === 1 ? 'Die staat' : 'Ze staan'} nog in het veld: verbeter of verwijder ${problems.length === 1 ? 'hem' : 'ze'}.` : null);
    fieldError('bestanden', null);
    add('codes', candidates, problems, []);
  }

  async function addFiles(files) {
    const candidates = [];
    const problems = [];
    for (const file of files) {
      const where = `Bestand "${file.name}"`;
      if (file.size > MAX_FILE) {
        problems.push({ where, message: 'Dit bestand is te groot voor een uitslag (meer dan 1 MB).' });
        continue;
      }
      let text;
      try {
        text = await file.text();
      } catch {
        problems.push({ where, message: 'Dit bestand kan niet worden gelezen.' });
        continue;
      }
      const read = readFile(text, file.name, instrument, site);
      if (read.problem) problems.push(read.problem);
      else candidates.push(read.candidate);
    }
    fieldError('bestanden', problems.length ? `${plural(problems.length, 'bestand is', 'bestanden zijn')} niet gelezen.` : null);
    const notes = candidates.flatMap((c) => c.notes.map((t) => `${c.where}: ${t}`));
    add('bestanden', candidates, problems, notes);
  }

  function removeOne(n) {
    const p = session.participants.find((x) => x.n === n);
    if (!p) return;
    const index = session.participants.indexOf(p);
    session = removeParticipant(session, n);
    persist();
    refresh();
    announce(`${participantLabel(p)} is verwijderd. Nu ${plural(session.participants.length, 'deelnemer', 'deelnemers')}.`);
    const buttons = [...document.querySelectorAll('#deelnemers [data-verwijder]')];
    (buttons[Math.min(index, buttons.length - 1)] ?? $('deelnemers-kop')).focus();
  }

  function askClear() {
    const box = $('wis-bevestig');
    box.hidden = false;
    fill(
      box,
      h(
        'div',
        { class: 'melding melding--waarschuwing' },
        h('p', {}, 'Hiermee wis je de uitslagen van alle deelnemers, bij elk instrument, uit deze browser. Wil je de uitslag bewaren? Download hem dan eerst.'),
        h('p', { class: 'knoppen' }, h('button', { type: 'button', class: 'knop knop--gevaar', id: 'wis-ja' }, 'Ja, wis alles'), h('button', { type: 'button', class: 'knop knop--tweede', id: 'wis-nee' }, 'Nee, niet wissen')),
      ),
    );
    const close = () => {
      box.hidden = true;
      fill(box);
    };
    $('wis-ja').addEventListener('click', () => {
      state = { ...emptyState(), current: instrument.id };
      session = emptySession(instrument);
      persist();
      close();
      refresh();
      fill($('toevoeg-melding'));
      clearSummary();
      announce('Alle uitslagen zijn gewist.');
      $('deelnemers-kop').focus();
    });
    $('wis-nee').addEventListener('click', () => {
      close();
      announce('Er is niets gewist.');
      $('wis-alles').focus();
    });
    $('wis-nee').focus();
  }

  function exportAs(extension) {
    const name = aggregateFileName(instrument, isoDay(new Date()), extension);
    if (extension === 'csv') download(name, aggregateCsv(instrument, agg, participantsOf().map((p) => p.label)), 'text/csv;charset=utf-8');
    else download(name, aggregateJson(instrument, agg, site), 'application/json');
    announce(`De uitslag is opgeslagen als ${name}.`);
  }

  function wireWork() {
    $('voeg-toe').addEventListener('click', addCodes);
    $('bestanden').addEventListener('change', async (e) => {
      const files = [...e.target.files];
      e.target.value = '';
      if (files.length) await addFiles(files);
    });
    const zone = $('bestanden-groep');
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('workshop__sleep--actief');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('workshop__sleep--actief'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('workshop__sleep--actief');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) addFiles(files);
    });
    $('deelnemers').addEventListener('click', (e) => {
      const button = e.target.closest('[data-verwijder]');
      if (button) removeOne(Number(button.dataset.verwijder));
    });
    $('wis-alles').addEventListener('click', askClear);
    $('download-csv').addEventListener('click', () => exportAs('csv'));
    $('download-json').addEventListener('click', () => exportAs('json'));
    $('print').addEventListener('click', () => {
      refresh();
      window.print();
    });
    $('projectie-open').addEventListener('click', () => projector.open($('projectie-open')));
  }
  // A file dropped next to the zone must not replace the page.
  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (e) => e.preventDefault());
  window.addEventListener('beforeprint', () => instrument && refresh());

  const projector = createProjector(announce, () => slides(instrument, agg));
  const current = radios.find((r) => r.value === state.current);
  if (current) {
    current.checked = true;
    choose(current, { quiet: true });
  }
}

/** The projector view: one slide at a time, keyboard operable, focus back where it came from. */
function createProjector(announce, makeSlides) {
  const fullscreen = Boolean(document.fullscreenEnabled && document.documentElement.requestFullscreen);
  const view = build(projectorView(fullscreen));
  document.body.append(view);
  let list = [];
  let index = 0;
  let opener = null;

  function show(i) {
    index = Math.max(0, Math.min(list.length - 1, i));
    const slide = list[index];
    const dia = $('projectie-dia');
    const focusInside = dia.contains(document.activeElement) || document.activeElement === document.body;
    fill(dia, h('h2', { class: 'projectie__kop', id: 'projectie-kop', tabindex: '-1' }, slide.heading), h('div', {}, slide.body));
    const position = positionText(list, index);
    $('projectie-positie').textContent = position;
    $('projectie-vorige').setAttribute('aria-disabled', String(index === 0));
    $('projectie-volgende').setAttribute('aria-disabled', String(index === list.length - 1));
    if (focusInside) $('projectie-kop').focus();
    announce(`${position}: ${slide.heading}`);
  }
  function step(delta) {
    const target = index + delta;
    if (target < 0 || target >= list.length) {
      announce(target < 0 ? 'Dit is de eerste.' : 'Dit is de laatste.');
      return;
    }
    show(target);
  }
  function close() {
    if (view.hidden) return;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    view.hidden = true;
    document.documentElement.classList.remove('workshop-projectie');
    opener?.focus();
    announce('De projectieweergave is gesloten.');
  }
  function open(from) {
    list = makeSlides();
    if (!list.length) return;
    opener = from;
    view.hidden = false;
    document.documentElement.classList.add('workshop-projectie');
    show(0);
    $('projectie-kop').focus();
  }
  $('projectie-vorige').addEventListener('click', () => step(-1));
  $('projectie-volgende').addEventListener('click', () => step(1));
  $('projectie-sluit').addEventListener('click', close);
  $('projectie-scherm')?.addEventListener('click', () => {
    const request = document.fullscreenElement ? document.exitFullscreen() : view.requestFullscreen();
    request.catch(() => announce('Volledig scherm lukt niet in deze browser. Gebruik F11.'));
  });
  const KEYS = { ArrowRight: () => step(1), PageDown: () => step(1), ArrowLeft: () => step(-1), PageUp: () => step(-1), Home: () => show(0), End: () => show(list.length - 1), Escape: close };
  document.addEventListener('keydown', (e) => {
    if (view.hidden || e.altKey || e.ctrlKey || e.metaKey || !KEYS[e.key]) return;
    e.preventDefault();
    KEYS[e.key]();
  });
  return { open, close };
}

start();
