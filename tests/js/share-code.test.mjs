import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeCode, decodeCode, parseCode, extractCode, shareLink, toBase64url, fromBase64url, crc32 } from '../../static/js/lib/share-code.js';
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

test('the code looks like the documented format', () => {
  const code = encodeCode(inst, { i1: 'ja', i2: 'nvt' });
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
    // An inventarisatie carries its numbers as text: its code grows with the number of fields.
    assert.ok(code.length < (json.kind === 'inventarisatie' ? 140 : 80), `${id}: ${code} is short`);
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

test('a single changed character anywhere is detected', () => {
  const code = encodeCode(inst, { i1: 'ja', i2: 'deels', i3: 'nee' });
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

test('damaged codes give a precise reason', () => {
  const code = encodeCode(inst, { i1: 'ja', i2: 'deels' });
  const flip = code.slice(0, 16) + (code[16] === 'A' ? 'B' : 'A') + code.slice(17);
  assert.equal(decodeCode(flip, inst).reason, 'beschadigd');
  assert.equal(decodeCode(code.slice(0, -1), inst).reason, 'onvolledig');
  assert.equal(decodeCode(code.slice(0, code.lastIndexOf('.')), inst).reason, 'onvolledig');
  assert.equal(decodeCode(code.slice(0, 12), inst).reason, 'onvolledig');
  assert.equal(decodeCode('', inst).reason, 'leeg');
  assert.equal(decodeCode('hallo wereld', inst).reason, 'opmaak');
  assert.equal(decodeCode('2.proef.1.AAA.AAAAAA', inst).reason, 'nieuwer');
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

test('parseCode reads id and version without the instrument (for the workshop page)', () => {
  const p = parseCode(encodeCode(routekaart(), {}));
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
