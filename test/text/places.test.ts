import { describe, expect, it } from 'vitest';
import { placeKeys, placesIn } from '../../src/text/places.js';

describe('placesIn', () => {
  it('resolves aliases to one key: the UK, Britain, Great Britain, the United Kingdom, British', () => {
    const keys = ['the UK', 'Britain', 'Great Britain', 'the United Kingdom', 'British troops', 'the u.k.'].map((t) => placesIn(t).map((m) => m.key));
    expect(keys).toEqual([['GB'], ['GB'], ['GB'], ['GB'], ['GB'], ['GB']]);
    expect(placesIn('America and the US').map((m) => m.key)).toEqual(['US', 'US']);
  });

  it('reads countries and bodies in lower case, and names them for a reply', () => {
    expect(placesIn('did germany sign it too').map((m) => [m.key, m.name])).toEqual([['DE', 'Germany']]);
    expect(placesIn('is nato part of this?').map((m) => [m.key, m.name])).toEqual([['nato', 'NATO']]);
  });

  it('never reads a common word as a place: "us", "in", "me"', () => {
    expect(placesIn('tell us more about it, me and him in Paris')).toEqual([]);
  });

  it('reads "us", "un", "eu" in lower case after "the", as chat writes them', () => {
    expect(placesIn('what does the us do in all this').map((m) => [m.key, m.name])).toEqual([['US', 'US']]);
    expect(placesIn('is the eu part of it? and the un?').map((m) => m.key)).toEqual(['europe', 'un']);
    expect(placesIn('let us know')).toEqual([]);
  });

  it('keeps capitals and seats of government apart from their countries: the Kremlin is not Russia', () => {
    expect(placesIn('What did the Kremlin say?')).toEqual([]);
  });

  it('placeKeys: every country and body a text names', () => {
    expect([...placeKeys(['Britain and France signed', 'Russian strikes', 'the EU'])].sort()).toEqual(['FR', 'GB', 'RU', 'europe']);
  });
});
