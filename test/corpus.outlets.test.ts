/** The one outlet list and the one name for an unknown outlet (src/corpus/outlets.ts). */
import { describe, expect, it } from 'vitest';
import { UNKNOWN_OUTLET, outletList, outletName } from '../src/corpus/outlets.js';

describe('outlets', () => {
  it('lists each outlet once, in alphabetical order', () => {
    expect(outletList([{ outlet: 'LBC' }, { outlet: 'A News' }, { outlet: 'LBC' }, { outlet: 'The Independent' }])).toEqual(['A News', 'LBC', 'The Independent']);
    expect(outletList(new Map([['a', { outlet: 'LBC' }]]).values())).toEqual(['LBC']);
  });

  it('names an article the index has no record of "Unknown outlet"', () => {
    expect(outletName({ outlet: 'LBC' })).toBe('LBC');
    expect(outletName(undefined)).toBe(UNKNOWN_OUTLET);
    expect(UNKNOWN_OUTLET).toBe('Unknown outlet');
  });
});
