// The report of an instrument's result as a Word document (lib/result-report.js written by
// lib/docx.js), as a script of its own: the instrument page loads it on the first press of
// "Rapport opslaan als Word", so a page where nobody asks for one stays light.

import { docx } from './lib/docx.js';
import { reportModel, reportFileName } from './lib/result-report.js';

window.leerrechtRapport = { docx, reportModel, reportFileName };
