/**
 * What is specific to this topic, in one place: the topic's name, the institutions that speak in its
 * coverage, and the places its coverage uses for countries. Everything general (honorifics, roles,
 * speech verbs, country names) is in src/text/words/. Data only: imports nothing, so any module of the
 * pipeline may import it. Another topic means another profile.
 */

/** The topic's display name, for front ends: "What did the coverage of the Paris Declaration say?". */
export const TOPIC_NAME = 'the Paris Declaration';

/**
 * Words readers use for the event the coverage is about ("what did Zelensky say about the announcement?"): a statement
 * on the event is on them, whatever its words. Data only.
 */
export const EVENT_NOUNS: readonly string[] = ['announcement', 'declaration', 'deal', 'agreement', 'pact', 'accord', 'summit', 'meeting', 'talks', 'signing', 'news', 'outcome', 'result', 'results', 'event', 'thing', 'whole thing', 'plan', 'plans'];

/** The role an institution is the office of: "Starmer's office" is Downing Street when Starmer is the prime minister. */
export interface OfficeOf {
  /** A role head from src/text/words/roles.ts: "prime minister", "president". */
  head: string;
  /** A place key from src/text/words/places.ts: "britain", "france". */
  place: string;
}

export interface InstitutionDef {
  name: string;
  role: string;
  /** Every name it goes by in copy, diacritics included where copy writes them. */
  aliases: readonly string[];
  officeOf: OfficeOf;
}

/** Offices that speak in this coverage, with the names they go by. */
export const INSTITUTIONS: readonly InstitutionDef[] = [
  {
    name: 'Downing Street',
    role: "the UK Prime Minister's office",
    aliases: ['Downing Street', 'Number 10', 'Number Ten', 'No 10', 'No. 10', 'No10'],
    officeOf: { head: 'prime minister', place: 'britain' },
  },
  {
    name: 'Elysee',
    role: "the French president's office",
    aliases: ['Elysee Palace', 'Élysée Palace', 'Elysee', 'Élysée'],
    officeOf: { head: 'president', place: 'france' },
  },
  {
    name: 'White House',
    role: "the US president's office",
    aliases: ['White House'],
    officeOf: { head: 'president', place: 'us' },
  },
  {
    name: 'Kremlin',
    role: "the Russian president's office",
    aliases: ['Kremlin'],
    officeOf: { head: 'president', place: 'russia' },
  },
];

/**
 * Places this coverage uses for a country, keyed like src/text/words/places.ts: the capitals stand for
 * their governments the way news copy uses them ("Kyiv's head of state", "Moscow's leader", "London
 * will keep kitting out Kyiv's soldiers"), and so does the seat of a government readers name for it ("what is the
 * Kremlin accused of"). Extend when the corpus grows.
 */
export const PLACE_FORMS: Readonly<Record<string, readonly string[]>> = {
  ukraine: ['kyiv', 'kiev'],
  france: ['paris'],
  britain: ['london'],
  russia: ['moscow', 'kremlin'],
  denmark: ['copenhagen'],
  us: ['washington', 'florida'],
};

/**
 * What people call the topic's public figures besides what the coverage writes: nicknames and relations readers know
 * ("Manu" is Emmanuel Macron, "Ivanka's husband" Jared Kushner). A question's phrase is read as the full name, when the
 * coverage names that person. Lower case, whole words; an apostrophe matches either kind.
 */
export const KNOWN_AS: Readonly<Record<string, readonly string[]>> = {
  'Emmanuel Macron': ['manu'],
  'Keir Starmer': ['starmzy', 'sks', 'the labour leader', 'labour leader'],
  'Vladimir Putin': ['vlad', 'team vlad', 'pootin'],
  'Donald Trump': ['the donald', 'djt', 'trumpy'],
  'Jared Kushner': ["ivanka's husband", 'ivankas husband', "ivanka trump's husband"],
};
