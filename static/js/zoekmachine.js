// The search engine (Dutch pipeline, stemmer and ranking), loaded by search.js together with
// the index on first use of the search box: a page that nobody searches on never loads it.

import { checkIndex, open, search } from './lib/search-engine.js';

window.leerrechtZoekmachine = { checkIndex, open, search };
