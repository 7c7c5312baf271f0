// The participant page of a workshop (instrumenten/ID-deelnemen.html): the form of one
// instrument, saved in this browser as you go (the same key as the instrument's own page, so
// the full page shows the same answers), and at the end the share code to hand to the trainer,
// with your name in front if you typed one. Nothing is sent anywhere.

import { countAnswered } from './lib/instrument-answers.js';
import { encodeCode } from './lib/share-code.js';
import { makeResult, serializeResult } from './lib/result-file.js';
import { participantId, participantFileName } from './lib/participant-id.js';
import { createStore } from './lib/answers-store.js';
import { handOver, cleanName } from './lib/workshop-input.js';
import { plural } from './lib/nl-format.js';
import { openStorage, debounce, download, liveRegion, copyAndSay } from './page/dom.js';
import { bindForm } from './page/form-binding.js';
import { currentSession } from './lib/workshop-client.js';
import { setupSending } from './page/workshop-send.js';

function start() {
  const app = document.getElementById('instrument-app');
  const form = document.getElementById('instrument-form');
  const status = document.getElementById('deelnemen-status');
  if (!app || !form || !status) return;
  const $ = (id) => document.getElementById(id);
  const instrument = window.leerrechtInstrumenten?.[app.dataset.instrument];
  if (!instrument) {
    status.textContent = 'De vragen konden niet worden geladen. Laad de pagina opnieuw, of vraag de trainer om hulp.';
    return;
  }
  const site = app.dataset.site || 'leerrecht';
  const { storage, ok: storageOk } = openStorage();
  const store = createStore(storage, instrument, site);
  const fields = bindForm(form, instrument);
  // The random id of this participant: in the code, the file and a submission, so two people
  // with the same answers count as two, and sending again replaces instead of adding.
  const participant = participantId(storage, site);
  const announce = liveRegion($('deelnemen-melding'));

  const loaded = store.load();
  let answers = loaded.state?.answers ?? {};
  const notes = loaded.state?.notes ?? {};
  fields.write(answers);
  const messages = loaded.messages.map((m) => m.text);
  if (!storageOk) messages.push('Deze browser bewaart niets: laat de pagina open tot je je code hebt gegeven.');
  status.textContent = messages.length ? messages.join(' ') : 'Je antwoorden worden op dit apparaat bewaard terwijl je invult. Zo raak je niets kwijt als de pagina herlaadt.';

  const save = debounce(() => {
    const result = Object.keys(answers).length || Object.keys(notes).length ? store.save(answers, notes) : store.clear();
    if (!result.ok) status.textContent = result.message;
  }, 300);

  const codeBox = $('code-vak');
  function showCode({ focus }) {
    const { answered, total } = countAnswered(instrument, answers);
    if (answered === 0) {
      codeBox.hidden = true;
      $('code-melding').textContent = '';
      if (focus) {
        status.textContent = 'Vul eerst minstens één vraag in. Dan krijg je een code.';
        announce(status.textContent);
      }
      return;
    }
    const text = handOver($('deelnemer-naam').value, encodeCode(instrument, answers, { participant }));
    $('code-tekst').value = text;
    const open = total - answered;
    $('code-telling').textContent = open ? `Je hebt ${answered} van de ${total} onderdelen ingevuld. Nog ${plural(open, 'onderdeel', 'onderdelen')} open: dat mag.` : `Je hebt alle ${total} onderdelen ingevuld.`;
    codeBox.hidden = false;
    if (focus) {
      $('code-tekst').focus();
      $('code-tekst').select();
      announce(`Je code staat klaar. ${$('code-telling').textContent}`);
    }
  }

  function onEdit() {
    answers = fields.read().answers;
    save();
    if (!codeBox.hidden) showCode({ focus: false });
  }
  form.addEventListener('change', onEdit);
  form.addEventListener('input', onEdit);
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('pagehide', () => save.now());
  $('deelnemer-naam').addEventListener('input', () => {
    if (!codeBox.hidden) showCode({ focus: false });
  });
  $('toon-code').disabled = false;
  $('toon-code').addEventListener('click', () => showCode({ focus: true }));

  $('kopieer-code').addEventListener('click', () =>
    copyAndSay(
      $('code-tekst'),
      { ok: 'De code staat op het klembord. Plak hem in de chat of het bericht aan de trainer.', failed: 'Kopiëren lukt niet vanzelf. De code is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C op een Mac), of laat hem zien.' },
      $('code-melding'),
      announce,
    ),
  );

  $('bewaar-bestand').addEventListener('click', () => {
    const now = new Date();
    const name = cleanName($('deelnemer-naam').value);
    const result = { ...makeResult({ site, instrument, answers, notes: {}, saved: now }), participant, ...(name ? { name } : {}) };
    const file = participantFileName(instrument, now, name, participant);
    download(file, serializeResult(result), 'application/json');
    const text = `Je uitslag is opgeslagen als "${file}". Je kunt dat bestand aan de trainer geven.`;
    $('code-melding').textContent = text;
    announce(text);
  });
  app.classList.add('deelnemen-app--actief');

  // Served by `leerrecht workshop` with ?sessie= (kept for this tab): the big send button.
  let tab = null;
  try {
    tab = window.sessionStorage;
  } catch {
    tab = null;
  }
  setupSending({
    root: app.dataset.root ?? '../',
    session: currentSession(window.location.search, tab, site),
    instrument,
    participant,
    answers: () => fields.read().answers,
    name: () => $('deelnemer-naam').value,
    announce,
    status: (text) => {
      status.textContent = text;
    },
  });
}

start();
