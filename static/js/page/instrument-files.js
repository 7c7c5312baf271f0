// The result as a file on the instrument page: save it (answers and notes, as JSON) and open
// one saved earlier, after a confirmation when it would replace answers in the form.

import { makeResult, serializeResult, readResultFile, resultFileName, MAX_FILE } from '../lib/result-file.js';
import { isEmpty } from '../lib/instrument-answers.js';
import { importedView } from '../lib/view-parts.js';
import { h } from '../lib/view-tree.js';
import { formatDate, isoDay, plural } from '../lib/nl-format.js';
import { fill, download, fieldError } from './dom.js';
import { confirmDialog } from './confirm.js';

/** The chosen file of `input` read as a result of this instrument, or null when none is chosen. */
export async function readChosenFile(input, instrument, site) {
  const file = input.files?.[0];
  if (!file) return null;
  if (file.size > MAX_FILE) return { ok: false, message: 'Dit bestand is te groot voor een uitslag (meer dan 1 MB).' };
  let text;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: 'Dit bestand kan niet worden gelezen.' };
  }
  return { ...readResultFile(text, instrument, site), name: file.name };
}

export function setupFiles(page) {
  const { instrument, site, state, $ } = page;

  $('exporteer').addEventListener('click', () => {
    const now = new Date();
    const name = resultFileName(instrument, isoDay(now));
    download(name, serializeResult({ ...makeResult({ site, instrument, answers: state.answers, notes: state.notes, saved: now }), participant: page.participant() }), 'application/json');
    fill($('bestand-melding'), h('p', { class: 'melding melding--succes' }, `Je uitslag is opgeslagen als "${name}" in de map voor downloads.`));
    page.announce(`Je uitslag is opgeslagen als ${name}.`);
  });

  // The answers a file replaced stay in memory until the page closes, so one click brings
  // them back: opening the wrong file loses nothing.
  function applyImport(result) {
    const before = { answers: structuredClone(state.answers), notes: structuredClone(state.notes) };
    page.replaceAnswers(result.answers, result.notes);
    const message = `De uitslag uit "${result.name}" staat nu in het formulier${result.saved ? ` (opgeslagen op ${formatDate(result.saved, true)})` : ''}.`;
    const canUndo = !isEmpty(before.answers, before.notes);
    fill(
      $('bestand-melding'),
      importedView(message, result),
      canUndo ? h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'import-ongedaan' }, 'Ongedaan maken: zet mijn vorige antwoorden terug')) : null,
    );
    if (canUndo) $('import-ongedaan').addEventListener('click', () => undoImport(before));
    page.announce(`${message}${result.dropped.length ? ` ${plural(result.dropped.length, 'onderdeel', 'onderdelen')} niet overgenomen.` : ''}`);
  }

  function undoImport(before) {
    page.replaceAnswers(before.answers, before.notes);
    fill($('bestand-melding'), h('p', { class: 'melding melding--succes' }, 'Je vorige antwoorden en notities staan weer in het formulier.'));
    page.announce('Je vorige antwoorden en notities staan weer in het formulier.');
    $('importeer').focus();
  }

  $('importeer').addEventListener('change', async (e) => {
    const input = e.target;
    const result = await readChosenFile(input, instrument, site);
    if (!result) return;
    fill($('bestand-melding'));
    input.value = '';
    if (!result.ok) {
      fieldError('importeer', result.message);
      page.announce(`Fout: ${result.message}`);
      return;
    }
    fieldError('importeer', null);
    if (isEmpty(state.answers, state.notes)) {
      applyImport(result);
      return;
    }
    const replace = await confirmDialog({
      id: 'import-bevestig',
      text: `Je hebt al antwoorden in dit formulier. Als je "${result.name}" opent, vervangt het bestand al je antwoorden en notities.`,
      yes: { id: 'import-ja', label: 'Vervang mijn antwoorden' },
      no: { id: 'import-nee', label: 'Niet openen' },
      focus: 'yes',
    });
    if (replace) applyImport(result);
    else page.announce('Het bestand is niet geopend.');
    $('importeer').focus();
  });
}
