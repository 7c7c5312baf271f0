// Writes three .docx files for tests/docx_check.py, which reads them with python-docx: a sample
// of every block docx.js knows, a werkagenda through agenda-export.js and an instrument's report
// through result-report.js, as the pages make them.
// Usage: node tests/js/make-docx-sample.mjs FOLDER
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docx } from '../../static/js/lib/docx.js';
import { toDocxModel } from '../../static/js/lib/agenda-export.js';
import { emptyAgenda, accept, addOwn, edit } from '../../static/js/lib/agenda.js';
import { reportModel } from '../../static/js/lib/result-report.js';
import { score } from '../../static/js/lib/instrument-score.js';
import { result } from '../../static/js/lib/kinds/scored/result.js';
import { checklist } from '../../static/js/lib/kinds/scored/kind.js';

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

// The report of a scored result (result-report.js) as the instrument page makes it: a legal
// duty not met, a gap with its source, one "weet ik niet" and a note.
const proef = {
  id: 'proef',
  title: 'Proefchecklist',
  version: 2,
  kind: 'checklist',
  scale: [{ id: 'ja', label: 'Ja', points: 2 }, { id: 'deels', label: 'Deels', points: 1 }, { id: 'nee', label: 'Nee', points: 0 }],
  not_applicable: { id: 'nvt', label: 'Niet van toepassing' },
  unknown: { id: 'onbekend', label: 'Weet ik niet' },
  themes: [{ id: 'a', title: 'Thema A' }],
  items: [
    { id: 'melden', number: 1, theme: 'a', question: 'Staat de meldplicht erin?', explanation: 'De school meldt na 16 uur.', source: 'Leerplichtwet 1969, artikel 21a', duty: { law: 'Leerplichtwet 1969', article: 'artikel 21a', text: 'Leerplichtwet 1969, artikel 21a' }, weight: 3, advice: { deels: 'Verbeter de regel.', nee: 'Neem de meldplicht op.' } },
    { id: 'ouders', number: 2, theme: 'a', question: 'Weten ouders waar ze terechtkunnen?', explanation: 'Ouders staan vaak alleen.', source: 'Mét andere ogen (2018)', weight: 2, advice: { deels: 'Maak het bekend.', nee: 'Richt een steunpunt in.' } },
    { id: 'cijfers', number: 3, theme: 'a', question: 'Zijn er cijfers?', explanation: '', source: null, weight: 1, advice: { deels: 'Tel.', nee: 'Begin met tellen.' } },
    { id: 'plan', number: 4, theme: 'a', question: 'Is er een plan?', explanation: '', source: null, weight: 1, advice: { deels: 'Maak af.', nee: 'Begin.' } },
  ],
  bands: [{ from: 0, to: 49, label: 'Laag', message: 'L' }, { from: 50, to: 100, label: 'Hoog', message: 'H' }],
};
const proefAnswers = { melden: 'nee', ouders: 'deels', cijfers: 'onbekend', plan: 'ja' };
writeFileSync(
  join(out, 'rapport.docx'),
  docx(reportModel(proef, score(proef, proefAnswers), { answers: proefAnswers, notes: { plan: 'Klaar in maart' }, name: 'Basisschool De Vlinder', date: new Date(2026, 11, 15), facet: result, slots: checklist.slots(proef) })),
);
