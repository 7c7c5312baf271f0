// The one script loader (page/load-script.js), with a stand-in document: a data script is added
// once as <script src>, and a page that has the instrument already does not load it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadScript, loadInstrument } from '../../static/js/page/load-script.js';

/** A document whose scripts "run" by calling `behave(src, win)`: true loads, false fails. */
function fakeDocument(win, behave) {
  const added = [];
  return {
    added,
    createElement(tag) {
      const listeners = {};
      return { tag, src: '', addEventListener: (type, fn) => (listeners[type] = fn), listeners };
    },
    head: {
      append(el) {
        added.push(el.src);
        queueMicrotask(() => (behave(el.src, win) ? el.listeners.load() : el.listeners.error()));
      },
    },
  };
}

test('loadScript resolves true when the script ran and false when it failed', async () => {
  const doc = fakeDocument({}, (src) => src === 'goed.js');
  assert.equal(await loadScript('goed.js', doc), true);
  assert.equal(await loadScript('weg.js', doc), false);
  assert.deepEqual(doc.added, ['goed.js', 'weg.js']);
});

test('loadInstrument: from the page when it is there, else from its data script, else null', async () => {
  const win = { leerrechtInstrumenten: { al: { id: 'al' } } };
  const doc = fakeDocument(win, (src, w) => {
    if (src === 'instrumenten/nieuw.js') w.leerrechtInstrumenten.nieuw = { id: 'nieuw' };
    return src !== 'instrumenten/kapot.js';
  });
  assert.deepEqual(await loadInstrument('al', 'instrumenten/al.js', win, doc), { id: 'al' });
  assert.deepEqual(doc.added, [], 'an instrument the page has is not loaded again');
  assert.deepEqual(await loadInstrument('nieuw', 'instrumenten/nieuw.js', win, doc), { id: 'nieuw' });
  assert.equal(await loadInstrument('kapot', 'instrumenten/kapot.js', win, doc), null, 'a script that fails');
  assert.equal(await loadInstrument('leeg', 'instrumenten/leeg.js', win, doc), null, 'a script that runs but sets nothing');
});
