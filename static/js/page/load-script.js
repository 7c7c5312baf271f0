// Loading a classic script on demand: the instruments' data scripts (instrumenten/ID.js), which
// the werkagenda and the workshop add only when they need them. A `<script src>` works from
// file://, where a fetch() of the JSON does not (origin null).

/** Add `<script src>` to the page; resolves to true when it ran, false when it failed. */
export function loadScript(src, doc = document) {
  return new Promise((resolve) => {
    const script = doc.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(true));
    script.addEventListener('error', () => resolve(false));
    doc.head.append(script);
  });
}

/**
 * The instrument `id` from its data script at `src`: at once when the page has it already,
 * else after loading the script. Resolves to the instrument, or null when it cannot be had.
 */
export async function loadInstrument(id, src, win = window, doc = document) {
  const known = () => win.leerrechtInstrumenten?.[id] ?? null;
  if (known()) return known();
  return (await loadScript(src, doc)) ? known() : null;
}
