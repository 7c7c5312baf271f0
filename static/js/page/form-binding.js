// The one binding between an instrument's form and its answers, for the instrument page and
// the participant page: every slot (lib/instrument-answers.js) finds its controls by the name
// the generator gave them (`slot.control`), and lib/slot-values.js reads and writes them.

import { slotsOf } from '../lib/instrument-answers.js';
import { readSlots, writeSlot } from '../lib/slot-values.js';

/** The named controls of a form, by name. */
function controlsByName(form) {
  const byName = new Map();
  for (const el of form.elements) if (el.name) byName.set(el.name, [...(byName.get(el.name) ?? []), el]);
  return byName;
}

/**
 * read() → { answers, notes, problems }; write(answers, notes); setDisabled(bool);
 * controlOf(key) → the first control of a slot. A slot's note is the field named `slot.note`,
 * when the form has one (the participant page has none: notes never travel in a code).
 */
export function bindForm(form, instrument) {
  const byName = controlsByName(form);
  const bindings = slotsOf(instrument).map((slot) => ({ slot, controls: byName.get(slot.control) ?? [] }));
  const notes = bindings.map(({ slot }) => ({ key: slot.key, el: slot.note ? byName.get(slot.note)?.[0] : null })).filter((n) => n.el);
  return {
    read() {
      const { answers, problems } = readSlots(bindings);
      const written = {};
      for (const { key, el } of notes) if (el.value.trim() !== '') written[key] = el.value;
      return { answers, notes: written, problems };
    },
    write(answers, noteValues = {}) {
      for (const { slot, controls } of bindings) writeSlot(slot, controls, answers);
      for (const { key, el } of notes) el.value = Object.hasOwn(noteValues, key) ? noteValues[key] : '';
    },
    setDisabled(disabled) {
      // Only the controls: a disabled fieldset would also take the scrollable tables out of reach.
      for (const el of form.elements) if (el.matches('input, textarea, select')) el.disabled = disabled;
      form.classList.toggle('instrument-form--alleen-lezen', disabled);
    },
    controlOf: (key) => bindings.find((b) => b.slot.key === key)?.controls[0] ?? null,
  };
}
