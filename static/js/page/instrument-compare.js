// Comparing on the instrument page: load an earlier result (a file or a share code) and show
// below the result what changed since then; the user's own answers stay as they are.

import { formatDate } from '../lib/nl-format.js';
import { fieldError } from './dom.js';
import { readChosenFile } from './instrument-files.js';
import { readCodeField, onEnter } from './instrument-share.js';

export function setupCompare(page) {
  const { $, state } = page;

  function start(answers, source) {
    state.earlier = { answers, source };
    $('vergelijk-stop').hidden = false;
    page.update();
    page.announce(`De vergelijking met ${source} staat onder de uitslag.`);
  }

  $('vergelijk-bestand').addEventListener('change', async (e) => {
    const input = e.target;
    const result = await readChosenFile(input, page.instrument, page.site);
    if (!result) return;
    input.value = '';
    if (!result.ok) {
      fieldError('vergelijk-bestand', result.message);
      page.announce(`Fout: ${result.message}`);
      return;
    }
    fieldError('vergelijk-bestand', null);
    start(result.answers, `het bestand "${result.name}"${result.saved ? ` van ${formatDate(result.saved)}` : ''}`);
  });

  function withCode() {
    const answers = readCodeField(page, 'vergelijk-code');
    if (answers) start(answers, 'een deelcode');
  }
  $('vergelijk-knop').addEventListener('click', withCode);
  onEnter($('vergelijk-code'), withCode);

  $('vergelijk-stop').addEventListener('click', () => {
    state.earlier = null;
    $('vergelijk-stop').hidden = true;
    page.update();
    page.announce('De vergelijking is gesloten.');
    $('vergelijk-code').focus();
  });
}
