// "Maak een werkagenda van de groepsuitslag": the group's majority becomes proposed actions
// (lib/group-agenda.js), accepted onto the werkagenda kept in this browser (after a confirmation
// when one exists already), and the werkagenda page opens with them. Nothing leaves the browser.

import { groupProposals, agendaFromGroup } from '../lib/group-agenda.js';
import { agendaKey } from '../lib/store-keys.js';
import { checkAgenda, makeAgendaFile } from '../lib/agenda-file.js';
import { emptyAgenda } from '../lib/agenda.js';
import { plural } from '../lib/nl-format.js';
import { openStorage } from './dom.js';
import { confirmDialog } from './confirm.js';

const $ = (id) => document.getElementById(id);

/** The theme ids in a stored werkagenda, so that checking it here keeps them (the werkagenda page checks them against its own). */
function themesIn(data) {
  const actions = Array.isArray(data?.actions) ? data.actions : [];
  return actions.map((a) => a?.theme).filter((t) => typeof t === 'string' && t.length <= 100);
}

/** `ws`: the page's shared state; `address`: the werkagenda page. */
export function setupGroupAgenda(ws, address) {
  const button = $('maak-agenda');
  if (!button) return;
  button.addEventListener('click', async () => {
    const participants = ws.participants();
    const proposals = groupProposals(ws.instrument, ws.agg, participants);
    if (!proposals.length) {
      ws.showSummary('Geen voorstellen', null, [{ field: 'maak-agenda', text: 'Uit de groepsuitslag komen geen acties voor de werkagenda: de meerderheid gaf overal het beste antwoord.' }]);
      return;
    }
    const { storage } = openStorage();
    const key = agendaKey(ws.site);
    let raw = null;
    try {
      raw = storage.getItem(key);
    } catch {
      raw = null;
    }
    let agenda = emptyAgenda();
    if (raw !== null && raw !== undefined) {
      let data = null;
      try {
        data = JSON.parse(raw);
      } catch {
        data = null;
      }
      const checked = data ? checkAgenda(data, { site: ws.site, themes: [...themesIn(data), ...proposals.map((p) => p.theme).filter(Boolean)] }) : { ok: false };
      if (!checked.ok) {
        ws.showSummary('De werkagenda in deze browser is beschadigd', null, [{ field: 'maak-agenda', text: 'Open eerst de werkagenda: die zet de beschadigde versie apart. Probeer het daarna opnieuw.' }]);
        return;
      }
      agenda = checked.agenda;
      if (agenda.actions.length) {
        const add = await confirmDialog({
          id: 'agenda-bevestig',
          text: `Er staat al een werkagenda in deze browser, met ${plural(agenda.actions.length, 'actie', 'acties')}. ${proposals.length === 1 ? 'De actie van de groep komt' : `De ${proposals.length} acties van de groep komen`} erbij; wat er staat, blijft staan.`,
          yes: { id: 'agenda-ja', label: 'Ja, voeg de acties toe' },
          no: { id: 'agenda-nee', label: 'Nee, niets veranderen' },
          focus: 'no',
        });
        if (!add) {
          ws.announce('De werkagenda is niet veranderd.');
          button.focus();
          return;
        }
      }
    }
    const { agenda: next, added } = agendaFromGroup(agenda, proposals);
    try {
      storage.setItem(key, JSON.stringify(makeAgendaFile(next, ws.site, new Date())));
    } catch {
      ws.showSummary('Bewaren lukt niet', null, [{ field: 'maak-agenda', text: 'Deze browser laat de pagina niets bewaren, of de opslag is vol. De werkagenda is niet gemaakt.' }]);
      return;
    }
    const disputed = proposals.filter((p) => p.disputed).length;
    ws.announce(`${plural(added, 'actie', 'acties')} op de werkagenda gezet${disputed ? `, waarvan ${disputed} waar de groep het niet over eens is` : ''}. De werkagenda opent.`);
    window.location.href = address;
  });
}
