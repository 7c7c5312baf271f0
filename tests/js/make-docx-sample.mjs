// Writes two .docx files for tests/docx_check.py, which reads them with python-docx: a sample
// of every block docx.js knows, and a werkagenda through agenda-export.js as the page makes it.
// Usage: node tests/js/make-docx-sample.mjs FOLDER
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docx } from '../../static/js/lib/docx.js';
import { toDocxModel } from '../../static/js/lib/agenda-export.js';
import { emptyAgenda, accept, addOwn, edit } from '../../static/js/lib/agenda.js';

const out = process.argv[2] ?? 'target/docx-proef';
mkdirSync(out, { recursive: true });

const sample = {
  title: 'Proef: één & twee',
  blocks: [
    { type: 'heading', level: 1, text: 'Rapport: één, twee & drie' },
    { type: 'paragraph', runs: [{ text: 'Regio: ', bold: true }, { text: 'Zuid-Holland Oost' }] },
    { type: 'paragraph', runs: 'Tekst met <tekens> & "aanhalingen"\u0007 en een ë.' },
    { type: 'heading', level: 2, text: 'Financiën' },
    { type: 'list', items: ['Eerste punt', 'Tweede punt: café'] },
    { type: 'heading', level: 3, text: 'Ideeën' },
    { type: 'table', header: ['Actie', 'Eigenaar'], rows: [['Bel <school> & ouders', 'Leerplicht'], ['Plan een overleg', 'Coördinator']], widths: [3, 1] },
  ],
};
writeFileSync(join(out, 'proef.docx'), docx(sample));

const THEMES = [
  { id: 'kind', title: 'Het kind centraal' },
  { id: 'vroeg', title: 'Hoe eerder hoe beter' },
];
let agenda = { ...emptyAgenda(), region: 'Noord-Kennemerland', date: '2026-12-15' };
({ agenda } = accept(agenda, { key: 'k/1', theme: 'vroeg', action: 'Maak afspraken <met> leerplicht & school', goal: 'Eerder hulp', owner: 'Leerplicht', source: 'Checklist', instrument: 'tien-punten' }));
({ agenda } = addOwn(agenda, 'vroeg'));
agenda = edit(agenda, 'a2', 'action', 'Overleg met de coördinator');
agenda = edit(agenda, 'a2', 'deadline', '2027-03-01');
agenda = edit(agenda, 'a2', 'status', 'bezig');
agenda = edit(agenda, 'a2', 'notes', 'Financiën in mei');
writeFileSync(join(out, 'werkagenda.docx'), docx(toDocxModel(agenda, THEMES, new Date(2026, 10, 23))));
