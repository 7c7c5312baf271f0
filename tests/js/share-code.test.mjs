import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCode, encodeCodeV1, decodeCode, parseCode, extractCode, shareLink, toBase64url, fromBase64url, crc32, checkSums, instrumentTag } from '../../static/js/lib/share-code.js';
import { ALPHABET, bytesToSymbols, symbolsToBytes, symbolValue } from '../../static/js/lib/crockford.js';
import { randomId } from '../../static/js/lib/participant-id.js';
import { checklist, routekaart, inventarisatie, generated, GENERATED } from './instrument-fixtures.mjs';

const inst = checklist();

test('base64url and CRC-32 are the standard ones', () => {
  assert.equal(toBase64url([0xfb, 0xff]), '-_8');
  assert.deepEqual(fromBase64url('-_8'), [0xfb, 0xff]);
  assert.equal(fromBase64url('-_9'), null, 'non-canonical trailing bits are refused');
  assert.equal(fromBase64url('a'), null);
  assert.equal(crc32('123456789'), 0xcbf43926);
  assert.equal(toBase64url(Array.from(Buffer.from('leerrecht!'))), Buffer.from('leerrecht!').toString('base64url'));
});

test('format 1: the code looks like the documented format', () => {
  const code = encodeCodeV1(inst, { i1: 'ja', i2: 'nvt' });
  assert.match(code, /^1\.proef\.1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{6}$/);
  // 3 slots of 3 bits (3 options + n.v.t. + open = 5 values): 9 bits → 2 bytes → 3 characters.
  assert.equal(code.split('.')[3].length, 3);
  // i1 = ja (1), i2 = nvt (4), i3 open (0): 001 100 000 0000000 → 0x30 0x00.
  assert.equal(code.split('.')[3], toBase64url([0x30, 0x00]));
});

test('round trip: every scored, routekaart and inventarisatie answer set comes back exactly', () => {
  const cases = [
    [inst, {}],
    [inst, { i1: 'ja', i2: 'deels', i3: 'nee' }],
    [inst, { i1: 'nvt', i3: 'nvt' }],
    [routekaart(), { 's1/school': 'regie', 's1/lp': 'geen_rol', 's2/gem': 'neemt_deel', 's2/vastgelegd': true, 's3/vastgelegd': true }],
    [inventarisatie(), { leerlingen: 1200, kort: 0, vrij: 3 }],
    [inventarisatie(), { kort: -2, lang: 2.5 }],
  ];
  for (const [instrument, answers] of cases) {
    const decoded = decodeCode(encodeCode(instrument, answers), instrument);
    assert.equal(decoded.ok, true, decoded.message);
    assert.deepEqual(decoded.answers, answers);
  }
});

test('every generated instrument round-trips its top and bottom answers', (t) => {
  for (const id of GENERATED) {
    const json = generated(id);
    if (!json) return t.skip('site not built');
    let answers;
    if (json.kind === 'routekaart') answers = Object.fromEntries(json.steps.flatMap((s) => json.partners.map((p, i) => [`${s.id}/${p.id}`, json.roles[i % 3].id])));
    else if (json.kind === 'inventarisatie') answers = Object.fromEntries(json.fields.map((f, i) => [f.id, i * 7]));
    else answers = Object.fromEntries(json.items.map((it, i) => [it.id, i % 2 ? json.scale[0].id : json.scale.at(-1).id]));
    const code = encodeCode(json, answers);
    // An inventarisatie carries its numbers as text: its code grows with the number of fields. A
    // routekaart grows with its cells (13 steps x 12 partners: 156 cells).
    const limit = { inventarisatie: 200, routekaart: 110 }[json.kind] ?? 100;
    assert.ok(code.length < limit, `${id}: ${code} (${code.length}) is short`);
    assert.deepEqual(decodeCode(code, json).answers, answers, id);
  }
});

test('links: the code sits in the fragment and comes back out of a pasted link', () => {
  const code = encodeCode(inst, { i1: 'ja' });
  const link = shareLink('https://voorbeeld.nl/handboek/instrumenten/proef.html#oud', code);
  assert.equal(link, `https://voorbeeld.nl/handboek/instrumenten/proef.html#r=${code}`);
  assert.equal(extractCode(link), code);
  assert.equal(extractCode(`  ${code.slice(0, 10)}\n${code.slice(10)} `), code);
  assert.equal(extractCode(`#r=${code}`), code);
  assert.deepEqual(decodeCode(link, inst).answers, { i1: 'ja' });
});

test('format 1: a single changed character anywhere is detected', () => {
  const code = encodeCodeV1(inst, { i1: 'ja', i2: 'deels', i3: 'nee' });
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
  let tried = 0;
  for (let i = 0; i < code.length; i += 1) {
    for (const ch of alphabet) {
      if (ch === code[i]) continue;
      const damaged = code.slice(0, i) + ch + code.slice(i + 1);
      const r = decodeCode(damaged, inst);
      assert.equal(r.ok, false, `${damaged} was accepted`);
      tried += 1;
    }
  }
  assert.ok(tried > 1000);
});

test('format 1: damaged codes give a precise reason', () => {
  const code = encodeCodeV1(inst, { i1: 'ja', i2: 'deels' });
  const flip = code.slice(0, 16) + (code[16] === 'A' ? 'B' : 'A') + code.slice(17);
  assert.equal(decodeCode(flip, inst).reason, 'beschadigd');
  assert.equal(decodeCode(code.slice(0, -1), inst).reason, 'onvolledig');
  assert.equal(decodeCode(code.slice(0, code.lastIndexOf('.')), inst).reason, 'onvolledig');
  assert.equal(decodeCode(code.slice(0, 12), inst).reason, 'onvolledig');
  assert.equal(decodeCode('', inst).reason, 'leeg');
  assert.equal(decodeCode('hallo wereld', inst).reason, 'opmaak');
  assert.equal(decodeCode('3.proef.1.AAA.AAAAAA', inst).reason, 'nieuwer');
  assert.match(decodeCode(flip, inst).message, /beschadigd/);
});

test('a code of another instrument or version is refused, even with a valid check', () => {
  const other = checklist({ id: 'ander' });
  assert.equal(decodeCode(encodeCode(other, { i1: 'ja' }), inst).reason, 'ander-instrument');
  const v2 = checklist({ version: 2 });
  const r = decodeCode(encodeCode(v2, { i1: 'ja' }), inst);
  assert.equal(r.reason, 'andere-versie');
  assert.match(r.message, /versie 2/);
  // Same id and version but a longer instrument (more bits): wrong length, refused.
  const longer = checklist({ items: [...inst.items, { ...inst.items[0], id: 'i4', number: 4 }, { ...inst.items[0], id: 'i5', number: 5 }, { ...inst.items[0], id: 'i6', number: 6 }] });
  assert.equal(decodeCode(encodeCode(longer, { i6: 'ja' }), inst).reason, 'beschadigd');
});

test('format 1: parseCode reads id and version without the instrument; format 1 codes are still read', () => {
  const p = parseCode(encodeCodeV1(routekaart(), {}));
  assert.deepEqual(decodeCode(encodeCodeV1(inst, { i1: 'ja', i3: 'nvt' }), inst), { ok: true, answers: { i1: 'ja', i3: 'nvt' }, participant: null });
  assert.deepEqual([p.ok, p.instrument, p.version], [true, 'kaart', 1]);
});

test('a choice index that does not exist is refused even when the check fits', () => {
  // Build a code by hand: value 7 (111) in the first 3 bits is not an option.
  const data = toBase64url([0xe0, 0x00]);
  const body = `1.proef.1.${data}`;
  const c = crc32(body);
  const code = `${body}.${toBase64url([(c >>> 24) & 255, (c >>> 16) & 255, (c >>> 8) & 255, c & 255])}`;
  const r = decodeCode(code, inst);
  assert.equal(r.reason, 'beschadigd');
  assert.match(r.message, /vraag 1/);
});

// ----- format 2 ----------------------------------------------------------------------------------

test('Crockford base32: bytes and symbols both ways, canonical only; O reads as 0, I and L as 1', () => {
  assert.equal(ALPHABET.length, 32);
  assert.doesNotMatch(ALPHABET, /[ILOU]/);
  assert.deepEqual(bytesToSymbols([0xff]), [31, 28]);
  assert.deepEqual(symbolsToBytes([31, 28]), [0xff]);
  assert.equal(symbolsToBytes([31, 29]), null, 'non-zero padding');
  assert.equal(symbolsToBytes([31]), null, 'not whole bytes');
  for (const n of [0, 1, 4, 5, 17]) {
    const bytes = Array.from({ length: n }, (_, i) => (i * 73 + 11) & 255);
    assert.deepEqual(symbolsToBytes(bytesToSymbols(bytes)), bytes);
  }
  assert.deepEqual(['o', 'O', 'i', 'I', 'l', 'L', 'a', 'z', 'u', '-'].map(symbolValue), [0, 0, 1, 1, 1, 1, 10, 31, -1, -1]);
  const ids = new Set(Array.from({ length: 200 }, () => randomId()));
  assert.equal(ids.size, 200);
});

test('format 2: grouped in fours, case-insensitive, with the participant id, and round trips', () => {
  const code = encodeCode(inst, { i1: 'ja', i2: 'nvt' }, { participant: 'K3J9X2MQ' });
  assert.match(code, /^2[0-9A-HJKMNP-TV-Z]{3}(-[0-9A-HJKMNP-TV-Z]{4})*(-[0-9A-HJKMNP-TV-Z]{1,4})?$/);
  // 14 symbols of head (format, tag, version, participant), 2 bytes of answers in 4, check 4.
  assert.equal(code.replace(/-/g, '').length, 22);
  const expected = { ok: true, answers: { i1: 'ja', i2: 'nvt' }, participant: 'K3J9X2MQ' };
  assert.deepEqual(decodeCode(code, inst), expected);
  assert.deepEqual(decodeCode(code.toLowerCase(), inst), expected, 'lower case');
  assert.deepEqual(decodeCode(code.replace(/-/g, ' '), inst), expected, 'spaces for hyphens');
  assert.deepEqual(decodeCode(code.replace(/0/g, 'O').replace(/1/g, 'l'), inst), expected, 'O for 0, l for 1');
  assert.deepEqual(decodeCode(`Sanne: ${code}`.split(': ')[1], inst), expected);
  assert.equal(decodeCode(encodeCode(inst, { i1: 'ja' }), inst).participant, null, 'without an id');
  const p = parseCode(code);
  assert.deepEqual([p.format, p.tag, p.version, p.participant], [2, instrumentTag('proef'), 1, 'K3J9X2MQ']);
});

test('format 2: every single typo is caught and its place named; swapped neighbours are caught', () => {
  const answers = { 's1/school': 'regie', 's1/lp': 'geen_rol', 's2/gem': 'neemt_deel', 's2/vastgelegd': true };
  const kaart = routekaart();
  const code = encodeCode(kaart, answers, { participant: 'ABCDEFGH' });
  const plain = code.replace(/-/g, '');
  let tried = 0;
  for (let i = 0; i < plain.length; i += 1) {
    for (const ch of ALPHABET) {
      if (ch === plain[i]) continue;
      const typo = plain.slice(0, i) + ch + plain.slice(i + 1);
      const r = decodeCode(typo, kaart);
      assert.equal(r.ok, false, `${typo} was accepted`);
      assert.equal(r.reason, 'beschadigd');
      // In the answers and head the check points at the very character; in the check itself
      // it says a typo without a place.
      if (i < plain.length - 4) assert.match(r.message, new RegExp(`teken ${i + 1} \\(het ${(i % 4) + 1}e van groep ${Math.floor(i / 4) + 1}\\) lijkt verkeerd`), typo);
      else assert.match(r.message, /tikfout/);
      tried += 1;
    }
  }
  assert.ok(tried > 500);
  for (let i = 0; i + 1 < plain.length; i += 1) {
    if (plain[i] === plain[i + 1]) continue;
    const swapped = plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2);
    assert.equal(decodeCode(swapped, kaart).ok, false, `swap at ${i + 1}`);
  }
  assert.match(decodeCode(plain.slice(0, 5) + 'U' + plain.slice(6), kaart).message, /teken 6 \(het 2e van groep 2\) kan niet in een code staan \(is het een V\?\)/);
  assert.equal(decodeCode(plain.slice(0, -1), kaart).reason, 'beschadigd');
  assert.equal(decodeCode(plain.slice(0, 9), kaart).reason, 'onvolledig');
  assert.match(decodeCode(`3${plain.slice(1)}`, kaart).message, /teken 1 .*lijkt verkeerd/);
  assert.equal(decodeCode('3ABC-DEFG-HJKM-NPQR-STVW', kaart).reason, 'nieuwer');
  assert.equal(decodeCode('hallo wereld', kaart).reason, 'opmaak');
});

test('format 2: another instrument or version is refused; the check covers every symbol', () => {
  assert.equal(decodeCode(encodeCode(checklist({ id: 'ander' }), { i1: 'ja' }), inst).reason, 'ander-instrument');
  const r = decodeCode(encodeCode(checklist({ version: 2 }), { i1: 'ja' }), inst);
  assert.deepEqual([r.reason, /versie 2/.test(r.message)], ['andere-versie', true]);
  assert.equal(decodeCode(encodeCode(inventarisatie(), { leerlingen: 12 }), inventarisatie()).answers.leerlingen, 12);
  assert.deepEqual(checkSums([1, 2, 3]), [6, 1 + 4 + 9]);
  const tags = ['tien-punten', 'toetsvragen-verzuimprotocol', 'routekaart', 'inventarisatie-verzuim', 'basis-werkagenda'].map(instrumentTag);
  assert.equal(new Set(tags).size, tags.length, 'the instruments of the handbook have distinct tags');
  // A version above 1023 does not fit in two symbols: such an instrument gets a format 1 code.
  const big = checklist({ version: 2000 });
  assert.match(encodeCode(big, { i1: 'ja' }), /^1\.proef\.2000\./);
});

test('"weet ik niet" travels in a code, and a code made before it existed keeps its meaning', () => {
  const before = checklist();
  const after = checklist({ unknown: { id: 'onbekend', label: 'Weet ik niet' } });
  const old = { i1: 'nvt', i2: 'deels', i3: 'ja' };
  // Same instrument id and version: a code from before decodes to the same answers after.
  assert.deepEqual(decodeCode(encodeCode(before, old), after).answers, old);
  const now = { i1: 'onbekend', i2: 'nvt', i3: 'nee' };
  assert.deepEqual(decodeCode(encodeCode(after, now), after).answers, now);
});
