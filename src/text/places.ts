/**
 * Countries and international bodies by every name copy gives them, each under one key, so that a question
 * naming "Great Britain" or "the US" is covered by coverage that says "Britain" or "America", and one naming
 * Germany or NATO (in any case) is known to ask about something the coverage never mentions. Country names
 * come from `i18n-iso-countries` (every ISO country with its English names and short forms); adjectives,
 * demonyms and bodies from the word lists (src/text/words/places.ts). Capitals and seats of government
 * ("Moscow", "the Kremlin") are not forms of their countries here: a question about the Kremlin is not
 * answered by coverage that says "Russia".
 */
import { createRequire } from 'node:module';
import { BODY_FORMS, COUNTRY_FORMS } from './words/places.js';

/**
 * The package's English names, read straight from its data file: `getNames('en', { select: 'all' })` gives the
 * same lists, but loading the package's entry point (every code table) costs about 0.3 s of start-up.
 */
const ENGLISH = createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as { countries: Record<string, string | string[]> };

/** Short forms that are also words or read ambiguously in lower case: a place only when written in capitals ("US", "UN"). */
const NOT_A_PLACE = new Set(['us', 'un', 'eu', 'gb']);

function forms(): Map<string, string> {
  const out = new Map<string, string>();
  const add = (key: string, form: string) => {
    const f = form.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
    if (f !== '' && !out.has(f)) out.set(f, key);
  };
  for (const [code, names] of Object.entries(ENGLISH.countries)) for (const n of typeof names === 'string' ? [names] : names) add(code, n);
  // Adjectives and demonyms (src/text/words/places.ts) join the country whose name they list.
  for (const names of Object.values(COUNTRY_FORMS)) {
    const code = names.map((n) => out.get(n)).find((c) => c !== undefined);
    if (code) for (const n of names) add(code, n);
  }
  for (const [key, names] of Object.entries(BODY_FORMS)) for (const n of names) add(key, n);
  return out;
}

const FORMS = forms();
/** Forms by their first word, longest first, so "united kingdom" wins over a shorter form inside it. */
const BY_FIRST_WORD = new Map<string, string[][]>();
for (const form of [...FORMS.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length)) {
  const parts = form.split(' ');
  BY_FIRST_WORD.set(parts[0]!, [...(BY_FIRST_WORD.get(parts[0]!) ?? []), parts]);
}

export interface PlaceMention {
  /** As the question writes it. */
  text: string;
  key: string;
  /** As a reply should write it: "germany" -> "Germany", "nato" -> "NATO". */
  name: string;
}

/** Whether a mention names a country (not an international body such as the EU or NATO). */
export function isCountry(mention: PlaceMention): boolean {
  return !(mention.key in BODY_FORMS);
}

/** A place's name for a reply: as written when capitalised, else capitalised (acronyms of bodies in capitals). */
function displayName(written: string, key: string): string {
  if (/\p{Lu}/u.test(written)) return written;
  // Abbreviations: "nato" -> NATO, "us" -> US (no country's name is three letters or fewer).
  if ((key in BODY_FORMS && written.length <= 5) || written.length <= 3) return written.toUpperCase();
  return written.replace(/(^|\s)(\p{Ll})/gu, (_m, space: string, c: string) => `${space}${c.toUpperCase()}`);
}

/** Countries and bodies a text names ("Great Britain" -> GB, "nato" -> nato); ambiguous two-letter forms only when written in capitals. */
export function placesIn(text: string): PlaceMention[] {
  const words = text.split(/[^\p{L}\p{N}.]+/u).map((w) => w.replace(/\./g, '')).filter((w) => w.length > 0);
  const lower = words.map((w) => w.toLowerCase());
  const out: PlaceMention[] = [];
  for (let i = 0; i < lower.length; i++) {
    for (const parts of BY_FIRST_WORD.get(lower[i]!) ?? []) {
      const form = parts.join(' ');
      if (parts.some((p, k) => lower[i + k] !== p)) continue;
      const written = words.slice(i, i + parts.length).join(' ');
      // "us", "un": a place only as "US", "UN", or after "the" in any case ("what does the us do").
      const capitals = written.length <= 3 && written === written.toUpperCase() && written.length > 1;
      if (parts.length === 1 && NOT_A_PLACE.has(form) && !capitals && lower[i - 1] !== 'the') continue;
      out.push({ text: written, key: FORMS.get(form)!, name: displayName(written, FORMS.get(form)!) });
      i += parts.length - 1;
      break;
    }
  }
  return out;
}

/** The keys of every country and body a body of text names: what the coverage mentions, once per load. */
export function placeKeys(texts: Iterable<string>): Set<string> {
  const keys = new Set<string>();
  for (const t of texts) for (const m of placesIn(t)) keys.add(m.key);
  return keys;
}
