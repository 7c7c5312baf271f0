// The browser's side of `leerrecht workshop` (docs/workshop-api.md), without the DOM or fetch:
// the session code in the URL, the body of a submission, the Dutch outcome of an answer, and
// the trainer's live state turned into the workshop page's participants. The pages do the
// requests (page/workshop-server.js) and show what these functions return, as text only.

import { symbolValue, grouped } from './crockford.js';
import { cleanName, cleanParticipant } from './workshop-input.js';
import { cleanAnswers, isEmpty } from './instrument-answers.js';

/** The session code as the server writes it in URLs (8 symbols, upper case), or null. */
export function normalizeSession(raw) {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/[\s-]/g, '');
  if (text.length !== 8) return null;
  const symbols = Array.from(text, symbolValue);
  if (symbols.some((v) => v < 0)) return null;
  return symbols.map((v) => '0123456789ABCDEFGHJKMNPQRSTVWXYZ'[v]).join('');
}

/** "J3496KDH" → "J349-6KDH", for people. */
export const shownSession = (code) => grouped(code);

export function sessionKey(site) {
  return `leerrecht:${site}:sessie`;
}

/**
 * The session of this tab: from the URL's `?sessie=` (then kept in sessionStorage, because links
 * inside the site drop the query), else the one kept earlier in this tab, else null.
 */
export function currentSession(search, storage, site) {
  const fromUrl = normalizeSession(new URLSearchParams(search ?? '').get('sessie') ?? '');
  const key = sessionKey(site);
  if (fromUrl) {
    try {
      storage?.setItem(key, fromUrl);
    } catch {
      // kept in the URL only
    }
    return fromUrl;
  }
  try {
    return normalizeSession(storage?.getItem(key) ?? '');
  } catch {
    return null;
  }
}

/** The JSON body of POST /_workshop/inzending (no notes: they never leave the phone). */
export function submissionBody({ session, instrument, participant, name, answers }) {
  const clean = cleanName(String(name ?? '').replace(/[<>]/g, ' '));
  return {
    sessie: session,
    instrument: instrument.id,
    version: instrument.version,
    participant,
    ...(clean ? { name: clean } : {}),
    answers,
  };
}

const NETWORK = 'De laptop van de trainer is niet te bereiken. Kijk of je op hetzelfde wifi-netwerk zit als de trainer, en probeer het opnieuw. Lukt het niet? Laat dan je code zien.';

/**
 * What to tell the participant after a submission: { ok, text, retryAfter } where retryAfter
 * (seconds) is set once for a 429. `status` 0 means the request did not arrive at all.
 */
export function submissionOutcome(status, body, retryAfter = null) {
  if (status === 0) return { ok: false, text: NETWORK };
  if (status === 200 && body?.ok) {
    const others = Number.isInteger(body.aantal) ? (body.aantal === 1 ? ' Je bent de eerste die meedoet.' : ` Er hebben nu ${body.aantal} mensen meegedaan.`) : '';
    const text = body.vervangen
      ? `Verstuurd. Je nieuwe antwoorden vervangen wat je eerder stuurde.${others}`
      : `Verstuurd. De trainer heeft je antwoorden.${others} Verander je nog iets? Stuur dan opnieuw: je telt maar één keer.`;
    return { ok: true, text };
  }
  const melding = typeof body?.melding === 'string' && body.melding.length <= 500 ? body.melding : null;
  if (status === 429) {
    const seconds = Math.min(10, Math.max(1, Number.parseInt(retryAfter, 10) || 2));
    return { ok: false, text: melding ?? 'Te veel verzoeken tegelijk. Even wachten…', retryAfter: seconds };
  }
  return { ok: false, text: melding ?? `De trainer kon je antwoorden niet ontvangen (fout ${status}). Probeer het opnieuw, of laat je code zien.` };
}

/**
 * The server's submissions of one instrument as participants of the workshop page's session
 * ({ n, name, source: 'server', file: null, participant, answers }), numbered in the order they
 * arrived; each one's answers are checked against the instrument again.
 */
export function serverParticipants(stand, instrument) {
  const list = Array.isArray(stand?.submissions) ? stand.submissions : [];
  const out = [];
  for (const s of list) {
    if (!s || s.instrument !== instrument.id || s.version !== instrument.version) continue;
    const { answers } = cleanAnswers(instrument, s.answers ?? {}, undefined);
    if (isEmpty(answers)) continue;
    out.push({ n: out.length + 1, name: cleanName(s.name ?? null), source: 'server', file: null, participant: cleanParticipant(s.participant), answers });
  }
  return out;
}
