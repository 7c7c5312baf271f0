// The trainer page under `leerrecht workshop`, opened on the laptop itself (loopback): the
// session with its code, open or closed, the number of submissions, and buttons to close and
// reopen, export and clear (after a <dialog> confirmation that names the number); and a long
// poll on /_workshop/stand that hands every new state to the page, without a reload. From
// file://, another host or a static server, /_workshop/info does not answer: nothing changes.

import { h } from '../lib/view-tree.js';
import { plural } from '../lib/nl-format.js';
import { build, fill } from './dom.js';
import { confirmDialog } from './confirm.js';

const $ = (id) => document.getElementById(id);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function call(url, options) {
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin', ...options });
    const json = (response.headers.get('content-type') ?? '').includes('application/json') ? await response.json().catch(() => null) : null;
    return { status: response.status, body: json };
  } catch {
    return { status: 0, body: null };
  }
}

/**
 * The workshop server's info when this page is its trainer page, else null. Asked only over
 * loopback and with a session code (the trainer address that leerrecht workshop prints carries
 * ?sessie=, kept for the tab), so that a static host never sees a request it cannot answer.
 */
export async function findServer(root, session) {
  if (!session || !/^https?:$/.test(window.location.protocol) || !LOOPBACK.has(window.location.hostname)) return null;
  const api = (path) => new URL(`${root}_workshop/${path}`, window.location.href).href;
  const info = await call(api('info'));
  if (info.status !== 200 || !info.body || typeof info.body.code !== 'string') return null;
  return { api, info: info.body };
}

/**
 * The session panel and the live loop. `server` from findServer; `onStand(stand)` gets every
 * state; `announce` is the page's live region.
 */
export function setupServer(server, { onStand, announce, after }) {
  const { api, info } = server;
  let stand = null;
  let busy = false;
  const panel = build(
    h(
      'section',
      { class: 'workshop__stap workshop__sessie', 'aria-labelledby': 'sessie-kop', id: 'workshop-sessie' },
      h('h2', { id: 'sessie-kop' }, `Workshopsessie ${info.sessie}`),
      info.network === false
        ? h('p', { class: 'melding melding--waarschuwing' }, 'Er is geen netwerk gevonden: telefoons kunnen nu niet meedoen. Zet wifi of de hotspot van je telefoon aan en start leerrecht workshop opnieuw.')
        : h('p', {}, 'Deelnemers sturen hun antwoorden met hun telefoon naar deze laptop. Alles blijft op deze laptop: er gaat niets naar internet.'),
      h('p', { class: 'workshop__telling', id: 'sessie-telling' }, 'Verbinden…'),
      h('p', { id: 'sessie-status' }),
      h(
        'p',
        { class: 'knoppen' },
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'sessie-open-dicht' }, 'Sluit de sessie'),
        h('a', { class: 'knop knop--tweede', id: 'sessie-export', href: api('export'), download: `leerrecht-workshop-${info.code}.json` }, 'Download alle inzendingen'),
        h('button', { type: 'button', class: 'knop knop--tweede', id: 'sessie-wis' }, 'Wis alle inzendingen'),
      ),
      h('p', { class: 'zacht' }, `De inzendingen staan ook in ${info.data_file}.`),
    ),
  );
  after.after(panel);

  function total() {
    return stand ? Object.values(stand.counts ?? {}).reduce((a, b) => a + b, 0) : 0;
  }
  function show() {
    if (!stand) return;
    $('sessie-telling').textContent = `${plural(total(), 'inzending', 'inzendingen')} binnen`;
    $('sessie-status').textContent = stand.open ? 'De sessie is open: deelnemers kunnen sturen.' : 'De sessie is gesloten: nieuwe inzendingen worden geweigerd. De inzendingen die er zijn, blijven.';
    $('sessie-open-dicht').textContent = stand.open ? 'Sluit de sessie' : 'Open de sessie weer';
  }

  async function loop() {
    let since = null;
    let failures = 0;
    for (;;) {
      const r = await call(api(since === null ? 'stand' : `stand?since=${since}`));
      if (r.status === 200 && r.body && Number.isInteger(r.body.seq)) {
        if (failures) announce('De verbinding met leerrecht workshop is er weer.');
        failures = 0;
        since = r.body.seq;
        stand = r.body;
        show();
        onStand(stand);
      } else {
        failures += 1;
        if (failures === 1) {
          $('sessie-status').textContent = 'De verbinding met leerrecht workshop is weg. Draait het programma nog? We proberen het steeds opnieuw.';
          announce($('sessie-status').textContent);
        }
        since = null;
        await sleep(Math.min(5000, 500 * failures));
      }
    }
  }

  $('sessie-open-dicht').addEventListener('click', async () => {
    if (busy || !stand) return;
    busy = true;
    const closing = stand.open;
    const r = await call(api(closing ? 'sluiten' : 'openen'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    busy = false;
    if (r.status === 200 && r.body?.ok) {
      stand = { ...stand, open: r.body.open };
      show();
      announce(r.body.open ? 'De sessie is weer open.' : 'De sessie is gesloten. Nieuwe inzendingen worden geweigerd.');
    } else announce(r.body?.melding ?? 'Dat lukte niet. Probeer het opnieuw.');
  });

  $('sessie-wis').addEventListener('click', async () => {
    const n = total();
    const yes = await confirmDialog({
      id: 'sessie-wis-bevestig',
      text: `Hiermee wis je ${plural(n, 'inzending', 'inzendingen')} van deze sessie van de laptop, bij elk instrument. Dat kan niet ongedaan worden. Wil je ze bewaren? Download ze dan eerst.`,
      yes: { id: 'sessie-wis-ja', label: 'Ja, wis alle inzendingen', class: 'knop knop--gevaar' },
      no: { id: 'sessie-wis-nee', label: 'Nee, niet wissen' },
      focus: 'no',
    });
    if (!yes) {
      announce('Er is niets gewist.');
      $('sessie-wis').focus();
      return;
    }
    const r = await call(api('wissen'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sessie: info.code }) });
    announce(r.status === 200 && r.body?.ok ? `${plural(r.body.removed, 'inzending is', 'inzendingen zijn')} gewist.` : (r.body?.melding ?? 'Wissen lukte niet. Probeer het opnieuw.'));
    $('sessie-wis').focus();
  });

  loop();
  return {
    /** The participants' address and QR code of one instrument. */
    joinOf(id) {
      return { url: info.participant_urls?.[id] ?? info.participant_url, qr: api(`qr.svg?instrument=${encodeURIComponent(id)}`), network: info.network !== false };
    },
  };
}

/** Replace the contents of `el` with the QR code and the address for the participants. */
export function showJoin(el, join, instrumentTitle) {
  fill(
    el,
    h('h2', { id: 'meedoen-kop' }, '2. Laat de deelnemers meedoen'),
    h('p', {}, `Deelnemers scannen de QR-code met de camera van hun telefoon, of typen het adres over. Ze vullen "${instrumentTitle}" in en drukken op "Stuur naar de trainer". Hun telefoon moet op hetzelfde wifi-netwerk zitten als deze laptop.`),
    h('div', { class: 'workshop__meedoen' },
      h('img', { class: 'workshop__qr', src: join.qr, alt: `QR-code van het adres ${join.url}`, width: '320', height: '320' }),
      h('p', { class: 'workshop__adres' }, h('a', { href: join.url, id: 'deelnemers-adres' }, join.url)),
    ),
    join.network ? null : h('p', { class: 'melding melding--waarschuwing' }, 'Dit adres werkt nu alleen op deze laptop: er is geen netwerk. Zet wifi of de hotspot aan en start leerrecht workshop opnieuw.'),
    h('p', {}, 'De antwoorden komen hieronder vanzelf binnen. Codes en bestanden toevoegen kan ook nog.'),
  );
}
