// Files on the werkagenda page: save the agenda as Word, CSV, Markdown or JSON (once every
// action says what it is), and open a saved JSON file, after a confirmation when it would replace an
// agenda; opening is one change, so it can be undone.

import { serializeAgenda, readAgendaFile, MAX_FILE } from '../lib/agenda-file.js';
import { toMarkdown, toAgendaCsv, toDocxModel, agendaFileName } from '../lib/agenda-export.js';
import { importedView } from '../lib/view-parts.js';
import { h } from '../lib/view-tree.js';
import { isoDay, plural } from '../lib/nl-format.js';
import { fill, download, fieldError } from './dom.js';
import { confirmDialog } from './confirm.js';
import { loadScript } from './load-script.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function setupAgendaFiles(page) {
  const { $, site, root, themes, themeIds, announce } = page;
  // ----- export, import, print -------------------------------------------------------------
  /** Exports wait until every action says what it is; the summary says where. */
  function readyToExport() {
    page.checkAll = true;
    const problems = page.visibleProblems();
    if (!problems.length) return true;
    page.draw();
    $('foutoverzicht').focus();
    return false;
  }
  function tell(kind, text) {
    fill($('bestand-melding'), h('p', { class: `melding melding--${kind}` }, text));
    announce(text);
  }
  /** `make` gives the file's content (or a promise of it); null when it could not be made. */
  async function offer(extension, make, type, what) {
    if (!readyToExport()) return;
    const name = agendaFileName(page.agenda(), isoDay(new Date()), extension);
    const data = await make();
    if (data === null) {
      tell('fout', `Het ${what} kon niet worden gemaakt. Laad de pagina opnieuw en probeer het nog eens.`);
      return;
    }
    download(name, data, type);
    tell('succes', `Je werkagenda is opgeslagen als ${what}: "${name}", in de map voor downloads.`);
  }
  // The Word writer is a script of its own (js/word.js), loaded on the first press only; when
  // it cannot be loaded or fails, the user gets a message instead of nothing.
  async function wordFile() {
    if (!window.leerrechtWord) await loadScript(`${root}js/word.js`);
    try {
      return window.leerrechtWord?.docx(toDocxModel(page.agenda(), themes, new Date())) ?? null;
    } catch {
      return null;
    }
  }
  $('export-docx').addEventListener('click', () => offer('docx', wordFile, DOCX_TYPE, 'Word-document'));
  $('export-csv').addEventListener('click', () => offer('csv', () => toAgendaCsv(page.agenda(), themes), 'text/csv', 'tabel voor Excel'));
  $('export-md').addEventListener('click', () => offer('md', () => toMarkdown(page.agenda(), themes, new Date()), 'text/markdown', 'tekst'));
  $('export-json').addEventListener('click', () => offer('json', () => serializeAgenda(page.agenda(), site, new Date()), 'application/json', 'bestand om verder te werken'));

  const showFileError = (message) => fieldError('importeer', message);

  function applyImport(result, name) {
    page.change(result.agenda, 'Werkagenda geopend uit een bestand');
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
    const current = page.agenda();
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
}
