// The per-theme bar chart as data (no DOM): positions in a 300-wide viewBox, the theme title above
// each bar so long titles wrap instead of being cut, the score after the bar, and a title and
// description that say in words what the chart shows. The page draws it as SVG; the table beside
// it carries the same numbers for everyone who cannot see the chart.

import { formatPercent } from './nl-format.js';

export const CHART = { width: 300, font: 13, line: 16, bar: 18, earlierBar: 9, gap: 16, valueSpace: 52, maxChars: 40 };

/** Greedy word wrap at `max` characters; a single long word stays whole. */
export function wrap(text, max = CHART.maxChars) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/**
 * themes: [{ title, score (0–100 or null), earlier? (0–100 or null) }]; `withEarlier` draws a
 * second, thinner bar per theme for the earlier result.
 */
export function barChart(themes, { title = 'Score per thema', withEarlier = false } = {}) {
  const c = CHART;
  const span = c.width - (withEarlier ? 2 * c.valueSpace : c.valueSpace);
  const scale = (v) => (v === null || v === undefined ? 0 : Math.max(0, Math.min(100, v)) / 100) * span;
  let y = 4;
  const rows = themes.map((theme) => {
    const labelLines = wrap(theme.title).map((text) => {
      y += c.line;
      return { text, x: 0, y: y - 4 };
    });
    y += 4;
    const bar = { x: 0, y, w: Math.round(scale(theme.score) * 10) / 10, h: c.bar };
    const track = { x: 0, y, w: span, h: c.bar };
    // Without a score the words "geen score" are wider than the room after the bar: they stand
    // in the empty track instead, where they were cut off at the chart's edge.
    const none = !Number.isFinite(theme.score);
    const value = { text: formatPercent(theme.score), x: none ? 6 : span + 6, y: y + c.bar - 5 };
    y += c.bar;
    let earlier = null;
    if (withEarlier) {
      y += 3;
      earlier = {
        bar: { x: 0, y, w: Math.round(scale(theme.earlier) * 10) / 10, h: c.earlierBar },
        track: { x: 0, y, w: span, h: c.earlierBar },
        value: { text: `eerder ${formatPercent(theme.earlier)}`, x: Number.isFinite(theme.earlier) ? span + 6 : 6, y: y + c.earlierBar },
      };
      y += c.earlierBar;
    }
    y += c.gap;
    return { title: theme.title, labelLines, bar, track, value, earlier };
  });
  const desc = themes
    .map((t) => `${t.title}: ${formatPercent(t.score)}${withEarlier ? ` (eerder ${formatPercent(t.earlier)})` : ''}.`)
    .join(' ');
  return { width: c.width, height: Math.max(y, 20), font: c.font, title, desc, rows };
}
