/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
 * letters each cost 1, so the typos people make in names ("witkof", "zelenksy") are one or two edits away.
 * With a `max`, a distance above it is returned as `max + 1` as soon as it is certain (a question's words
 * are checked against every name and word of the coverage: most are far, and are given up on early).
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  // Three rolling rows: the one before the previous (for swaps), the previous and the current.
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later cell comes from this row or the one before it, plus at least nothing: past `max` in both, it stays past.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** Edits allowed for a word of this length to count as a typo of another: none below 5 letters, 1 up to 7, 2 from 8. */
export function typoBudget(length: number): number {
  return length < 5 ? 0 : length < 8 ? 1 : 2;
}
