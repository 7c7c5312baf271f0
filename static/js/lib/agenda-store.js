// The werkagenda kept in this browser as the user types (no DOM; the storage is passed in).
// Key: leerrecht:<site>:werkagenda; the value is the werkagenda file (agenda-file.js), so what
// is stored is read with the same distrust as an imported file. A value that cannot be read moves
// to <key>:beschadigd:<ms since 1970> and is reported, as answers-store.js does for answers.

import { checkAgenda, makeAgendaFile } from './agenda-file.js';
import { agendaKey } from './store-keys.js';

export function createAgendaStore(storage, site, themes) {
  const key = agendaKey(site);

  function setAside(value, now) {
    const aside = `${key}:beschadigd:${now.getTime()}`;
    try {
      storage.setItem(aside, value);
      storage.removeItem(key);
      return aside;
    } catch {
      return null;
    }
  }

  return {
    key,

    /** { agenda: Agenda | null, saved, messages: [{ kind, text, dropped? }] }; never throws. */
    load(now = new Date()) {
      let value;
      try {
        value = storage.getItem(key);
      } catch {
        return { agenda: null, saved: null, messages: [{ kind: 'waarschuwing', text: 'Deze browser laat de pagina niets bewaren. Je werkagenda blijft alleen staan zolang de pagina open is. Sla hem op als bestand om hem te bewaren.' }] };
      }
      if (value === null || value === undefined) return { agenda: null, saved: null, messages: [] };
      let checked;
      try {
        checked = checkAgenda(JSON.parse(value), { site, themes });
      } catch {
        checked = { ok: false };
      }
      if (!checked.ok) {
        const aside = setAside(value, now);
        const text = aside
          ? `Je bewaarde werkagenda in deze browser was beschadigd en is apart gezet (onder "${aside}"). Je begint met een lege werkagenda.`
          : 'Je bewaarde werkagenda in deze browser was beschadigd en kon niet apart worden gezet. Je begint met een lege werkagenda.';
        return { agenda: null, saved: null, messages: [{ kind: 'waarschuwing', text }] };
      }
      const messages = checked.dropped.length
        ? [{ kind: 'info', text: 'Een deel van je bewaarde werkagenda paste niet meer bij dit handboek en is weggelaten.', dropped: checked.dropped }]
        : [];
      return { agenda: checked.agenda, saved: checked.saved, messages };
    },

    /** { ok: true, saved } or { ok: false, message }. */
    save(agenda, now = new Date()) {
      try {
        storage.setItem(key, JSON.stringify(makeAgendaFile(agenda, site, now)));
        return { ok: true, saved: now };
      } catch {
        return { ok: false, message: 'Bewaren lukt niet: deze browser laat de pagina niets bewaren, of de opslag is vol. Sla je werkagenda op als bestand, zodat je niets kwijtraakt.' };
      }
    },
  };
}
