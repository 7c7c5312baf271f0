// "Stuur naar de trainer" on a participant page served by `leerrecht workshop`: find out whether
// this page comes from the workshop server with a valid session (GET /_workshop/sessie), show the
// big button, POST the answers, and say the outcome in Dutch. Without the server (file://, a
// static host, a wrong or missing code) nothing changes: the share code and file stay the way.

import { submissionBody, submissionOutcome, shownSession } from '../lib/workshop-client.js';

const $ = (id) => document.getElementById(id);

async function getJson(url, options) {
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', ...options });
    let body = null;
    if ((response.headers.get('content-type') ?? '').includes('application/json')) body = await response.json().catch(() => null);
    return { status: response.status, body, retryAfter: response.headers.get('retry-after') };
  } catch {
    return { status: 0, body: null, retryAfter: null };
  }
}

/**
 * `ctx`: { root, session, instrument, participant, answers(), name(), announce, status }.
 * Resolves to true when the send button is shown.
 */
export async function setupSending(ctx) {
  if (!ctx.session || !/^https?:$/.test(window.location.protocol)) return false;
  const api = (path) => new URL(`${ctx.root}_workshop/${path}`, window.location.href).href;
  const check = await getJson(api(`sessie?code=${encodeURIComponent(ctx.session)}`));
  if (check.status === 0 || !check.body) return false; // not the workshop server: codes and files
  if (check.status !== 200) {
    ctx.status(check.body.melding ?? 'De sessiecode klopt niet. Scan de QR-code van de trainer opnieuw.');
    return false;
  }
  const box = $('stuur-vak');
  const button = $('stuur-knop');
  const message = $('stuur-melding');
  box.hidden = false;
  $('mijn-code-kop').textContent = 'Klaar? Stuur je antwoorden naar de trainer';
  $('toon-code').classList.add('knop--tweede');
  $('toon-code').classList.remove('knop--groot');
  $('sessie-tekst').textContent = `Workshop ${shownSession(ctx.session)}${check.body.open === false ? ' (gesloten: inzenden kan niet meer)' : ''}.`;

  function say(text, ok) {
    message.textContent = text;
    message.className = `melding ${ok ? 'melding--succes' : 'melding--fout'}`;
    ctx.announce(text);
  }

  async function send() {
    const answers = ctx.answers();
    if (!Object.keys(answers).length) {
      say('Vul eerst minstens één vraag in. Dan kun je je antwoorden sturen.', false);
      return;
    }
    button.disabled = true;
    button.textContent = 'Bezig met sturen…';
    const body = JSON.stringify(submissionBody({ session: ctx.session, instrument: ctx.instrument, participant: ctx.participant, name: ctx.name(), answers }));
    const post = () => getJson(api('inzending'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    let answer = await post();
    let outcome = submissionOutcome(answer.status, answer.body, answer.retryAfter);
    if (outcome.retryAfter) {
      // Rate limited: wait as the server asks, then try once more (never a loop).
      say(`${outcome.text} Over ${outcome.retryAfter} seconden proberen we het nog één keer.`, false);
      await new Promise((ok) => setTimeout(ok, outcome.retryAfter * 1000));
      answer = await post();
      outcome = submissionOutcome(answer.status, answer.body, null);
      if (outcome.retryAfter) outcome = { ok: false, text: outcome.text };
    }
    button.disabled = false;
    button.textContent = 'Stuur naar de trainer';
    say(outcome.text, outcome.ok);
  }
  button.addEventListener('click', send);
  return true;
}
