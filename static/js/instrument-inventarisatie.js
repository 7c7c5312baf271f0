// The instrument page of a count of absence (page/instrument-page.js), with only its kind's views;
// js/instrument.js loads it.

import { startInstrumentPage } from './page/instrument-page.js';
import { result } from './lib/kinds/inventarisatie/result.js';

startInstrumentPage(result);
