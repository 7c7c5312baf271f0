// The group result as files (no DOM): CSV for a Dutch spreadsheet (csv.js: `;`, BOM, CRLF,
// formulas made inert) and JSON for other tools. The JSON is versioned:
//
// {
//   "format": "leerrecht-workshop-uitslag/1",
//   "site": "leerrecht",
//   "made": "2026-11-23T14:05:00.000Z",
//   "instrument": { "id": "tien-punten", "version": 1, "title": "...", "kind": "..." },
//   "aggregate": { ... }          exactly what aggregate.js returns (documented there and in docs/ontwikkelen.md)
// }
//
// Participants appear only by their label ("Deelnemer 3" or the name they typed), and only
// where a kind shows numbers per participant. A reader must refuse a format number
// it does not know.

import { toCsv } from './csv.js';
import { groupOf } from './kind-groups.js';

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

/** The group result as CSV text; `labels` are the participants in order (for per-participant numbers). */
export function aggregateCsv(instrument, agg, labels = []) {
  const top = [['Groepsuitslag', instrument.title], ['Versie', instrument.version], ['Deelnemers', agg.participants], []];
  return toCsv([...top, ...groupOf(instrument).csvRows(instrument, agg, labels)]);
}
