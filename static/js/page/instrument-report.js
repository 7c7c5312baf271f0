// The report on the instrument page: the name of the region or school (kept in this browser
// for every instrument, as it is the same for all of them), and the report as a Word document
// made by our own writer (js/rapport.js, loaded on the first press only). Printing the report
// uses the page's own print view (instrument-page.js).

import { slotsOf } from '../lib/instrument-answers.js';
import { h } from '../lib/view-tree.js';
import { isoDay } from '../lib/nl-format.js';
import { fill, download } from './dom.js';
import { loadScript } from './load-script.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The storage key of the name: one per site, shared by its instruments. */
const nameKey = (site) => `leerrecht:${site}:rapport-naam`;

function rememberName(page, storage, site, input) {
  try {
    input.value = storage?.getItem(nameKey(site)) ?? '';
  } catch {
    // no storage: the field starts empty
  }
  input.addEventListener('input', () => {
    page.update();
    try {
      storage?.setItem(nameKey(site), input.value);
    } catch {
      // the name stays in the field for this visit
    }
  });
}

export function setupReport(page, storage) {
  const { instrument, site, state, result, $ } = page;
  const root = $('instrument-app').dataset.root ?? '';
  const input = $('rapport-naam');
  rememberName(page, storage, site, input);
  const tell = (kind, text) => {
    fill($('rapport-melding'), h('p', { class: `melding melding--${kind}` }, text));
    page.announce(text);
  };

  async function wordBytes() {
    if (!window.leerrechtRapport) await loadScript(`${root}js/rapport.js`);
    const rapport = window.leerrechtRapport;
    if (!rapport) return null;
    const { reportModel, docx } = rapport;
    const answers = state.shared ? state.shared.answers : state.answers;
    const analysis = result.analyse(instrument, answers, state.shared ? {} : state.problems);
    const model = reportModel(instrument, analysis, {
      answers,
      notes: state.shared ? {} : state.notes,
      name: input.value,
      date: new Date(),
      facet: result,
      slots: slotsOf(instrument),
    });
    return docx(model);
  }

  $('rapport-word').addEventListener('click', async () => {
    let bytes = null;
    try {
      bytes = await wordBytes();
    } catch {
      bytes = null;
    }
    if (!bytes) {
      tell('fout', 'Het Word-document kon niet worden gemaakt. Laad de pagina opnieuw en probeer het nog eens.');
      return;
    }
    const name = window.leerrechtRapport.reportFileName(instrument, input.value, isoDay(new Date()));
    download(name, bytes, DOCX_TYPE);
    tell('succes', `Je rapport is opgeslagen als Word-document: "${name}", in de map voor downloads.`);
  });
}
