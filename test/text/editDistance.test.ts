/** Edit distance for typos in names (src/text/editDistance.ts). */
import { describe, expect, it } from 'vitest';
import { editDistance, typoBudget } from '../../src/text/editDistance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('witkof', 'witkoff')).toBe(1);
    expect(editDistance('zelenksy', 'zelensky')).toBe(1);
    expect(editDistance('kushner', 'kushnar')).toBe(1);
    expect(editDistance('macron', 'macron')).toBe(0);
  });

  it('stops early past the maximum', () => {
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no typo below 5 letters, 1 up to 7, 2 from 8', () => {
    expect([4, 5, 7, 8].map(typoBudget)).toEqual([0, 1, 1, 2]);
  });
});
