// The instrument page's script: the page of each kind of instrument needs only that kind's
// views, so this loads js/instrument-KIND.js (the kind from the page) with a <script src>, which
// works from file:// too. Without it the form still reads and prints as a paper questionnaire.

import { loadScript } from './page/load-script.js';

const app = document.getElementById('instrument-app');
if (app?.dataset.kind && /^[a-z-]+$/.test(app.dataset.kind)) loadScript(`${app.dataset.root ?? ''}js/instrument-${app.dataset.kind}.js`);
