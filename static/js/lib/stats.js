// Small statistics shared by the kinds of instrument (no DOM): the group results of the
// workshop and the comparison with an earlier result use the same rounding everywhere.

/** `value` rounded to `decimals`, null stays null. */
export function round(value, decimals) {
  return value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
}

export function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Population standard deviation (÷ n: it describes this group), or null for an empty list. */
export function standardDeviation(values) {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

export function median(values) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * mean, deviation, lowest and highest of a list of percentages, unrounded: the views round when
 * they show a number (formatPercent, formatNumber), so no rounding ever feeds a computation.
 */
export function spreadOf(values) {
  return {
    n: values.length,
    mean: mean(values),
    sd: standardDeviation(values),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

/** lowest, median and highest of numbers that belong to participants ({ label, value }). */
export function numberStats(entries) {
  const values = entries.map((e) => e.value);
  return {
    values: entries,
    n: values.length,
    min: values.length ? Math.min(...values) : null,
    median: median(values),
    max: values.length ? Math.max(...values) : null,
  };
}

/** after − before to one decimal; null when either is missing. */
export function delta(before, after) {
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

/** count as a percentage of n with one decimal; null when n is 0. */
export function shareOf(count, n) {
  return n ? Math.round((count / n) * 1000) / 10 : null;
}
