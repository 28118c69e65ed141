/**
 * The speakers: the directory of people and institutions (see directory.ts), finding the one a
 * question means ("Kushner", "Mr Kushner", "Trump's son-in-law", "the PM", "Zelenskyy", "Starmer's"),
 * and the speakers list.
 */
import { isDictionaryWord } from '../text/english.js';
import { editDistance, typoBudget } from '../text/editDistance.js';
import { foldName, stripPossessive } from '../text/fold.js';
import { alternation } from '../text/patterns.js';
import { STOPWORDS, wordSpans, words } from '../text/tokens.js';
import { isFirstNameHonorific } from '../text/words/honorifics.js';
import { roleOf, roleWordings } from '../text/words/roles.js';
import type { ArticleMeta, Passage } from '../types.js';
import { buildDirectory, type SpeakerDirectory, type SpeakerEntry } from './directory.js';
import type { StatementGroup } from './groupStatements.js';
import { findMentions } from './mentions.js';
import { placeKey } from './places.js';
import { roleHead } from './roles.js';

export type { SpeakerDirectory, SpeakerEntry } from './directory.js';

/** A person or body quoted in the coverage, as the speakers list shows them. */
export interface Speaker {
  id: string;
  name: string;
  role: string | null;
  statements: number;
  outlets: string[];
}

export interface SpeakerMatch {
  entry: SpeakerEntry;
  via: 'name' | 'role' | 'institution';
  /** The words of the query that named them. */
  text: string;
}

/** People and institutions the coverage names, with aliases and roles, derived from the passages. */
export function buildSpeakerDirectory(articles: ArticleMeta[], passages: Passage[]): SpeakerDirectory {
  return buildDirectory(articles, passages);
}

/** Role wordings a question may name someone by, longest first; "PM" reads as "prime minister". */
const QUERY_ROLE = new RegExp(
  `((?:[\\p{L}’'-]+\\s+){0,3}?)(${alternation(roleWordings((r) => r.asked === true, true).map((w) => w.wording.toLowerCase()))})(?![\\p{L}-])`,
  'iu',
);

/** Roles a question may give an owner ("Trump's son-in-law", "Macron's office"): they mean the holder, not the owner. */
const OWNED_ROLE = new RegExp(
  `\\p{L}['’]s\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${alternation(roleWordings((r) => r.owned === true).map((w) => w.wording.toLowerCase()))
    .replace(/-/g, '[\\s-]')})\\b`,
  'iu',
);

/** Hyphenated roles as people type them: "son in law". */
const SPACED_ROLES: [RegExp, string][] = roleWordings()
  .map(({ wording }) => wording)
  .filter((w) => w.includes('-'))
  .map((w) => [new RegExp(`\\b${w.replace(/-/g, '\\s+')}\\b`, 'gi'), w]);

/** Does this role phrase fit the query's head noun and qualifiers ("Trump's", "French", "US")? */
function roleFits(role: string, head: string, qualifiers: string[], placeKnownOnly = true): boolean {
  const h = roleHead(role);
  const roleWords = new Set(words(role).map(foldName));
  // "the UK Prime Minister's office" is an office, not a prime minister.
  if (/['’]s office\b/i.test(role) && head !== 'office') return false;
  const headFits = h?.head === head || (head.includes(' ') ? role.toLowerCase().includes(head) : roleWords.has(head));
  if (!headFits) return false;
  return qualifiers.every((q) => {
    const place = placeKey(q);
    if (place !== undefined) {
      const rolePlaces = [h?.place ?? null, ...[...roleWords].map((w) => placeKey(w) ?? null)].filter((p) => p !== null);
      // Lenient pass: a role that names no place at all ("Prime Minister") does not contradict "British".
      return rolePlaces.includes(place) || (!placeKnownOnly && rolePlaces.length === 0);
    }
    return roleWords.has(foldName(q));
  });
}

/** "Trump's son-in-law", "the PM", "the French president", "the US envoy": the one entry whose roles fit. */
function byRole(rawQuery: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const query = SPACED_ROLES.reduce((q, [re, hyphenated]) => q.replace(re, hyphenated), rawQuery);
  const m = QUERY_ROLE.exec(query);
  if (!m) return null;
  const raw = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const role = roleOf(raw);
  const head = role?.head ?? raw;
  // "the Ukrainian leader": whoever holds one of the roles a leader is.
  const heads = role?.means ?? [head];
  const fitsRole = (r: string, qs: string[], placeKnownOnly = true) => heads.some((h) => roleFits(r, h, qs, placeKnownOnly));
  const raws = (m[1] ?? '').split(/\s+/).filter((w) => w !== '');
  const keep = (w: string) => w !== '' && !STOPWORDS.has(w) && !/^(?:what|who|how|did|does|was|were|by|from)$/.test(w);
  const qualifiers = raws.map((w) => stripPossessive(w).toLowerCase()).filter(keep);
  // Owners ("Trump's middle east envoy"): the coverage may name the owner elsewhere ("his special envoy").
  const unowned = raws.filter((w) => !/['’]s$/.test(w)).map((w) => w.toLowerCase()).filter(keep);
  // "special envoy": a wording that qualifies its role's head adds its qualifier.
  if (raw !== head && raw.endsWith(` ${head}`)) qualifiers.push(...raw.slice(0, -head.length - 1).split(' '));
  let fits = directory.entries.filter((e) => e.roles.some((r) => fitsRole(r, qualifiers)));
  if (fits.length === 0) fits = directory.entries.filter((e) => e.roles.some((r) => fitsRole(r, qualifiers, false)));
  if (fits.length === 0 && unowned.length < qualifiers.length) {
    fits = directory.entries.filter((e) => e.roles.some((r) => fitsRole(r, unowned, false)));
  }
  // "the French leader": the French President, not "the official residence of the French president".
  if (fits.length > 1) fits = fits.filter((e) => e.roles.some((r) => heads.includes(roleHead(r)?.head ?? '')));
  if (fits.length !== 1 || !fits[0]) return null;
  return { entry: fits[0], via: 'role', text: `${m[1] ?? ''}${m[2] ?? ''}`.trim() };
}

/**
 * The directory's names hashed, built once per directory (not per question): the first institution and the
 * first person (in directory order) holding each key, people by surname and by first name, and the typo
 * look-ups already made (a question's words recur from question to question).
 */
interface NameLookups {
  institutionByKey: Map<string, SpeakerEntry>;
  personByKey: Map<string, SpeakerEntry>;
  bySurname: Map<string, SpeakerEntry[]>;
  byFirst: Map<string, SpeakerEntry[]>;
  typos: Map<string, SpeakerEntry | null>;
}

const LOOKUPS = new WeakMap<SpeakerDirectory, NameLookups>();
/** Typo look-ups kept per directory, at most. */
const TYPO_MEMO = 10_000;

function lookupsOf(directory: SpeakerDirectory): NameLookups {
  let found = LOOKUPS.get(directory);
  if (found) return found;
  found = { institutionByKey: new Map(), personByKey: new Map(), bySurname: new Map(), byFirst: new Map(), typos: new Map() };
  const push = (map: Map<string, SpeakerEntry[]>, key: string, e: SpeakerEntry): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of directory.entries) {
    const byKey = e.kind === 'institution' ? found.institutionByKey : e.kind === 'person' ? found.personByKey : null;
    if (byKey) for (const key of e.keys) if (!byKey.has(key)) byKey.set(key, e);
    if (e.kind !== 'person') continue;
    push(found.bySurname, e.surname, e);
    if (e.first !== null) push(found.byFirst, e.first, e);
  }
  LOOKUPS.set(directory, found);
  return found;
}

/** A misspelt surname ("witkof", "zelenksy"): the one person whose surname is within the typo budget. */
function typoMatch(key: string, directory: SpeakerDirectory): SpeakerEntry | null {
  const budget = typoBudget(key.length);
  if (budget === 0) return null;
  const { typos } = lookupsOf(directory);
  const known = typos.get(key);
  if (known !== undefined) return known;
  const near = directory.entries.filter((e) => e.kind === 'person' && e.surname.length >= 5 && editDistance(key, e.surname, budget) <= budget);
  const match = near.length === 1 ? near[0]! : null;
  if (typos.size >= TYPO_MEMO) typos.clear();
  typos.set(key, match);
  return match;
}

/** Names in any case: full names, surnames, "Sir"/"Dame" + first name, institution names, surnames with a typo. */
/** The one person whose first name a word shortens ("vlad" for Vladimir), when the word is no English word. */
export function shortenedFirstName(word: string, directory: SpeakerDirectory): SpeakerEntry | null {
  const key = foldName(word);
  if (key.length < 4 || isDictionaryWord(key)) return null;
  const found = directory.entries.filter((e) => e.kind === 'person' && e.first !== null && e.first.length > key.length && e.first.startsWith(key));
  return found.length === 1 ? found[0]! : null;
}

function byName(query: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const lookups = lookupsOf(directory);
  const ws = wordSpans(query).map((t) => t.text);
  const keyAt = (i: number, n: number): string => foldName(ws.slice(i, i + n).join(' '));
  for (let i = 0; i < ws.length; i++) {
    for (const n of [3, 2, 1]) {
      if (i + n > ws.length) continue;
      const key = keyAt(i, n);
      if (n === 1 && (STOPWORDS.has(key) || key.length < 3)) continue;
      const text = ws.slice(i, i + n).join(' ');
      const institution = lookups.institutionByKey.get(key);
      if (institution) return { entry: institution, via: 'institution', text };
      const full = lookups.personByKey.get(key);
      if (full) return { entry: full, via: 'name', text };
      if (n !== 1) continue;
      const bySurname = lookups.bySurname.get(key) ?? [];
      if (bySurname.length === 1 && bySurname[0]) return { entry: bySurname[0], via: 'name', text };
      const typo = typoMatch(key, directory);
      if (typo) return { entry: typo, via: 'name', text };
      // A first name shortened ("vlad" for Vladimir), when it is no English word and fits one person only.
      const shortened = shortenedFirstName(key, directory);
      if (shortened) return { entry: shortened, via: 'name', text };
      const knighted = isFirstNameHonorific(ws[i - 1] ?? '', true);
      const byFirst = lookups.byFirst.get(key) ?? [];
      if (knighted && byFirst.length === 1 && byFirst[0]) return { entry: byFirst[0], via: 'name', text: `${ws[i - 1]} ${text}` };
    }
  }
  return null;
}

/**
 * The person or institution a query names, or null. A role owned by a name ("Trump's son-in-law")
 * means the role's holder, not the owner; otherwise names win over roles.
 */
export function resolveSpeaker(query: string, directory: SpeakerDirectory): SpeakerMatch | null {
  const owned = OWNED_ROLE.test(query);
  if (owned) {
    const role = byRole(query, directory);
    if (role) return role;
  }
  const name = byName(query, directory);
  if (name) return name;
  const mention = findMentions(query, directory)[0];
  if (mention) return { entry: mention.entry, via: mention.via, text: query.slice(mention.start, mention.end) };
  return byRole(query, directory);
}

/**
 * The speakers list: everyone with at least one statement, by number of distinct statements (a
 * statement carried by several outlets counts once), then by name. Outlets are those carrying their statements.
 */
export function listSpeakers(directory: SpeakerDirectory, groups: StatementGroup[], articles: ArticleMeta[]): Speaker[] {
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
  // Each speaker's groups in order, listed once (not filtered out of every group for every entry).
  const bySpeaker = new Map<string, StatementGroup[]>();
  for (const g of groups) {
    const list = bySpeaker.get(g.speakerId);
    if (list) list.push(g);
    else bySpeaker.set(g.speakerId, [g]);
  }
  const out: Speaker[] = [];
  for (const entry of directory.entries) {
    const own = bySpeaker.get(entry.id) ?? [];
    if (own.length === 0) continue;
    const outlets = [...new Set(own.flatMap((g) => g.articleIds.map((id) => outletOf.get(id) ?? id)))].sort();
    out.push({ id: entry.id, name: entry.name, role: entry.role, statements: own.length, outlets });
  }
  return out.sort((a, b) => b.statements - a.statements || a.name.localeCompare(b.name));
}
