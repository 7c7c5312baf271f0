// The group result as files (no DOM): CSV for a Dutch spreadsheet (csv.js: `;`, BOM, CRLF,
// formulas made inert) and JSON for other tools. The JSON is versioned:
//
// {
//   "format": "leerrecht-workshop-uitslag/1",
//   "site": "leerrecht",
//   "made": "2026-11-23T14:05:00.000Z",
//   "instrument": { "id": "tien-punten", "version": 1, "title": "...", "kind": "checklist" },
//   "aggregate": { ... }          exactly what aggregate.js returns (documented there and in README)
// }
//
// Participants appear only by their label ("Deelnemer 3" or the name they typed), and only in
// the inventarisatie (whose numbers are per participant). A reader must refuse a format number
// it does not know.

import { toCsv } from './csv.js';

export const AGGREGATE_FORMAT = 'leerrecht-workshop-uitslag/1';

export function aggregateFileName(instrument, day, extension) {
  return `leerrecht-workshop-${instrument.id}-v${instrument.version}-${day}.${extension}`;
}

export function aggregateJson(instrument, agg, site, made = new Date()) {
  const data = {
    format: AGGREGATE_FORMAT,
    site,
    made: made.toISOString(),
    instrument: { id: instrument.id, version: instrument.version, title: instrument.title, kind: instrument.kind },
    aggregate: agg,
  };
  return JSON.stringify(data, null, 2) + '\n';
}

function scoredRows(instrument, agg) {
  const byId = new Map(agg.items.map((i) => [i.id, i]));
  const themeTitle = new Map(instrument.themes.map((t) => [t.id, t.title]));
  const nvt = instrument.not_applicable;
  const head = ['Volgorde (meeste verschil eerst)', 'Vraag', 'Thema', 'Tekst', ...instrument.scale.map((s) => s.label), ...(nvt ? [nvt.label] : []), 'Geen antwoord', 'Gemiddelde (% van de punten)', 'Spreiding (%)'];
  const items = agg.order.map((id, rank) => {
    const i = byId.get(id);
    return [rank + 1, i.number, themeTitle.get(i.theme) ?? i.theme, i.question, ...i.options.map((o) => o.count), ...(nvt ? [i.notApplicable] : []), i.open, i.meanPercent, i.disagreement];
  });
  const themeRow = (title, t) => [title, t.mean, t.sd, t.min, t.max, t.n];
  return [
    head,
    ...items,
    [],
    ['Thema', 'Gemiddelde score (%)', 'Spreiding (procentpunt)', 'Laagste (%)', 'Hoogste (%)', 'Deelnemers met een score'],
    ...agg.themes.map((t) => themeRow(t.title, t)),
    themeRow('Totaal', agg.overall),
  ];
}

function routekaartRows(instrument, agg) {
  const roles = instrument.roles;
  const label = (id) => roles.find((r) => r.id === id)?.label ?? id;
  const cells = agg.steps.flatMap((s) =>
    s.cells.map((c) => [s.number, s.title, c.partnerTitle, ...roles.map((r) => c.roles.find((x) => x.id === r.id)?.count ?? 0), c.open, c.modal.map(label).join(' / '), c.modalShare === null ? null : Math.round(c.modalShare * 1000) / 10, c.answered ? c.consensus : null]),
  );
  return [
    ['Stap', 'Titel', 'Partner', ...roles.map((r) => r.label), 'Open', 'Meest gekozen', 'Deel meest gekozen (%)', 'Eens (drie kwart of meer)'],
    ...cells,
    [],
    ['Stap', 'Titel', 'Regie volgens de groep', 'Precies één regie', 'Meer dan één regie', 'Geen regie', 'Niet ingevuld', 'Op papier'],
    ...agg.steps.map((s) => [s.number, s.title, s.regie.map((r) => `${r.title} (${r.count})`).join(', '), s.oneRegie, s.moreRegie, s.noRegie, s.notFilled, s.written]),
  ];
}

function inventoryRows(agg, labels) {
  const row = (r) => [r.label, r.n, r.min, r.median, r.max, ...labels.map((l) => r.values.find((v) => v.label === l)?.value ?? null)];
  return [
    ['Wat', 'Ingevuld door', 'Laagste', 'Mediaan', 'Hoogste', ...labels],
    ...agg.fields.map(row),
    ...agg.derived.map((d) => row({ ...d, label: d.kind === 'ratio' ? `${d.label} (%)` : d.label })),
    [],
    ['Deelnemer', 'Getallen die niet kloppen'],
    ...agg.flagged.map((f) => [f.label, f.messages.join(' ')]),
  ];
}

/** The group result as CSV text; `labels` are the participants in order (for inventarisatie). */
export function aggregateCsv(instrument, agg, labels = []) {
  const top = [['Groepsuitslag', instrument.title], ['Versie', instrument.version], ['Deelnemers', agg.participants], []];
  if (agg.kind === 'scored') return toCsv([...top, ...scoredRows(instrument, agg)]);
  if (agg.kind === 'routekaart') return toCsv([...top, ...routekaartRows(instrument, agg)]);
  return toCsv([...top, ...inventoryRows(agg, labels)]);
}
