// The search box: loads the index manifest and the engine (zoekmachine.js) on first use, and
// then only the shards of the index that a query needs (zoekindex/t3.js, …), all as classic
// scripts, which work from file:// where fetch() does not; then shows results as an
// accessible combobox with a listbox: arrow keys move, Enter opens, Escape closes. Only this
// small file loads with every page (the build leaves its comments out).

const INDEX = 'leerrechtZoekindex';
const ENGINE = 'leerrechtZoekmachine';
const PARTS = 'leerrechtZoekdelen';
// The pause after a keystroke before a search runs: a burst of keys (a word the keyboard
// completes, a very fast typist) makes one search, not one per letter. Most people type a key
// every 120–250 ms, so any pause shorter than that already searches after each of their keys,
// and a longer one only makes everyone wait: on a 10 000-page handbook 120 ms was a third of
// the time to a first search's results, and 80 ms most of the wait once the index is loaded
// (bench/README.md).
const DELAY = 50;

/** Load a classic script once; resolves to what `read()` finds after it ran. */
function loadScript(src, read) {
  return new Promise((resolve, reject) => {
    if (read()) return resolve(read());
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => (read() ? resolve(read()) : reject(new Error('leeg')));
    script.onerror = () => reject(new Error('niet geladen'));
    document.head.append(script);
  });
}

// The box itself: built here rather than sent in every page, since without this script it could
// not search. The place it goes in keeps the box's height from the first paint (search.css).
const BOX =
  '<label class="site-search__label" for="zoekveld">Zoeken in het handboek</label>' +
  '<input class="site-search__input" id="zoekveld" type="search" placeholder="Zoeken in het handboek" autocomplete="off" spellcheck="false" ' +
  'role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="zoekresultaten" aria-describedby="zoekuitleg">' +
  '<p class="visueel-verborgen" id="zoekuitleg">Resultaten verschijnen terwijl je typt. Kies met de pijltjestoetsen en Enter.</p>' +
  '<ul class="site-search__results" id="zoekresultaten" role="listbox" aria-label="Zoekresultaten" hidden></ul>' +
  '<p class="visueel-verborgen" id="zoekstatus" role="status" aria-live="polite"></p>';

function start() {
  const box = document.querySelector('.site-search');
  if (!box) return;
  box.setAttribute('role', 'search');
  box.innerHTML = BOX;
  const input = box.querySelector('#zoekveld');
  const list = box.querySelector('#zoekresultaten');
  const status = box.querySelector('#zoekstatus');
  const root = box.dataset.root ?? '';
  let loading = null;
  let results = [];
  let active = -1;
  let timer = 0;

  // A shard of the index, loaded when a query first needs it.
  const part = (name) => loadScript(`${root}zoekindex/${name}.js`, () => window[PARTS]?.[name]);
  const load = () => {
    loading ??= Promise.all([loadScript(`${root}search-index.js`, () => window[INDEX]), loadScript(`${root}js/zoekmachine.js`, () => window[ENGINE])]).then(
      ([data, engine]) => engine.open(data, part),
    );
    return loading;
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (i) => {
    const items = list.querySelectorAll('[role="option"]');
    items.forEach((el, n) => el.setAttribute('aria-selected', String(n === i)));
    active = i;
    if (i >= 0 && items[i]) {
      input.setAttribute('aria-activedescendant', items[i].id);
      items[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const option = (result, i) => {
    const li = document.createElement('li');
    li.id = `zoekresultaat-${i}`;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', 'false');
    li.className = 'site-search__result';
    // An option may not hold a link (nested interactive controls); Enter and a click open it.
    li.dataset.href = root + result.url;
    const link = document.createElement('span');
    link.className = 'site-search__link';
    const title = document.createElement('span');
    title.className = 'site-search__title';
    title.textContent = result.heading ? `${result.title} › ${result.heading}` : result.title;
    link.append(title);
    if (result.section) {
      const section = document.createElement('span');
      section.className = 'site-search__section';
      section.textContent = result.section;
      link.append(section);
    }
    const text = document.createElement('span');
    text.className = 'site-search__snippet';
    for (const part of result.snippet) {
      const el = part.mark ? document.createElement('mark') : document.createTextNode(part.text);
      if (part.mark) el.textContent = part.text;
      text.append(el);
    }
    link.append(text);
    li.append(link);
    li.addEventListener('mousedown', (e) => e.preventDefault());
    return li;
  };

  /** The results found so far (also when the list opens again with a key). */
  const show = (query) => {
    list.replaceChildren(...results.map(option));
    if (results.length === 0) {
      const li = document.createElement('li');
      li.className = 'site-search__empty';
      li.textContent = `Geen resultaten voor “${query}”. Probeer een ander of korter woord.`;
      list.append(li);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
  };

  // Each search gets a number; a search that a newer one has overtaken stops showing.
  let latest = 0;
  const run = () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === '') {
      results = [];
      status.textContent = '';
      close();
      return;
    }
    const current = () => ticket === latest;
    load()
      .then((index) => index.results(query, 10))
      .then(async (pending) => {
        // In rank order, each as soon as it and those above it have their text: the first
        // results are on screen while the shards of the others still load. Until then the
        // list (and the keys) keep the results of the query before.
        const found = [];
        // A result whose shard fails stops the list below; the ones after it need no handler.
        for (const next of pending) next.catch(() => {});
        for (const next of pending) {
          const result = await next;
          if (!current()) return;
          found.push(result);
          results = found;
          show(query);
        }
        if (!current()) return;
        if (found.length === 0) {
          results = found;
          show(query);
        }
        const n = found.length;
        status.textContent = n === 0 ? `Geen resultaten voor ${query}.` : `${n} ${n === 1 ? 'resultaat' : 'resultaten'} voor ${query}.`;
      })
      .catch(() => {
        if (current()) status.textContent = 'Zoeken lukt nu niet: de zoekindex kon niet worden geladen.';
      });
  };

  input.addEventListener('focus', () => load().catch(() => {}), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY);
    // The index's shards for this word load during the pause (prefetch() in the engine).
    loading?.then((index) => index.prefetch?.(input.value)).catch(() => {});
  });
  input.addEventListener('keydown', (e) => {
    const count = results.length;
    if (e.key === 'ArrowDown' && count) {
      e.preventDefault();
      if (list.hidden) show(input.value.trim());
      setActive((active + 1) % count);
    } else if (e.key === 'ArrowUp' && count) {
      e.preventDefault();
      setActive(active <= 0 ? count - 1 : active - 1);
    } else if (e.key === 'Enter') {
      const target = active >= 0 ? results[active] : results[0];
      if (target && !list.hidden) {
        e.preventDefault();
        window.location.href = root + target.url;
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) close();
      else input.value = '';
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (li) window.location.href = li.dataset.href;
  });
}

start();
