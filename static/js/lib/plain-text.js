// Markdown as plain text, for places that show words without the handbook's links (the
// projector). No DOM.

/**
 * Markdown of an explanation as plain paragraphs: links become their text, emphasis and code
 * marks go, every list item is its own paragraph. The page has no Markdown renderer, and the
 * projector needs the words, not the links (they point into the handbook).
 */
export function plainParagraphs(markdown) {
  const inline = (text) =>
    text
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/\*(\S(?:[^*]*\S)?)\*/g, '$1')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
  const out = [];
  for (const block of String(markdown ?? '').split(/\n\s*\n/)) {
    let paragraph = [];
    const flush = () => {
      const text = inline(paragraph.join(' '));
      if (text) out.push(text);
      paragraph = [];
    };
    for (const line of block.split('\n')) {
      const bullet = /^\s{0,3}([-*+]|\d+[.)])\s+(.*)$/.exec(line);
      if (bullet) {
        flush();
        paragraph.push(bullet[2]);
      } else {
        paragraph.push(line.replace(/^\s{0,3}(#{1,6}|>)\s*/, ''));
      }
    }
    flush();
  }
  return out;
}
