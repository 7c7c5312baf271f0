// The instrument page of a checklist (page/instrument-page.js), with only its kind's views;
// js/instrument.js loads it.

import { startInstrumentPage } from './page/instrument-page.js';
import { result } from './lib/kinds/scored/result.js';

startInstrumentPage(result);
