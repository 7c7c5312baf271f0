// Adding results on the workshop page: share codes pasted one per line, result files chosen or
// dropped. What counts is added (a duplicate once); every line or file that does not count is
// named with its reason in the error summary, and unread lines stay in the field to fix.

import { readLines, readFile, addCandidates, participantLabel } from '../lib/workshop-input.js';
import { groupSummary } from '../lib/workshop-views.js';
import { MAX_FILE } from '../lib/result-file.js';
import { h } from '../lib/view-tree.js';
import { plural } from '../lib/nl-format.js';
import { fill, fieldError } from './dom.js';

const $ = (id) => document.getElementById(id);

/** `ws`: the page's shared state (session, instrument, agg, site) and actions. */
export function setupAdding(ws) {
  function report(field, added, duplicates, problems, notes = [], replaced = []) {
    const n = ws.session.participants.length;
    fill(
      $('toevoeg-melding'),
      added.length
        ? h('div', { class: 'melding melding--succes' }, h('p', {}, `${plural(added.length, 'uitslag', 'uitslagen')} toegevoegd: ${added.map(participantLabel).join(', ')}. Nu ${plural(n, 'deelnemer', 'deelnemers')}.`), notes.map((t) => h('p', {}, t)))
        : null,
      replaced.length ? h('div', { class: 'melding melding--waarschuwing' }, replaced.map((r) => h('p', {}, `${r.where}: ${r.of} had al meegedaan. De nieuwe antwoorden vervangen de oude.`))) : null,
    );
    const skipped = [...problems.map((p) => ({ field, text: `${p.where}: ${p.message}`, line: p.line ?? 0 })), ...duplicates.map((d) => ({ field, text: `${d.where}: deze uitslag is al toegevoegd (${d.of}). Hij telt niet nog een keer mee.`, line: d.line ?? 0 }))];
    skipped.sort((a, b) => a.line - b.line);
    if (skipped.length) {
      ws.showSummary('Niet alles is meegeteld', `${plural(added.length, 'uitslag is', 'uitslagen zijn')} toegevoegd. ${plural(skipped.length, 'uitslag telt', 'uitslagen tellen')} niet mee:`, skipped);
    } else {
      ws.clearSummary();
      ws.announce(added.length ? `${plural(added.length, 'uitslag', 'uitslagen')} toegevoegd. Nu ${plural(n, 'deelnemer', 'deelnemers')}. ${groupSummary(ws.instrument, ws.agg)}` : 'Er is niets toegevoegd.');
    }
  }

  function add(field, candidates, problems, notes) {
    const result = addCandidates(ws.session, ws.instrument, candidates);
    ws.session = result.session;
    ws.persist();
    ws.refresh();
    report(field, result.added, result.duplicates, problems, notes, result.replaced);
  }

  function addCodes() {
    const text = $('codes').value;
    if (!text.trim()) {
      fieldError('codes', 'Plak eerst een of meer codes in het veld.');
      ws.showSummary('Er ging iets mis', null, [{ field: 'codes', text: 'Plak eerst een of meer codes in het veld.' }]);
      return;
    }
    const { candidates, problems } = readLines(text, ws.instrument);
    // What could not be read stays in the field, to fix or to remove; the rest has been counted.
    $('codes').value = problems.map((p) => p.text).join('\n');
    fieldError('codes', problems.length ? `${plural(problems.length, 'regel is', 'regels zijn')} niet gelezen. ${problems.length === 1 ? 'Die staat' : 'Ze staan'} nog in het veld: verbeter of verwijder ${problems.length === 1 ? 'hem' : 'ze'}.` : null);
    fieldError('bestanden', null);
    add('codes', candidates, problems, []);
  }

  async function addFiles(files) {
    const candidates = [];
    const problems = [];
    for (const file of files) {
      const where = `Bestand "${file.name}"`;
      if (file.size > MAX_FILE) {
        problems.push({ where, message: 'Dit bestand is te groot voor een uitslag (meer dan 1 MB).' });
        continue;
      }
      let text;
      try {
        text = await file.text();
      } catch {
        problems.push({ where, message: 'Dit bestand kan niet worden gelezen.' });
        continue;
      }
      const read = readFile(text, file.name, ws.instrument, ws.site);
      if (read.problem) problems.push(read.problem);
      else candidates.push(read.candidate);
    }
    fieldError('bestanden', problems.length ? `${plural(problems.length, 'bestand is', 'bestanden zijn')} niet gelezen.` : null);
    const notes = candidates.flatMap((c) => c.notes.map((t) => `${c.where}: ${t}`));
    add('bestanden', candidates, problems, notes);
  }

    $('voeg-toe').addEventListener('click', addCodes);
    $('bestanden').addEventListener('change', async (e) => {
      const files = [...e.target.files];
      e.target.value = '';
      if (files.length) await addFiles(files);
    });
    const zone = $('bestanden-groep');
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      zone.classList.add('workshop__sleep--actief');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('workshop__sleep--actief'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('workshop__sleep--actief');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) addFiles(files);
    });
}
