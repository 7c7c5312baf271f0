// What every page script needs from the DOM, in one place: view trees (lib/view-tree.js) as
// DOM nodes, storage that may be refused, a debounce, and a file download. Not pure, so not in
// lib/; the entries in js/ import it.

import { h } from '../lib/view-tree.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A view tree as DOM nodes: elements and text nodes only, never parsed markup. */
export function build(node, inSvg = false) {
  if (typeof node === 'string') return document.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const el = svg ? document.createElementNS(SVG_NS, node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === null || value === undefined || value === false || /^on/i.test(name)) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of node.children) el.append(build(child, svg));
  return el;
}

export function fill(target, ...trees) {
  target.replaceChildren(...trees.filter(Boolean).map((t) => build(t)));
}

/** localStorage, or a stand-in that keeps nothing when the browser refuses storage. */
export function openStorage() {
  try {
    const s = window.localStorage;
    s.getItem('leerrecht:test');
    return { storage: s, ok: true };
  } catch {
    const memory = new Map();
    return {
      ok: false,
      storage: {
        get length() {
          return memory.size;
        },
        key: (i) => [...memory.keys()][i] ?? null,
        getItem: (k) => (memory.has(k) ? memory.get(k) : null),
        setItem: () => {
          throw new DOMException('refused', 'SecurityError');
        },
        removeItem: (k) => memory.delete(k),
      },
    };
  }
}

export function debounce(fn, ms) {
  let timer = null;
  const run = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  run.now = (...args) => {
    clearTimeout(timer);
    fn(...args);
  };
  return run;
}

/** Offer `text` (a string or bytes) as a file called `name`; nothing leaves the browser. */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/** Copy the text of an input or textarea: the clipboard API where the browser allows it, else
 *  select it and ask for a copy. True when it worked; when not, the text is selected. */
export async function copyFrom(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** A function that says `text` through the polite live region `el`. Emptying the region first
 *  and filling it a moment later makes screen readers repeat a message that did not change. */
export function liveRegion(el) {
  let timer = null;
  return (text) => {
    clearTimeout(timer);
    el.textContent = '';
    timer = setTimeout(() => {
      el.textContent = text;
    }, 50);
  };
}

/**
 * Notices in `box`: each a text, an optional list and a button that closes it, after which
 * focus goes to `focusAfterClose()` (an element that stays). A notice with an `id` replaces
 * the earlier one with that id instead of piling up.
 */
export function noticeBox(box, focusAfterClose) {
  return (kind, text, list = [], { id = null, listTitle = 'Niet overgenomen:' } = {}) => {
    box.hidden = false;
    if (id) document.getElementById(id)?.remove();
    const item = build(
      h(
        'div',
        { class: `melding melding--${kind}`, id },
        h('p', {}, text),
        list.length ? [h('p', {}, listTitle), h('ul', {}, list.map((d) => h('li', {}, d)))] : null,
        h('p', {}, h('button', { type: 'button', class: 'knop knop--tweede knop--klein' }, 'Melding sluiten')),
      ),
    );
    item.querySelector('button').addEventListener('click', () => {
      item.remove();
      if (!box.children.length) box.hidden = true;
      const target = focusAfterClose();
      if (!target.hasAttribute('tabindex') && !target.matches('a, button, input, select, textarea')) target.setAttribute('tabindex', '-1');
      target.focus();
    });
    box.append(item);
  };
}

/**
 * Show or clear the error of the field `id`, GOV.UK style: the message in `ID-fout` above the
 * control, the group `ID-groep` marked, and the control invalid and described by the message
 * next to whatever hint it already had.
 */
export function fieldError(id, message) {
  const input = document.getElementById(id);
  const el = document.getElementById(`${id}-fout`);
  const others = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== `${id}-fout`);
  el.textContent = message ? `Fout: ${message}` : '';
  el.hidden = !message;
  document.getElementById(`${id}-groep`)?.classList.toggle('veldgroep--fout', Boolean(message));
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  const described = message ? [...others, `${id}-fout`] : others;
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  else input.removeAttribute('aria-describedby');
}

/**
 * A message right above a control (`p#ID.veld__fout`), tied to it with aria-describedby and
 * marking its `.veld` wrapper; `text` null takes it away again. `invalid` sets aria-invalid:
 * a value the user must fix, as opposed to a remark about numbers that do not add up.
 */
export function controlMessage(control, { id, text, invalid = true }) {
  const wrap = control.closest('.veld') ?? control.parentElement;
  let p = document.getElementById(id);
  const others = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
  if (text) {
    if (!p) {
      p = document.createElement('p');
      p.id = id;
      p.className = 'veld__fout';
      control.before(p);
    }
    p.textContent = text;
    control.setAttribute('aria-describedby', [...others, id].join(' '));
    if (invalid) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
    wrap.classList.add('veld--fout');
  } else if (p || control.hasAttribute('aria-invalid')) {
    p?.remove();
    control.removeAttribute('aria-invalid');
    if (others.length) control.setAttribute('aria-describedby', others.join(' '));
    else control.removeAttribute('aria-describedby');
    wrap.classList.remove('veld--fout');
  }
}

/** Copy the text of `input` and say how it went in `target` and the live region. */
export async function copyAndSay(input, { ok, failed }, target, announce) {
  const text = (await copyFrom(input)) ? ok : failed;
  target.textContent = text;
  announce(text);
}
