// The workshop's projector view: one slide at a time in large type, keyboard operable (arrows,
// Page Up/Down, Home/End, Escape), full screen where the browser has it, and the focus back on
// the button that opened it.

import { h } from '../lib/view-tree.js';
import { projectorView, positionText } from '../lib/workshop-views.js';
import { build, fill } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The projector view: one slide at a time, keyboard operable, focus back where it came from. */
export function createProjector(announce, makeSlides) {
  const fullscreen = Boolean(document.fullscreenEnabled && document.documentElement.requestFullscreen);
  const view = build(projectorView(fullscreen));
  document.body.append(view);
  let list = [];
  let index = 0;
  let opener = null;

  function show(i) {
    index = Math.max(0, Math.min(list.length - 1, i));
    const slide = list[index];
    const dia = $('projectie-dia');
    const focusInside = dia.contains(document.activeElement) || document.activeElement === document.body;
    // The first screen: the heading, the group's agreement and the chart, sized to what the
    // window has left under the bar; the table and the explanation follow below it.
    fill(
      dia,
      h('div', { class: `projectie__scherm${slide.chart ? ' projectie__scherm--grafiek' : ''}` }, h('h2', { class: 'projectie__kop', id: 'projectie-kop', tabindex: '-1' }, slide.heading), slide.lead ?? null, slide.chart ?? null),
      h('div', { class: 'projectie__meer' }, slide.body),
    );
    dia.style.setProperty('--projectie-boven', `${$('projectie-balk').offsetHeight}px`);
    const position = positionText(list, index);
    $('projectie-positie').textContent = position;
    $('projectie-vorige').setAttribute('aria-disabled', String(index === 0));
    $('projectie-volgende').setAttribute('aria-disabled', String(index === list.length - 1));
    if (focusInside) $('projectie-kop').focus();
    announce(`${position}: ${slide.heading}`);
  }
  function step(delta) {
    const target = index + delta;
    if (target < 0 || target >= list.length) {
      announce(target < 0 ? 'Dit is de eerste.' : 'Dit is de laatste.');
      return;
    }
    show(target);
  }
  function close() {
    if (view.hidden) return;
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    view.hidden = true;
    document.documentElement.classList.remove('workshop-projectie');
    opener?.focus();
    announce('De projectieweergave is gesloten.');
  }
  function open(from) {
    list = makeSlides();
    if (!list.length) return;
    opener = from;
    view.hidden = false;
    document.documentElement.classList.add('workshop-projectie');
    show(0);
    $('projectie-kop').focus();
  }
  $('projectie-vorige').addEventListener('click', () => step(-1));
  $('projectie-volgende').addEventListener('click', () => step(1));
  $('projectie-sluit').addEventListener('click', close);
  $('projectie-scherm')?.addEventListener('click', () => {
    const request = document.fullscreenElement ? document.exitFullscreen() : view.requestFullscreen();
    request.catch(() => announce('Volledig scherm lukt niet in deze browser. Gebruik F11.'));
  });
  const KEYS = { ArrowRight: () => step(1), PageDown: () => step(1), ArrowLeft: () => step(-1), PageUp: () => step(-1), Home: () => show(0), End: () => show(list.length - 1), Escape: close };
  document.addEventListener('keydown', (e) => {
    if (view.hidden || e.altKey || e.ctrlKey || e.metaKey || !KEYS[e.key]) return;
    e.preventDefault();
    KEYS[e.key]();
  });
  return { open, close };
}
