// Where the werkagenda's proposals come from: the results the instrument pages saved in this
// browser (keys and format in docs/deelcode.md). No DOM; the storage is passed in.
//
// The werkagenda only reads. A corrupt result is reported here but set aside by the instrument's
// own page when that is opened, so opening the werkagenda never changes an instrument's data.
// Older versions are migrated exactly as the instrument page does (answers-store.js), because
// that is the same code.

import { createStore } from './answers-store.js';
import { plural } from './nl-format.js';

const DIGITS = /^\d+$/;

function keysOf(storage) {
  const keys = [];
  let count = 0;
  try {
    count = storage.length;
  } catch {
    return keys;
  }
  for (let i = 0; i < count; i += 1) {
    try {
      const key = storage.key(i);
      if (typeof key === 'string') keys.push(key);
    } catch {
      // a key that cannot be read is one result less, not a broken page
    }
  }
  return keys;
}

function isResultKey(key, site, id) {
  const prefix = `leerrecht:${site}:${id}:v`;
  return key.startsWith(prefix) && DIGITS.test(key.slice(prefix.length));
}

/**
 * The ids of the listed instruments that have a result saved for this site, in list order. The
 * page loads the data scripts of only these (and the werkagenda's own).
 */
export function savedInstrumentIds(storage, list, site) {
  const keys = keysOf(storage);
  return list.filter((entry) => keys.some((k) => isResultKey(k, site, entry.id))).map((entry) => entry.id);
}

/** The storage seen through a window that cannot write. */
function readOnly(storage) {
  const refuse = () => {
    throw new Error('alleen lezen');
  };
  return {
    get length() {
      return storage.length;
    },
    key: (i) => storage.key(i),
    getItem: (k) => storage.getItem(k),
    setItem: refuse,
    removeItem: refuse,
  };
}

/** The instrument store's messages, said from the werkagenda's side. */
function noticeFor(instrument, message) {
  const name = `"${instrument.title}"`;
  switch (message.kind) {
    case 'beschadigd':
      return { kind: 'waarschuwing', text: `De bewaarde antwoorden van ${name} zijn beschadigd en tellen hier niet mee. Open het instrument: daar worden ze apart gezet en kun je verder.` };
    case 'migratie':
      return {
        kind: 'info',
        text: `De antwoorden van ${name} waren bewaard bij versie ${message.from}. De werkagenda leest ze als versie ${instrument.version}${message.dropped?.length ? `, zonder ${plural(message.dropped.length, 'antwoord', 'antwoorden')} op vragen die niet meer bestaan` : ''}.`,
      };
    case 'weggelaten':
      return { kind: 'info', text: `Een deel van de bewaarde antwoorden van ${name} past niet meer bij het instrument en telt niet mee.` };
    default:
      return { kind: 'waarschuwing', text: 'Deze browser laat de pagina niets uit de opslag lezen. Uitslagen van de instrumenten tellen hier daarom niet mee.' };
  }
}

/**
 * The saved result of each instrument: [{ instrument, answers, saved, notices }]. `answers` is
 * null when nothing usable is saved.
 */
export function readResults(storage, instruments, site) {
  const view = readOnly(storage);
  return instruments.map((instrument) => {
    const { state, messages } = createStore(view, instrument, site).load();
    return {
      instrument,
      answers: state ? state.answers : null,
      saved: state ? state.saved : null,
      notices: messages.map((m) => noticeFor(instrument, m)),
    };
  });
}
