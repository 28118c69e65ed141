/** The word lists (src/text/words/): data, and the small look-ups built on them. */
import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS } from '../../src/text/words/abbreviations.js';
import { HONORIFICS, isFirstNameHonorific, isHonorific } from '../../src/text/words/honorifics.js';
import { BODY_FORMS, COUNTRY_FORMS } from '../../src/text/words/places.js';
import { ROLE_NOUNS, ROLES, TITLE_WORDS, roleOf } from '../../src/text/words/roles.js';
import { SPEECH_VERBS, STATEMENT_NOUNS, verbForms } from '../../src/text/words/speechVerbs.js';
import { STOPWORDS } from '../../src/text/words/stopwords.js';

describe('honorifics', () => {
  it('lists the honorifics once, for every rule that reads names', () => {
    for (const h of ['Mr', 'Mrs', 'Ms', 'Sir', 'Dame', 'Dr']) expect(isHonorific(h), h).toBe(true);
    expect(isHonorific('President')).toBe(false);
    expect(isFirstNameHonorific('Sir')).toBe(true);
    expect(isFirstNameHonorific('Mr')).toBe(false);
    expect(ABBREVIATIONS).toEqual(expect.arrayContaining(['Mr', 'Mrs', 'Ms', 'Dr']));
  });
});

describe('roles', () => {
  it('reads every wording of a role as its head: "PM" and "premier" are the prime minister', () => {
    expect(roleOf('PM')?.head).toBe('prime minister');
    expect(roleOf('premier')?.head).toBe('prime minister');
    expect(roleOf('Prime  Minister')?.head).toBe('prime minister');
    expect(roleOf('head of state')?.head).toBe('president');
    expect(roleOf('special envoy')?.head).toBe('envoy');
    expect(roleOf('advisor')?.head).toBe('adviser');
    expect(roleOf('defense secretary')?.head).toBe('defence secretary');
    expect(roleOf('weather')).toBeUndefined();
  });

  it('takes a capitals-only alias in copy only when written in capitals ("5 pm" is a time)', () => {
    expect(roleOf('PM', true)?.head).toBe('prime minister');
    expect(roleOf('pm', true)).toBeUndefined();
    expect(roleOf('pm')?.head).toBe('prime minister');
  });

  it('builds the title words and one-word role nouns from the roles', () => {
    for (const w of ['President', 'Prime', 'Minister', 'PM', 'Foreign', 'Secretary', 'Special', 'Vice', 'Deputy']) expect(TITLE_WORDS.has(w), w).toBe(true);
    for (const w of ['president', 'envoy', 'son-in-law', 'pm', 'premier', 'adviser', 'advisor', 'office']) expect(ROLE_NOUNS.has(w), w).toBe(true);
    expect(ROLE_NOUNS.has('prime minister')).toBe(false);
    const heads = ROLES.map((r) => r.head);
    expect(new Set(heads).size).toBe(heads.length);
  });
});

describe('speech verbs', () => {
  it('gives each verb all its forms, multi-word verbs included', () => {
    expect(verbForms(SPEECH_VERBS.filter((v) => v.base === 'say'))).toEqual(['say', 'says', 'said', 'saying']);
    expect(verbForms(SPEECH_VERBS.filter((v) => v.base === 'speak'))).toEqual(['speak', 'speaks', 'spoke', 'spoken', 'speaking']);
    expect(verbForms(SPEECH_VERBS.filter((v) => v.base === 'make it clear'), ['past'])).toEqual(['made it clear']);
    expect(STATEMENT_NOUNS).toContain('remark');
  });

  it('puts the reporting filler ("said", "told", "added") and honorifics among the stopwords', () => {
    for (const w of ['said', 'told', 'added', 'mr', 'sir', 'the', 'really']) expect(STOPWORDS.has(w), w).toBe(true);
    expect([...HONORIFICS].filter((h) => STOPWORDS.has(h.toLowerCase()))).toEqual(['Mr', 'Mrs', 'Ms', 'Sir']);
  });
});

describe('countries and bodies', () => {
  it('lists the general names of each country and body under one key, each form once', () => {
    expect(COUNTRY_FORMS.britain).toEqual(expect.arrayContaining(['uk', 'united kingdom', 'britain', 'great britain', 'british']));
    expect(COUNTRY_FORMS.us).toEqual(expect.arrayContaining(['us', 'united states', 'america', 'american']));
    expect(BODY_FORMS.europe).toEqual(expect.arrayContaining(['eu', 'european union']));
    const forms = [...Object.values(COUNTRY_FORMS), ...Object.values(BODY_FORMS)].flat();
    expect(new Set(forms).size).toBe(forms.length);
  });
});
