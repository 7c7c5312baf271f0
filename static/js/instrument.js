// The instrument page: reads the instrument from the JSON in the page, restores saved answers,
// shows the result as the user answers, and offers saving, files, share codes, comparing and
// printing. All computing happens in the pure modules under lib/; this file only connects them
// to the page. Nothing is ever sent anywhere.

import { slotsOf, isScored, isEmpty } from './lib/instrument-answers.js';
import { score } from './lib/instrument-score.js';
import { analyseRoutekaart } from './lib/routekaart-analysis.js';
import { computeInventory, parseCount, NOT_A_NUMBER } from './lib/inventarisatie.js';
import { encodeCode, decodeCode, shareLink, extractCode } from './lib/share-code.js';
import { makeResult, serializeResult, readResultFile, resultFileName, MAX_FILE } from './lib/result-file.js';
import { createStore } from './lib/answers-store.js';
import { compare } from './lib/compare.js';
import { h } from './lib/view-tree.js';
import {
  scoredView,
  scoredSummary,
  routekaartView,
  routekaartSummary,
  inventoryView,
  inventorySummary,
  compareView,
  printHeaderView,
} from './lib/instrument-views.js';
import { formatDate, formatTime, isoDay, plural } from './lib/nl-format.js';
import { fill, openStorage, debounce, download, liveRegion, noticeBox, fieldError } from './page/dom.js';
import { mergeStates, equalStates } from './lib/merge-state.js';


function start() {
  const app = document.getElementById('instrument-app');
  const form = document.getElementById('instrument-form');
  const dataEl = document.getElementById('instrument-data');
  const out = document.getElementById('resultaat-inhoud');
  if (!app || !form || !dataEl || !out) return;

  let instrument;
  let slots;
  try {
    instrument = JSON.parse(dataEl.textContent);
    slots = slotsOf(instrument);
  } catch (error) {
    fill(out, h('p', { class: 'melding melding--fout' }, `Deze pagina kan de uitslag niet berekenen: ${error.message}`));
    return;
  }
  const site = app.dataset.site || 'leerrecht';
  const scored = isScored(instrument);
  const { storage, ok: storageOk } = openStorage();
  const store = createStore(storage, instrument, site);

  // ----- the controls of the form, per slot ------------------------------------------------
  const byName = new Map();
  for (const el of form.elements) {
    if (!el.name) continue;
    if (!byName.has(el.name)) byName.set(el.name, []);
    byName.get(el.name).push(el);
  }
  const controlName = (slot) => slot.control;
  const bindings = slots.map((slot) => ({ slot, els: byName.get(controlName(slot)) ?? [] }));
  const noteEls = scored ? instrument.items.map((item) => ({ id: item.id, el: byName.get(item.note)?.[0] })).filter((n) => n.el) : [];

  function readForm() {
    const answers = {};
    const problems = {};
    for (const { slot, els } of bindings) {
      if (slot.type === 'choice') {
        const checked = els.find((e) => e.checked);
        if (checked && slot.options.includes(checked.value)) answers[slot.key] = checked.value;
      } else if (slot.type === 'flag') {
        if (els[0]?.checked) answers[slot.key] = true;
      } else if (els[0]) {
        if (els[0].validity?.badInput) {
          problems[slot.key] = NOT_A_NUMBER;
          continue;
        }
        const { value, problem } = parseCount(els[0].value);
        if (value !== null) answers[slot.key] = value;
        else if (problem) problems[slot.key] = problem;
      }
    }
    const notes = {};
    for (const { id, el } of noteEls) if (el.value.trim() !== '') notes[id] = el.value;
    return { answers, notes, problems };
  }

  function writeForm(answers, notes) {
    for (const { slot, els } of bindings) {
      const has = Object.hasOwn(answers, slot.key);
      if (slot.type === 'choice') for (const e of els) e.checked = has && e.value === answers[slot.key];
      else if (slot.type === 'flag') {
        if (els[0]) els[0].checked = has && answers[slot.key] === true;
      } else if (els[0]) els[0].value = has ? String(answers[slot.key]) : '';
    }
    for (const { id, el } of noteEls) el.value = Object.hasOwn(notes, id) ? notes[id] : '';
  }

  function setFormDisabled(disabled) {
    // Only the controls: a disabled fieldset would also take the scrollable tables out of reach.
    for (const el of form.elements) if (el.matches('input, textarea, select')) el.disabled = disabled;
    form.classList.toggle('instrument-form--alleen-lezen', disabled);
  }

  // ----- the tool bar ----------------------------------------------------------------------
  const panel = (id, summary, ...children) => h('details', { class: 'paneel', id }, h('summary', { class: 'paneel__kop' }, summary), h('div', { class: 'paneel__inhoud' }, children));
  const fileField = (id, label, hint) => [
    h('div', { class: 'veldgroep', id: `${id}-groep` },
      h('label', { class: 'veldgroep__label', for: id }, label),
      hint ? h('p', { class: 'veldgroep__hint', id: `${id}-hint` }, hint) : null,
      h('p', { class: 'veldgroep__fout', id: `${id}-fout`, hidden: true }),
      h('input', { type: 'file', id, accept: '.json,application/json', 'aria-describedby': hint ? `${id}-hint` : null }),
    ),
  ];
  fill(
    app,
    h('div', { class: 'melding-vak', id: 'instrument-meldingen', hidden: true }),
    h('div', { class: 'gedeeld', id: 'gedeeld', hidden: true }),
    h(
      'section',
      { class: 'werkbalk', id: 'werkbalk', 'aria-labelledby': 'werkbalk-kop' },
      h('h2', { class: 'werkbalk__kop', id: 'werkbalk-kop' }, 'Bewaren, delen en vergelijken'),
      h('p', { class: 'werkbalk__status', id: 'bewaarstatus' }, 'Je antwoorden worden bewaard in deze browser, op dit apparaat. Er gaat niets naar internet.'),
      h('div', { class: 'werkbalk__panelen' },
        panel('paneel-bestand', 'Opslaan als bestand of een bestand openen',
          h('p', {}, 'Sla je uitslag op als bestand om hem te bewaren, door te sturen of op een andere computer te openen. In het bestand staan je antwoorden en notities.'),
          h('p', {}, h('button', { type: 'button', class: 'knop', id: 'exporteer' }, 'Uitslag opslaan als bestand')),
          fileField('importeer', 'Een opgeslagen uitslag openen', 'Kies een bestand dat je eerder met deze pagina hebt opgeslagen (het eindigt op .json).'),
          h('div', { id: 'import-bevestig', hidden: true }),
          h('div', { id: 'bestand-melding' }),
        ),
        panel('paneel-delen', 'Delen met een code of link',
          h('p', {}, 'Een deelcode bevat je antwoorden, niet je notities. Wie de link opent, ziet je uitslag en kan hem overnemen; bij jou verandert er niets.'),
          h('p', {}, h('button', { type: 'button', class: 'knop', id: 'maak-code' }, 'Maak een deelcode')),
          h('div', { id: 'deelcode-blok', hidden: true },
            h('div', { class: 'veldgroep' }, h('label', { class: 'veldgroep__label', for: 'deelcode' }, 'Deelcode'), h('input', { type: 'text', id: 'deelcode', readonly: true, class: 'veldgroep__code', spellcheck: 'false' })),
            h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'kopieer-code' }, 'Kopieer de code')),
            h('div', { class: 'veldgroep' },
              h('label', { class: 'veldgroep__label', for: 'deellink' }, 'Link'),
              h('p', { class: 'veldgroep__hint', id: 'deellink-hint' }, 'De link werkt waar de site op hetzelfde adres staat. Staat de site op een USB-stick, geef dan de code door.'),
              h('input', { type: 'text', id: 'deellink', readonly: true, class: 'veldgroep__code', spellcheck: 'false', 'aria-describedby': 'deellink-hint' }),
            ),
            h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'kopieer-link' }, 'Kopieer de link')),
            h('p', { id: 'deel-melding' }),
          ),
          h('div', { class: 'veldgroep', id: 'open-code-groep' },
            h('label', { class: 'veldgroep__label', for: 'open-code' }, 'Een deelcode van iemand anders bekijken'),
            h('p', { class: 'veldgroep__fout', id: 'open-code-fout', hidden: true }),
            h('input', { type: 'text', id: 'open-code', class: 'veldgroep__code', spellcheck: 'false', autocomplete: 'off' }),
          ),
          h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'open-code-knop' }, 'Bekijk de uitslag van deze code')),
        ),
        panel('paneel-vergelijk', 'Vergelijken met een eerdere uitslag',
          h('p', {}, 'Laad een eerdere uitslag, als bestand of als deelcode. Onder de uitslag zie je dan per thema en per vraag wat er sinds toen is veranderd. Je eigen antwoorden veranderen niet.'),
          fileField('vergelijk-bestand', 'Eerdere uitslag als bestand', null),
          h('div', { class: 'veldgroep', id: 'vergelijk-code-groep' },
            h('label', { class: 'veldgroep__label', for: 'vergelijk-code' }, 'Of plak een deelcode of link'),
            h('p', { class: 'veldgroep__fout', id: 'vergelijk-code-fout', hidden: true }),
            h('input', { type: 'text', id: 'vergelijk-code', class: 'veldgroep__code', spellcheck: 'false', autocomplete: 'off' }),
          ),
          h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'vergelijk-knop' }, 'Vergelijk met deze code')),
          h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'vergelijk-stop', hidden: true }, 'Vergelijking sluiten')),
        ),
        panel('paneel-opnieuw', 'Opnieuw beginnen',
          h('p', {}, 'Hiermee wis je alle antwoorden en notities van dit formulier in deze browser. Wil je ze bewaren? Sla je uitslag dan eerst op als bestand.'),
          h('p', {}, h('button', { type: 'button', class: 'knop knop--gevaar', id: 'wis' }, 'Ja, wis alles en begin opnieuw')),
        ),
      ),
      h('p', { class: 'werkbalk__print' }, h('button', { type: 'button', class: 'knop knop--tweede', id: 'print' }, 'Uitslag printen')),
    ),
    h('p', { class: 'visueel-verborgen', id: 'instrument-melding', role: 'status', 'aria-live': 'polite' }),
  );
  const $ = (id) => document.getElementById(id);
  const announce = liveRegion($('instrument-melding'));
  const notice = noticeBox($('instrument-meldingen'), () => $('werkbalk-kop'));

  // ----- state -----------------------------------------------------------------------------
  let answers = {};
  let notes = {};
  let problems = {};
  let savedAt = null;
  let shared = null; // { answers } while a shared result is shown read-only
  let earlier = null; // { answers, source } while comparing

  const loaded = store.load();
  if (loaded.state) {
    answers = loaded.state.answers;
    notes = loaded.state.notes;
    savedAt = loaded.state.saved;
  }
  // What this tab last read from or wrote to storage: the common ground when another tab
  // saves the same instrument (see the storage listener below).
  let base = { answers: { ...answers }, notes: { ...notes } };
  for (const m of loaded.messages) notice(m.kind === 'migratie' ? 'info' : 'waarschuwing', m.text, m.dropped ?? []);
  if (!storageOk) notice('waarschuwing', 'Deze browser laat de pagina niets bewaren. Je antwoorden blijven alleen staan zolang de pagina open is. Sla je uitslag op als bestand om hem te bewaren.');
  writeForm(answers, notes);
  if (loaded.messages.some((m) => m.kind === 'migratie')) save();

  function setStatus(text, warn = false) {
    const el = $('bewaarstatus');
    el.textContent = text;
    el.classList.toggle('werkbalk__status--fout', warn);
  }

  function save() {
    if (shared) return;
    let result;
    if (isEmpty(answers, notes)) {
      result = store.clear();
      if (result.ok) {
        savedAt = null;
        base = { answers: {}, notes: {} };
        setStatus('Er zijn geen antwoorden bewaard. Je antwoorden worden bewaard in deze browser zodra je begint.');
      }
      return;
    }
    result = store.save(answers, notes);
    if (result.ok) {
      savedAt = result.saved;
      base = { answers: { ...answers }, notes: { ...notes } };
      setStatus(`Automatisch bewaard in deze browser om ${formatTime(result.saved)}.`);
    } else {
      setStatus(result.message, true);
      announce(result.message);
    }
  }
  const saveSoon = debounce(save, 300);
  if (savedAt) setStatus(`Je antwoorden van ${formatDate(savedAt, true)} staan weer klaar. Ze worden automatisch bewaard in deze browser.`);

  // ----- results ---------------------------------------------------------------------------
  function fieldMessages(inv) {
    if (instrument.kind !== 'inventarisatie') return;
    const messages = new Map();
    for (const f of inv.problems) messages.set(f.id, [f.problem]);
    for (const c of inv.checks) {
      const target = instrument.fields.some((f) => f.id === c.whole) ? c.whole : instrument.fields.some((f) => f.id === c.part) ? c.part : null;
      if (target) messages.set(target, [...(messages.get(target) ?? []), c.message]);
    }
    for (const field of instrument.fields) {
      const input = byName.get(field.control)?.[0];
      if (!input) continue;
      const wrap = input.closest('.veld') ?? input.parentElement;
      let p = document.getElementById(`fout-${field.id}`);
      const list = messages.get(field.id);
      const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== `fout-${field.id}`);
      if (list) {
        if (!p) {
          p = document.createElement('p');
          p.id = `fout-${field.id}`;
          p.className = 'veld__fout';
          input.before(p);
        }
        p.textContent = `Let op: ${list.join(' ')}`;
        input.setAttribute('aria-describedby', [...describedBy, p.id].join(' '));
        if (inv.problems.some((f) => f.id === field.id)) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
        wrap.classList.add('veld--fout');
      } else {
        p?.remove();
        if (describedBy.length) input.setAttribute('aria-describedby', describedBy.join(' '));
        else input.removeAttribute('aria-describedby');
        input.removeAttribute('aria-invalid');
        wrap.classList.remove('veld--fout');
      }
    }
  }

  function currentView(a, n, p) {
    if (scored) {
      const result = score(instrument, a);
      const cmp = earlier ? compare(instrument, earlier.answers, a) : null;
      return { tree: scoredView(instrument, result, { answers: a, notes: n, earlier: cmp }), summary: scoredSummary(result), cmp };
    }
    if (instrument.kind === 'routekaart') {
      const analysis = analyseRoutekaart(instrument, a);
      return { tree: routekaartView(instrument, analysis), summary: routekaartSummary(analysis), cmp: earlier ? compare(instrument, earlier.answers, a) : null };
    }
    const inv = computeInventory(instrument, a, p);
    fieldMessages(inv);
    return { tree: inventoryView(instrument, inv), summary: inventorySummary(inv), cmp: earlier ? compare(instrument, earlier.answers, a) : null };
  }

  let lastSummary = '';
  function update({ speak = false } = {}) {
    const a = shared ? shared.answers : answers;
    const view = currentView(a, shared ? {} : notes, shared ? {} : problems);
    fill(
      out,
      printHeaderView(instrument, new Date(), shared ? null : savedAt),
      shared ? h('p', { class: 'melding melding--info' }, 'Dit is de uitslag van een gedeelde code. Je eigen antwoorden staan er niet in.') : null,
      view.tree,
      view.cmp ? compareView(instrument, view.cmp, earlier.source) : null,
    );
    if (speak && view.summary !== lastSummary) announceSoon(view.summary);
    lastSummary = view.summary;
  }
  const announceSoon = debounce((text) => announce(`Uitslag bijgewerkt. ${text}`), 1200);

  function onEdit() {
    if (shared) return;
    ({ answers, notes, problems } = readForm());
    update({ speak: true });
    saveSoon();
  }
  form.addEventListener('change', onEdit);
  form.addEventListener('input', onEdit);
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('pagehide', () => saveSoon.now());
  window.addEventListener('beforeprint', () => update());

  // ----- export and import -----------------------------------------------------------------
  $('exporteer').addEventListener('click', () => {
    const now = new Date();
    const name = resultFileName(instrument, isoDay(now));
    download(name, serializeResult(makeResult({ site, instrument, answers, notes, saved: now })), 'application/json');
    fill($('bestand-melding'), h('p', { class: 'melding melding--succes' }, `Je uitslag is opgeslagen als "${name}" in de map voor downloads.`));
    announce(`Je uitslag is opgeslagen als ${name}.`);
  });

  async function readChosenFile(input) {
    const file = input.files?.[0];
    if (!file) return null;
    if (file.size > MAX_FILE) return { ok: false, message: 'Dit bestand is te groot voor een uitslag (meer dan 1 MB).' };
    let text;
    try {
      text = await file.text();
    } catch {
      return { ok: false, message: 'Dit bestand kan niet worden gelezen.' };
    }
    const result = readResultFile(text, instrument, site);
    return { ...result, name: file.name };
  }

  function applyImport(result) {
    answers = result.answers;
    notes = result.notes;
    problems = {};
    writeForm(answers, notes);
    save();
    update();
    const lines = [...result.warnings];
    const msg = `De uitslag uit "${result.name}" staat nu in het formulier${result.saved ? ` (opgeslagen op ${formatDate(result.saved, true)})` : ''}.`;
    fill(
      $('bestand-melding'),
      h(
        'div',
        { class: 'melding melding--succes' },
        h('p', {}, msg),
        lines.map((l) => h('p', {}, l)),
        result.dropped.length ? [h('p', {}, `Niet overgenomen (${result.dropped.length}):`), h('ul', {}, result.dropped.map((d) => h('li', {}, d)))] : null,
      ),
    );
    $('import-bevestig').hidden = true;
    announce(`${msg}${result.dropped.length ? ` ${plural(result.dropped.length, 'onderdeel', 'onderdelen')} niet overgenomen.` : ''}`);
  }

  $('importeer').addEventListener('change', async (e) => {
    const input = e.target;
    const result = await readChosenFile(input);
    if (!result) return;
    fill($('bestand-melding'));
    if (!result.ok) {
      fieldError('importeer', result.message);
      announce(`Fout: ${result.message}`);
      input.value = '';
      return;
    }
    fieldError('importeer', null);
    input.value = '';
    if (isEmpty(answers, notes)) {
      applyImport(result);
      return;
    }
    const box = $('import-bevestig');
    box.hidden = false;
    fill(
      box,
      h(
        'div',
        { class: 'melding melding--waarschuwing' },
        h('p', {}, `Je hebt al antwoorden in dit formulier. Als je "${result.name}" opent, vervangt het bestand al je antwoorden en notities.`),
        h('p', { class: 'knoppen' },
          h('button', { type: 'button', class: 'knop', id: 'import-ja' }, 'Vervang mijn antwoorden'),
          ' ',
          h('button', { type: 'button', class: 'knop knop--tweede', id: 'import-nee' }, 'Niet openen')),
      ),
    );
    $('import-ja').addEventListener('click', () => {
      applyImport(result);
      $('importeer').focus();
    });
    $('import-nee').addEventListener('click', () => {
      box.hidden = true;
      fill(box);
      announce('Het bestand is niet geopend.');
      $('importeer').focus();
    });
    $('import-ja').focus();
  });

  // ----- share code ------------------------------------------------------------------------
  const pageUrl = () => window.location.href.split('#')[0];
  $('maak-code').addEventListener('click', () => {
    const code = encodeCode(instrument, answers);
    $('deelcode').value = code;
    $('deellink').value = shareLink(pageUrl(), code);
    $('deelcode-blok').hidden = false;
    fill($('deel-melding'));
    announce(`Deelcode gemaakt: ${code}`);
    $('deelcode').focus();
    $('deelcode').select();
  });
  async function copy(inputId, what) {
    const input = $(inputId);
    let ok = false;
    try {
      await navigator.clipboard.writeText(input.value);
      ok = true;
    } catch {
      input.focus();
      input.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
    }
    const text = ok ? `De ${what} staat op het klembord.` : `Kopiëren lukt niet vanzelf. De ${what} is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C op een Mac).`;
    fill($('deel-melding'), h('span', {}, text));
    announce(text);
  }
  $('kopieer-code').addEventListener('click', () => copy('deelcode', 'code'));
  $('kopieer-link').addEventListener('click', () => copy('deellink', 'link'));

  // ----- a shared result (#r=CODE) ---------------------------------------------------------
  function clearFragment() {
    try {
      history.replaceState(null, '', pageUrl());
    } catch {
      window.location.hash = '';
    }
  }

  function leaveShared(message) {
    shared = null;
    $('gedeeld').hidden = true;
    fill($('gedeeld'));
    $('werkbalk').hidden = false;
    setFormDisabled(false);
    writeForm(answers, notes);
    clearFragment();
    update();
    announce(message);
    $('werkbalk-kop').setAttribute('tabindex', '-1');
    $('werkbalk-kop').focus();
  }

  function openShared() {
    const hash = window.location.hash;
    if (!hash.startsWith('#r=')) return false;
    const decoded = decodeCode(hash, instrument);
    if (!decoded.ok) {
      notice('fout', `De gedeelde uitslag in deze link kan niet worden geopend. ${decoded.message} Je ziet nu je eigen antwoorden.`);
      return false;
    }
    shared = { answers: decoded.answers };
    setFormDisabled(true);
    writeForm(shared.answers, {});
    $('werkbalk').hidden = true;
    const own = !isEmpty(answers, notes);
    const box = $('gedeeld');
    box.hidden = false;
    fill(
      box,
      h(
        'section',
        { class: 'melding melding--info gedeeld__vak', 'aria-labelledby': 'gedeeld-kop' },
        h('h2', { id: 'gedeeld-kop', class: 'gedeeld__kop', tabindex: '-1' }, 'Je bekijkt een gedeelde uitslag'),
        h('p', {}, 'Iemand heeft deze uitslag met je gedeeld. Je kunt hem alleen bekijken; het formulier is op slot. Notities worden niet gedeeld.'),
        h('p', {}, own ? 'Neem je deze antwoorden over, dan vervangen ze de antwoorden en notities die je zelf in deze browser had.' : 'Neem je deze antwoorden over, dan kun je ze zelf aanpassen en worden ze in deze browser bewaard.'),
        h('p', { class: 'knoppen' },
          h('button', { type: 'button', class: 'knop', id: 'neem-over' }, own ? 'Vervang mijn antwoorden door deze' : 'Neem deze antwoorden over'),
          ' ',
          h('button', { type: 'button', class: 'knop knop--tweede', id: 'terug-eigen' }, own ? 'Terug naar mijn eigen antwoorden' : 'Sluiten zonder overnemen')),
      ),
    );
    $('neem-over').addEventListener('click', () => {
      answers = shared.answers;
      notes = {};
      problems = {};
      shared = null;
      save();
      leaveShared('De gedeelde antwoorden staan nu in je eigen formulier en worden in deze browser bewaard.');
    });
    $('terug-eigen').addEventListener('click', () => leaveShared('Je ziet weer je eigen antwoorden.'));
    update();
    return true;
  }

  window.addEventListener('hashchange', () => {
    if (window.location.hash.startsWith('#r=')) {
      if (shared) {
        shared = null;
        setFormDisabled(false);
      }
      if (openShared()) $('gedeeld-kop').focus();
    }
  });

  function openCode() {
    const code = extractCode($('open-code').value);
    const decoded = decodeCode(code, instrument);
    if (!decoded.ok) {
      fieldError('open-code', decoded.message);
      announce(`Fout: ${decoded.message}`);
      $('open-code').focus();
      return;
    }
    fieldError('open-code', null);
    $('open-code').value = '';
    window.location.hash = `r=${code}`;
  }
  $('open-code-knop').addEventListener('click', openCode);
  $('open-code').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      openCode();
    }
  });

  // ----- compare ---------------------------------------------------------------------------
  function startCompare(earlierAnswers, source) {
    earlier = { answers: earlierAnswers, source };
    $('vergelijk-stop').hidden = false;
    update();
    announce(`De vergelijking met ${source} staat onder de uitslag.`);
  }
  $('vergelijk-bestand').addEventListener('change', async (e) => {
    const input = e.target;
    const result = await readChosenFile(input);
    if (!result) return;
    input.value = '';
    if (!result.ok) {
      fieldError('vergelijk-bestand', result.message);
      announce(`Fout: ${result.message}`);
      return;
    }
    fieldError('vergelijk-bestand', null);
    startCompare(result.answers, `het bestand "${result.name}"${result.saved ? ` van ${formatDate(result.saved)}` : ''}`);
  });
  function compareWithCode() {
    const text = $('vergelijk-code').value;
    const decoded = decodeCode(extractCode(text), instrument);
    if (!decoded.ok) {
      fieldError('vergelijk-code', decoded.message);
      announce(`Fout: ${decoded.message}`);
      $('vergelijk-code').focus();
      return;
    }
    fieldError('vergelijk-code', null);
    startCompare(decoded.answers, 'een deelcode');
  }
  $('vergelijk-knop').addEventListener('click', compareWithCode);
  $('vergelijk-code').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      compareWithCode();
    }
  });
  $('vergelijk-stop').addEventListener('click', () => {
    earlier = null;
    $('vergelijk-stop').hidden = true;
    update();
    announce('De vergelijking is gesloten.');
    $('vergelijk-code').focus();
  });

  // ----- print and start over --------------------------------------------------------------
  $('print').addEventListener('click', () => {
    update();
    document.documentElement.classList.add('print-uitslag');
    window.print();
  });
  window.addEventListener('afterprint', () => document.documentElement.classList.remove('print-uitslag'));

  $('wis').addEventListener('click', () => {
    answers = {};
    notes = {};
    problems = {};
    writeForm(answers, notes);
    save();
    update();
    $('paneel-opnieuw').open = false;
    announce('Alle antwoorden en notities zijn gewist. Je begint met een leeg formulier.');
    setStatus('Alles is gewist. Je antwoorden worden weer bewaard in deze browser zodra je begint.');
    $('werkbalk-kop').setAttribute('tabindex', '-1');
    $('werkbalk-kop').focus();
  });

  // ----- the same instrument in another tab -----------------------------------------------
  // Browsers tell every other tab of this site when one saves. Merge instead of overwriting,
  // so nothing either tab saved is lost, and say what happened.
  window.addEventListener('storage', (e) => {
    if (e.key !== store.key && e.key !== null) return;
    const fresh = store.load();
    const theirs = fresh.state ? { answers: fresh.state.answers, notes: fresh.state.notes } : { answers: {}, notes: {} };
    let ours = { answers, notes };
    if (!shared) {
      const form = readForm();
      ours = { answers: form.answers, notes: form.notes };
    }
    const merged = mergeStates(base, ours, theirs);
    const pending = !equalStates(ours, base);
    base = theirs;
    answers = merged.answers;
    notes = merged.notes;
    if (!shared) {
      writeForm(answers, notes);
      ({ problems } = readForm());
      if (pending || merged.conflicts.length) save();
      else if (fresh.state) savedAt = fresh.state.saved;
      update();
    }
    if (!merged.changed && !merged.conflicts.length) return;
    const numbers = merged.conflicts.map((c) => slotLabel(c));
    const text = merged.conflicts.length
      ? 'Dit formulier is ook open in een ander tabblad, en daar zijn antwoorden veranderd. Die staan nu ook hier. Waar je in beide tabbladen iets anders koos, is het antwoord van dit tabblad bewaard.'
      : 'Dit formulier is ook open in een ander tabblad, en daar zijn antwoorden veranderd. Die staan nu ook hier, en je eigen antwoorden in dit tabblad zijn gebleven.';
    notice('info', text, numbers, { id: 'melding-ander-tabblad', listTitle: 'Hier bewaard, in het andere tabblad anders gekozen:' });
    announce(text);
  });

  /** A conflict key (`antwoord:KEY`, `notitie:KEY`) in words, for the notice. */
  function slotLabel(conflict) {
    const [what, key] = conflict.split(/:(.*)/s);
    const item = scored ? instrument.items.find((i) => i.id === key) : null;
    const where = item ? `vraag ${item.number}` : key;
    return what === 'notitie' ? `de notitie bij ${where}` : where;
  }

  ({ problems } = readForm());
  if (!openShared()) update();
  form.classList.add('instrument-form--actief');
  app.classList.add('instrument-app--actief');
}

start();
