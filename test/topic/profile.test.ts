/** The topic profile (src/topic/profile.ts): what is specific to this topic, consistent with the general word lists. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeForms, placeKey } from '../../src/news/places.js';
import { roleOf } from '../../src/text/words/roles.js';
import { BODY_FORMS, COUNTRY_FORMS } from '../../src/text/words/places.js';
import { INSTITUTIONS, PLACE_FORMS, TOPIC_NAME } from '../../src/topic/profile.js';

describe('topic profile', () => {
  it('names the topic for front ends', () => {
    expect(TOPIC_NAME).toBe('the Paris Declaration');
  });

  it("gives each institution the office of a known role in a known place", () => {
    for (const def of INSTITUTIONS) {
      expect(roleOf(def.officeOf.head)?.head, def.name).toBe(def.officeOf.head);
      expect(Object.keys({ ...COUNTRY_FORMS, ...BODY_FORMS }), def.name).toContain(def.officeOf.place);
    }
  });

  it('adds its places to the countries they stand for: "Kyiv" is Ukraine, "Washington" the US', () => {
    for (const key of Object.keys(PLACE_FORMS)) expect(Object.keys(COUNTRY_FORMS)).toContain(key);
    expect(placeKey('Kyiv’s')).toBe('ukraine');
    expect(placeKey('Washington')).toBe('us');
    expect(placeKey('British')).toBe('britain');
    expect(placeForms('French')).toEqual(expect.arrayContaining(['france', 'french', 'paris']));
  });

  it('imports nothing: any module may depend on it', () => {
    const source = readFileSync(path.resolve(import.meta.dirname, '../../src/topic/profile.ts'), 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});
