// The report of one instrument's result, to hand over (issue 12): as the document model of the
// Word writer (docx.js), so a verzuimcoördinator can send it to the directie and a policy
// officer can put it in the OOGO papers. No DOM.
//
// What it holds, in this order: whose it is (the name the user typed), the date, the
// instrument and its version; the score and band, or "voorlopig"; the legal duties that are
// missing, each with law and article; the gaps with advice, why they matter and their source;
// what to find out ("weet ik niet"); the notes. Kinds without a scale (routekaart,
// inventarisatie) get their summary and their answers.

import { formatDate, formatPercent, plural, fileNamePart } from './nl-format.js';

const para = (text) => ({ type: 'paragraph', runs: text });
const bold = (label, text) => ({ type: 'paragraph', runs: [{ text: label, bold: true }, { text }] });

/** The lines above everything: whose report, when, which instrument. */
function heading(instrument, { name, date }) {
  return [
    { type: 'heading', level: 1, text: `Rapport: ${instrument.title}` },
    bold('Regio of school: ', name?.trim() || '(niet ingevuld)'),
    bold('Datum: ', formatDate(date)),
    bold('Instrument: ', `${instrument.title}, versie ${instrument.version}`),
  ];
}

function scoreBlocks(analysis) {
  if (analysis.score === null) return [para('Er is nog geen score: er zijn nog geen vragen beantwoord die meetellen.')];
  const lines = [];
  if (analysis.provisional) {
    lines.push(bold('Score: ', `${formatPercent(analysis.score)} (voorlopig)`));
    lines.push(para(`Bij ${analysis.unknown + analysis.open} van de ${analysis.applicable} vragen die meetellen is het antwoord "weet ik niet" of nog open. Daarom geeft deze uitslag nog geen oordeel.`));
  } else {
    lines.push(bold('Score: ', `${formatPercent(analysis.score)}${analysis.band ? ` – ${analysis.band.label}` : ''}`));
    if (analysis.band?.message) lines.push(para(analysis.band.message));
    if (analysis.bandCapped) lines.push(para('De hoogste uitkomst kan pas als alle wettelijke plichten geregeld zijn.'));
  }
  lines.push(para(`${analysis.answered} van ${analysis.total} vragen beantwoord${analysis.unknown ? `, waarvan ${analysis.unknown} met "weet ik niet"` : ''}.`));
  return lines;
}

function dutyBlocks(analysis) {
  const { missing } = analysis.duties;
  if (!missing.length) return [];
  return [
    { type: 'heading', level: 2, text: 'Wettelijke plichten die ontbreken' },
    para('De wet schrijft deze punten voor. Ze zijn nog niet helemaal geregeld, of het is niet bekend.'),
    { type: 'list', items: missing.map((g) => [{ text: `${g.duty}. `, bold: true }, { text: `Vraag ${g.number}: ${g.question}` }]) },
  ];
}

/** One gap: the question, the answer, what to do, why, and where it comes from. */
function gapRow(g, answerLabel) {
  const basis = [g.duty ? `Wettelijke plicht: ${g.duty}.` : null, g.source ? `Bron: ${g.source}.` : null].filter(Boolean).join(' ');
  return [`${g.number}. ${g.question}`, answerLabel(g.answer), g.advice, [g.why, basis].filter(Boolean).join('\n')];
}

function gapBlocks(analysis, answerLabel) {
  const toDo = analysis.gaps.filter((g) => !g.unknown);
  const findOut = analysis.gaps.filter((g) => g.unknown);
  const header = ['Vraag', 'Antwoord', 'Advies', 'Waarom en bron'];
  const widths = [3, 1.3, 3, 3];
  return [
    { type: 'heading', level: 2, text: 'Waar je aan kunt werken' },
    toDo.length
      ? { type: 'table', header, widths, rows: toDo.map((g) => gapRow(g, answerLabel)) }
      : para('Geen verbeterpunten: bij elke beantwoorde vraag is het hoogste antwoord gekozen, "weet ik niet" of "niet van toepassing".'),
    ...(findOut.length
      ? [
          { type: 'heading', level: 2, text: 'Uitzoeken' },
          para(`Bij ${plural(findOut.length, 'vraag', 'vragen')} is het antwoord "weet ik niet". Dat telt als nog niet geregeld.`),
          { type: 'table', header: ['Vraag', 'Wat te doen', 'Waarom en bron'], widths: [3, 3, 3], rows: findOut.map((g) => gapRow(g, answerLabel).filter((_, i) => i !== 1)) },
        ]
      : []),
  ];
}

/** The notes the user wrote, with their question; nothing when there are none. */
function noteBlocks(instrument, notes, labelOf) {
  const rows = Object.entries(notes ?? {})
    .filter(([, text]) => typeof text === 'string' && text.trim())
    .map(([key, text]) => [labelOf(key), text.trim()]);
  if (!rows.length) return [];
  return [{ type: 'heading', level: 2, text: 'Notities' }, { type: 'table', header: ['Bij', 'Notitie'], widths: [2, 3], rows }];
}

/** "vraag 3. Is er …?" for a scored item, else the slot's own label. */
function labelFor(instrument, slots) {
  return (key) => {
    const item = instrument.items?.find((i) => i.id === key);
    if (item) return `${item.number}. ${item.question}`;
    return slots.find((s) => s.key === key)?.label ?? key;
  };
}

/** The answers of a kind without a scale, by slot, in words where the instrument has them. */
function answerBlocks(instrument, slots, answers) {
  const words = answerWords(instrument);
  const text = (v) => (v === true ? 'ja' : typeof v === 'number' ? String(v).replace('.', ',') : words(v));
  const rows = slots.filter((s) => Object.hasOwn(answers, s.key)).map((s) => [s.label, text(answers[s.key])]);
  return rows.length ? [{ type: 'heading', level: 2, text: 'Antwoorden' }, { type: 'table', header: ['Onderdeel', 'Antwoord'], widths: [3, 2], rows }] : [];
}

/** An answer id in words: the scale, "weet ik niet", n.v.t. or a role of the instrument. */
export function answerWords(instrument) {
  const fixed = [instrument.unknown, instrument.not_applicable].filter(Boolean);
  const words = new Map([...(instrument.scale ?? []), ...(instrument.roles ?? []), ...fixed].map((o) => [o.id, o.label]));
  return (id) => (id === undefined || id === null ? 'nog niet beantwoord' : words.get(id) ?? String(id));
}

/**
 * The report as a docx.js model. `facet` is the kind's result facet (for the summary of kinds
 * without a scale), `slots` the instrument's answer slots, `answerLabel(id)` an answer in words.
 */
export function reportModel(instrument, analysis, { answers = {}, notes = {}, name = '', date = new Date(), facet, slots = [], answerLabel = answerWords(instrument) }) {
  const scored = Array.isArray(analysis?.gaps) && analysis.duties;
  const body = scored
    ? [...scoreBlocks(analysis), ...dutyBlocks(analysis), ...gapBlocks(analysis, answerLabel)]
    : [para(facet.summary(analysis)), ...answerBlocks(instrument, slots, answers)];
  return {
    title: `Rapport: ${instrument.title}`,
    date,
    blocks: [...heading(instrument, { name, date }), ...body, ...noteBlocks(instrument, notes, labelFor(instrument, slots))],
  };
}

/** "rapport-toetsvragen-verzuimprotocol-de-vlinder-2026-12-15.docx": safe characters only. */
export function reportFileName(instrument, name, day) {
  return ['rapport', instrument.id, fileNamePart(String(name ?? ''), 40), day].filter(Boolean).join('-') + '.docx';
}
