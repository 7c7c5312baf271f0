// The Word writer (lib/docx.js) as a script of its own: a page loads it only when someone asks
// for a .docx, so pages where nobody does stay light.

import { docx } from './lib/docx.js';

window.leerrechtWord = { docx };
