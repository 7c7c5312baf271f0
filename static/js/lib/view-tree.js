// A tiny description of HTML as data: h('p', { class: 'x' }, 'text', h('strong', {}, 'b')).
// The views are built as trees in pure modules (testable in node); the page turns a tree into
// DOM nodes with createElement and createTextNode only. Strings are always text, never markup:
// there is no innerHTML anywhere in the instruments.

export function h(tag, attrs = {}, ...children) {
  return { tag, attrs: attrs ?? {}, children: flatten(children) };
}

function flatten(children) {
  const out = [];
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === '') continue;
    if (Array.isArray(child)) out.push(...flatten(child));
    else if (typeof child === 'object') out.push(child);
    else out.push(String(child));
  }
  return out;
}

/** All text of a tree, for tests and for screen-reader summaries. */
export function textOf(node) {
  if (typeof node === 'string') return node;
  return node.children.map(textOf).join('');
}

/** Every node of a tree (depth first), for tests. */
export function nodesOf(node, out = []) {
  if (typeof node === 'string') return out;
  out.push(node);
  for (const child of node.children) nodesOf(child, out);
  return out;
}
