// Saving the answers in the browser as the user works. The storage (localStorage in the page, a
// fake in node) is passed in, so every path can be tested: restore, an older version migrated,
// corrupt data set aside, a full or refused storage. Nothing here throws.
//
// Key: leerrecht:<site>:<instrument>:v<version>. On file:// every page of every folder shares
// one localStorage, so the site id keeps two handbooks on one USB stick apart. The value is a
// result (result-file.js). Corrupt values move to <key>:beschadigd:<time>.

import { makeResult, checkResult } from './result-file.js';

export function storageKey(site, instrumentId, version) {
  return `leerrecht:${site}:${instrumentId}:v${version}`;
}

function isQuotaError(error) {
  return (
    error?.name === 'QuotaExceededError' ||
    error?.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    error?.code === 22 ||
    error?.code === 1014
  );
}

/** Keys of earlier versions of this instrument, highest version first. */
function olderKeys(storage, site, instrument) {
  const prefix = `leerrecht:${site}:${instrument.id}:v`;
  const found = [];
  let count = 0;
  try {
    count = storage.length;
  } catch {
    return [];
  }
  for (let i = 0; i < count; i += 1) {
    let key;
    try {
      key = storage.key(i);
    } catch {
      continue;
    }
    if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    if (!/^\d+$/.test(rest)) continue;
    const version = Number(rest);
    if (version < instrument.version) found.push({ key, version });
  }
  return found.sort((a, b) => b.version - a.version);
}

export function createStore(storage, instrument, site) {
  const key = storageKey(site, instrument.id, instrument.version);

  function read(k) {
    try {
      return { value: storage.getItem(k) };
    } catch (error) {
      return { error };
    }
  }

  /** Move a damaged value aside; returns the key it went to, or null. */
  function setAside(k, value, now) {
    const aside = `${k}:beschadigd:${now.getTime()}`;
    try {
      storage.setItem(aside, value);
      storage.removeItem(k);
      return aside;
    } catch {
      return null;
    }
  }

  function parse(k, value, now, messages) {
    let data;
    let problem = null;
    try {
      data = JSON.parse(value);
    } catch {
      problem = 'is beschadigd';
    }
    let checked = null;
    if (!problem) {
      checked = checkResult(data, instrument, site);
      if (!checked.ok) problem = `is niet te gebruiken: ${checked.message}`;
    }
    if (problem) {
      const aside = setAside(k, value, now);
      messages.push({
        kind: 'beschadigd',
        text: aside
          ? `De bewaarde antwoorden in deze browser waren beschadigd en zijn apart gezet (onder "${aside}"). Je begint met een leeg formulier.`
          : 'De bewaarde antwoorden in deze browser waren beschadigd en konden niet apart worden gezet. Je begint met een leeg formulier.',
        detail: `Opslag ${k} ${problem}.`,
        key: aside,
      });
      return null;
    }
    return checked;
  }

  return {
    key,

    /**
     * { state: { answers, notes, saved } | null, messages: [{ kind, text, dropped? }] }.
     * kind: beschadigd, migratie, weggelaten, onleesbaar.
     */
    load(now = new Date()) {
      const messages = [];
      const own = read(key);
      if (own.error) {
        messages.push({ kind: 'onleesbaar', text: 'Deze browser laat de pagina niets bewaren. Je antwoorden blijven alleen staan zolang de pagina open is. Sla je uitslag op als bestand om hem te bewaren.' });
        return { state: null, messages };
      }
      if (own.value !== null && own.value !== undefined) {
        const checked = parse(key, own.value, now, messages);
        if (checked) {
          if (checked.dropped.length) {
            messages.push({ kind: 'weggelaten', text: 'Een deel van de bewaarde antwoorden paste niet bij dit formulier en is weggelaten.', dropped: checked.dropped });
          }
          return { state: { answers: checked.answers, notes: checked.notes, saved: checked.saved }, messages };
        }
        return { state: null, messages };
      }
      for (const older of olderKeys(storage, site, instrument)) {
        const value = read(older.key).value;
        if (value === null || value === undefined) continue;
        const checked = parse(older.key, value, now, messages);
        if (!checked) continue;
        messages.push({
          kind: 'migratie',
          text: checked.dropped.length
            ? `Je antwoorden waren bewaard bij versie ${older.version} van dit instrument. Ze zijn overgenomen in versie ${instrument.version}, behalve wat niet meer bestaat.`
            : `Je antwoorden waren bewaard bij versie ${older.version} van dit instrument. Ze zijn allemaal overgenomen in versie ${instrument.version}.`,
          dropped: checked.dropped,
          from: older.version,
        });
        return { state: { answers: checked.answers, notes: checked.notes, saved: checked.saved }, messages };
      }
      return { state: null, messages };
    },

    /** { ok: true, saved } or { ok: false, reason: 'vol'|'geweigerd', message }. */
    save(answers, notes, now = new Date()) {
      const value = JSON.stringify(makeResult({ site, instrument, answers, notes, saved: now }));
      try {
        storage.setItem(key, value);
        return { ok: true, saved: now };
      } catch (error) {
        if (isQuotaError(error)) {
          return { ok: false, reason: 'vol', message: 'Bewaren lukt niet: de opslag van deze browser is vol. Sla je uitslag op als bestand, zodat je niets kwijtraakt.' };
        }
        return { ok: false, reason: 'geweigerd', message: 'Bewaren lukt niet: deze browser laat de pagina niets bewaren. Sla je uitslag op als bestand, zodat je niets kwijtraakt.' };
      }
    },

    /** Forget the saved answers of this version (start over). */
    clear() {
      try {
        storage.removeItem(key);
        return { ok: true };
      } catch {
        return { ok: false, message: 'Wissen lukt niet in deze browser.' };
      }
    },
  };
}
