// The search engine (Dutch pipeline, stemmer and ranking), loaded by search.js together with
// the index on first use of the search box: a page that nobody searches on never loads it.

import { checkIndex, open, search } from './lib/search-engine.js';

/**
 * Opens an index; then, in idle time while the reader types, the engine compiles its scoring
 * in short steps (warm() in search-engine.js), so the first query does not run it cold.
 */
function openWarm(data, load, options) {
  const index = open(data, load, options);
  const steps = index.warm?.();
  // A step takes a few milliseconds; one is started only with that much idle time left, so a
  // keystroke or the search box's pause does not wait for it.
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(() => f({ timeRemaining: () => 50 })));
  const step = (deadline) => (deadline.timeRemaining() < 8 || !steps.next().done) && idle(step);
  if (steps) idle(step);
  return index;
}

window.leerrechtZoekmachine = { checkIndex, open: openWarm, search };
