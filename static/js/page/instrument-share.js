// Sharing on the instrument page: make a share code and link, copy them, open someone else's
// code, and show a shared result (#r=CODE) read-only, with the choice to take it over.

import { encodeCode, decodeCode, shareLink, extractCode } from '../lib/share-code.js';
import { isEmpty } from '../lib/instrument-answers.js';
import { sharedBoxView } from '../lib/instrument-views.js';
import { fill, fieldError, copyAndSay } from './dom.js';

const pageUrl = () => window.location.href.split('#')[0];

/** Take the code out of the address, so a reload shows your own answers again. */
function clearFragment() {
  try {
    history.replaceState(null, '', pageUrl());
  } catch {
    window.location.hash = '';
  }
}

/** Read the code in the field `id`; on success → answers, else the error at the field and null. */
export function readCodeField(page, id) {
  const decoded = decodeCode(extractCode(page.$(id).value), page.instrument);
  if (!decoded.ok) {
    fieldError(id, decoded.message);
    page.announce(`Fout: ${decoded.message}`);
    page.$(id).focus();
    return null;
  }
  fieldError(id, null);
  return decoded.answers;
}

/** Enter in a code field does what its button does, instead of submitting anything. */
export function onEnter(input, action) {
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      action();
    }
  });
}

function setupMakeCode(page) {
  const { $ } = page;
  $('maak-code').addEventListener('click', () => {
    const code = encodeCode(page.instrument, page.state.answers, { participant: page.participant() });
    $('deelcode').value = code;
    $('deellink').value = shareLink(pageUrl(), code);
    $('deelcode-blok').hidden = false;
    fill($('deel-melding'));
    page.announce(`Deelcode gemaakt: ${code}`);
    $('deelcode').focus();
    $('deelcode').select();
  });
  const copy = (inputId, what) =>
    copyAndSay($(inputId), { ok: `De ${what} staat op het klembord.`, failed: `Kopiëren lukt niet vanzelf. De ${what} is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C op een Mac).` }, $('deel-melding'), page.announce);
  $('kopieer-code').addEventListener('click', () => copy('deelcode', 'code'));
  $('kopieer-link').addEventListener('click', () => copy('deellink', 'link'));
}

/** The shared result (#r=CODE): returns openShared(), true when the address held a valid code. */
function setupSharedView(page) {
  const { $, state } = page;

  function leave(message) {
    state.shared = null;
    $('gedeeld').hidden = true;
    fill($('gedeeld'));
    $('werkbalk').hidden = false;
    page.form.setDisabled(false);
    page.form.write(state.answers, state.notes);
    clearFragment();
    page.update();
    page.announce(message);
    $('werkbalk-kop').setAttribute('tabindex', '-1');
    $('werkbalk-kop').focus();
  }

  function openShared() {
    const hash = window.location.hash;
    if (!hash.startsWith('#r=')) return false;
    const decoded = decodeCode(hash, page.instrument);
    if (!decoded.ok) {
      page.notice('fout', `De gedeelde uitslag in deze link kan niet worden geopend. ${decoded.message} Je ziet nu je eigen antwoorden.`);
      return false;
    }
    state.shared = { answers: decoded.answers };
    page.form.setDisabled(true);
    page.form.write(state.shared.answers, {});
    $('werkbalk').hidden = true;
    const box = $('gedeeld');
    box.hidden = false;
    fill(box, sharedBoxView(!isEmpty(state.answers, state.notes)));
    $('neem-over').addEventListener('click', () => {
      const taken = state.shared.answers;
      state.shared = null;
      page.replaceAnswers(taken, {});
      leave('De gedeelde antwoorden staan nu in je eigen formulier en worden in deze browser bewaard.');
    });
    $('terug-eigen').addEventListener('click', () => leave('Je ziet weer je eigen antwoorden.'));
    page.update();
    return true;
  }

  window.addEventListener('hashchange', () => {
    if (!window.location.hash.startsWith('#r=')) return;
    if (state.shared) {
      state.shared = null;
      page.form.setDisabled(false);
    }
    if (openShared()) $('gedeeld-kop').focus();
  });
  return openShared;
}

function setupOpenCode(page) {
  const { $ } = page;
  function openCode() {
    const code = extractCode($('open-code').value);
    if (!readCodeField(page, 'open-code')) return;
    $('open-code').value = '';
    window.location.hash = `r=${code}`;
  }
  $('open-code-knop').addEventListener('click', openCode);
  onEnter($('open-code'), openCode);
}

/** Wire the share panel; returns openShared() for the page to call once at the start. */
export function setupShare(page) {
  setupMakeCode(page);
  setupOpenCode(page);
  return setupSharedView(page);
}
