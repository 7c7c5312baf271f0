// The dossier box on the home page and the werkagenda: one file with everything this handbook
// keeps in this browser, and that file back (after a preview and a confirmation; undo until
// the page closes). The computing is in lib/dossier.js.

import { collectDossier, readDossier, previewDossier, restoreDossier, undoRestore, dossierFileName, backupKey } from './lib/dossier.js';
import { h } from './lib/view-tree.js';
import { formatDate, isoDay, plural } from './lib/nl-format.js';
import { fill, openStorage, download, fieldError } from './page/dom.js';
import { confirmDialog } from './page/confirm.js';

function start() {
  const box = document.getElementById('dossier');
  if (!box) return;
  const site = box.dataset.site || 'leerrecht';
  const { storage, ok } = openStorage();
  const $ = (id) => document.getElementById(id);
  const say = (...trees) => fill($('dossier-melding'), ...trees);
  $('dossier-knoppen').hidden = false;
  showLastBackup();

  function showLastBackup() {
    const last = storage.getItem(backupKey(site));
    const date = last && !Number.isNaN(Date.parse(last)) ? new Date(last) : null;
    $('dossier-status').textContent = !ok
      ? 'Deze browser bewaart niets voor deze pagina, dus er is niets om een reservekopie van te maken.'
      : date
        ? `Je laatste reservekopie is gemaakt op ${formatDate(date, true)}.`
        : 'Je hebt in deze browser nog geen reservekopie gemaakt.';
  }

  $('dossier-bewaar').addEventListener('click', () => {
    const now = new Date();
    const dossier = collectDossier(storage, site, now);
    const count = Object.keys(dossier.entries).length;
    const name = dossierFileName(site, isoDay(now));
    download(name, `${JSON.stringify(dossier, null, 1)}\n`, 'application/json');
    try {
      storage.setItem(backupKey(site), now.toISOString());
    } catch {
      // A full or refused storage only means the date is not remembered.
    }
    showLastBackup();
    say(h('p', { class: 'melding melding--succes' }, `De reservekopie staat in "${name}" in je map voor downloads (${plural(count, 'onderdeel', 'onderdelen')}). Bewaar het bestand op een veilige plek.`));
  });

  $('dossier-open').addEventListener('change', async (e) => {
    const input = e.target;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    let text = null;
    try {
      text = await file.text();
    } catch {
      text = null;
    }
    const read = text === null ? { ok: false, message: 'Dit bestand kan niet worden gelezen.' } : readDossier(text, site);
    if (!read.ok) {
      fieldError('dossier-open', read.message);
      say();
      return;
    }
    fieldError('dossier-open', null);
    await offerRestore(read, file.name);
  });

  async function offerRestore(read, name) {
    const preview = previewDossier(read, storage, site);
    const replaced = preview.filter((p) => p.replaces);
    say(h('div', { class: 'melding melding--info' },
      h('p', {}, `In "${name}"${read.saved ? ` (gemaakt op ${formatDate(read.saved, true)})` : ''} staat:`),
      h('ul', {}, preview.map((p) => h('li', {}, p.replaces ? `${p.label} (vervangt wat nu in deze browser staat)` : p.label))),
      read.warnings.map((w) => h('p', {}, w)),
    ));
    const yes = await confirmDialog({
      id: 'dossier-bevestig',
      text: replaced.length
        ? `Terugzetten vervangt ${plural(replaced.length, 'onderdeel', 'onderdelen')} in deze browser: ${replaced.map((p) => p.label).join(', ')}. Je kunt dat daarna nog ongedaan maken zolang deze pagina open is.`
        : 'De reservekopie vult deze browser aan; er wordt niets vervangen.',
      yes: { id: 'dossier-ja', label: 'Zet de reservekopie terug' },
      no: { id: 'dossier-nee', label: 'Niet terugzetten' },
      focus: replaced.length ? 'no' : 'yes',
    });
    if (!yes) {
      say(h('p', { class: 'melding melding--info' }, 'Er is niets teruggezet.'));
      $('dossier-open').focus();
      return;
    }
    let before;
    try {
      before = restoreDossier(read, storage, site);
    } catch {
      say(h('p', { class: 'melding melding--fout' }, 'De browser weigert de gegevens te bewaren (de opslag is vol of staat uit). Er is niets veranderd.'));
      return;
    }
    say(
      h('p', { class: 'melding melding--succes' }, `De reservekopie is teruggezet (${plural(preview.length, 'onderdeel', 'onderdelen')}). Open een instrument of de werkagenda om verder te werken.`),
      h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede', id: 'dossier-ongedaan' }, 'Ongedaan maken')),
    );
    $('dossier-ongedaan').addEventListener('click', () => {
      undoRestore(before, storage, site);
      say(h('p', { class: 'melding melding--succes' }, 'Het terugzetten is ongedaan gemaakt: alles staat weer zoals het was.'));
      $('dossier-open').focus();
    });
  }
}

start();
