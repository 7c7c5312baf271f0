// How far a form is filled in, for the progress line that stays in view on long instruments
// (issue 12): "12 van 33 beantwoord", and which question is the next open one. No DOM.
//
// A flag (a routekaart step's "op papier" tick) is never open: not ticking it is an answer.

/** The slots that ask for an answer, in form order. */
function askable(slots) {
  return slots.filter((s) => s.type !== 'flag');
}

/** { answered, total } over the slots that ask for an answer. */
export function progressOf(slots, answers) {
  const asked = askable(slots);
  return { answered: asked.filter((s) => Object.hasOwn(answers, s.key)).length, total: asked.length };
}

/**
 * The next open slot after the slot with key `after` (from the top when `after` is null or not
 * an askable slot), wrapping round to the start; null when nothing is open.
 */
export function nextOpen(slots, answers, after = null) {
  const asked = askable(slots);
  const start = asked.findIndex((s) => s.key === after) + 1;
  for (let i = 0; i < asked.length; i += 1) {
    const slot = asked[(start + i) % asked.length];
    if (!Object.hasOwn(answers, slot.key)) return slot;
  }
  return null;
}

/** "12 van 33 beantwoord", or "Alles beantwoord (33)". */
export function progressText({ answered, total }) {
  return answered >= total ? `Alles beantwoord (${total})` : `${answered} van ${total} beantwoord`;
}
