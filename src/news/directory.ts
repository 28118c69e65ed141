/**
 * The people and institutions the coverage names, built from the text itself.
 *
 * People: a run of two or three capitalised words that is not made of ordinary words (the corpus
 * also writes "declaration" in lower case, so "Paris Declaration" is not a name), and that the text
 * treats as a person: a title or honorific in front ("French President Emmanuel Macron"), the subject
 * of a speech verb ("Steve Witkoff told"), a role around it ("Jared Kushner, the US President's
 * son-in-law"), or its surname elsewhere after Mr/Mrs/Ms/Sir/President ("Mr Kushner"). Spelling
 * variants meet through `foldName` (Zelensky / Zelenskyy). "Sir Keir" is read as Sir + first name.
 *
 * Institutions: the offices in the topic profile's `INSTITUTIONS` (src/topic/profile.ts, an alias table:
 * Number 10 is Downing Street, and "Starmer's office" or "the Prime Minister's office" is the office of
 * whoever holds its role), plus any body a statement or summary is credited to ("a statement from the
 * Kremlin"). An institution speaks for itself: a Downing Street statement is not put in the Prime
 * Minister's mouth. Honorifics, titles and speech verbs come from the word lists in src/text/words/.
 */
import type { ArticleMeta, Passage } from '../types.js';
import { foldName, stripDiacritics, stripPossessive } from '../text/fold.js';
import { alternation } from '../text/patterns.js';
import { WORD } from '../text/tokens.js';
import { FIRST_NAME_HONORIFICS, HONORIFICS, isFirstNameHonorific } from '../text/words/honorifics.js';
import { TITLE_WORDS } from '../text/words/roles.js';
import { ISSUED_BY_NOUNS } from '../text/words/speechVerbs.js';
import { INSTITUTIONS, type InstitutionDef } from '../topic/profile.js';
import { capitalisedRuns, isTitleOrPlace, type NameRun } from './names.js';
import { placeKey } from './places.js';
import { roleAtEnd, roleHead, rolesAt, type RoleHead } from './roles.js';
import { SPEECH_VERB } from './speechVerbs.js';

export { INSTITUTIONS } from '../topic/profile.js';

export type SpeakerKind = 'person' | 'institution';

export interface SpeakerEntry {
  /** Slug of the canonical name: `keir-starmer`, `downing-street`. */
  id: string;
  kind: SpeakerKind;
  /** Canonical name: the fullest form the coverage uses most, without honorifics. */
  name: string;
  /** Folded first name (people named in full), else null. */
  first: string | null;
  /** Folded surname; for an institution, its folded name. */
  surname: string;
  /** Folded full names and aliases that identify this entry. */
  keys: string[];
  /** Names as written in the coverage: "Sir Keir Starmer", "Sir Keir", "Starmer", "Mr Kushner". */
  aliases: string[];
  /** Roles the coverage gives, most often given first. */
  roles: string[];
  role: string | null;
  /** How many times the coverage names them. */
  mentions: number;
}

export interface SpeakerDirectory {
  entries: SpeakerEntry[];
}

/** "a statement issued by X", "a summary of the agreement released by the X", "a spokesman for X". */
const CREDITED_TO = new RegExp(
  String.raw`\b(?:${alternation(ISSUED_BY_NOUNS)})\s+(?:[\p{L}’'-]+\s+){0,6}?(?:by|from|for)\s+(?:the\s+)?((?:\p{Lu}[\p{L}’'‘-]*|\d+)(?:\s+(?:\p{Lu}[\p{L}’'‘-]*|\d+))*)`,
  'gu',
);

const PREPOSITION_BEFORE = /\b(?:from|by|of|in|at|to|with|for|on|about|between)\s+$/i;

export function slug(name: string): string {
  return stripDiacritics(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** "Sir Keir Starmer": a name written with the honorific that goes with the first name. */
const FIRST_NAME_HONORIFIC = new RegExp(`^(?:${alternation(FIRST_NAME_HONORIFICS)}) `);
/** What copy writes before a bare surname: the honorifics and "President" ("Mr Kushner", "President Macron"). */
const BEFORE_SURNAME: ReadonlySet<string> = new Set([...HONORIFICS, 'President']);
const TITLED = new RegExp(`^(?:${alternation(BEFORE_SURNAME)}) `);

interface PersonDraft {
  key: string;
  surfaces: Map<string, number>;
  roles: Map<string, number>;
  evidence: boolean;
  mentions: number;
}

/** A word's first letter is a lower-case one (\p{Ll}): ASCII told by its code, anything else by the pattern. */
function startsLowerCase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x61 && code <= 0x7a;
  return /^\p{Ll}/u.test(word);
}

/** Lower-case words of the corpus: a capitalised word also written in lower case is an ordinary word. */
function lowerCaseWords(passages: readonly { text: string }[]): Set<string> {
  const out = new Set<string>();
  // Each distinct text once (syndicated copies share theirs): the same words.
  // The matched words alone (`match` with the global pattern): no match object per word.
  for (const text of new Set(passages.map((p) => p.text))) for (const word of text.match(WORD) ?? []) if (startsLowerCase(word)) out.add(word.toLowerCase());
  return out;
}

/**
 * The corpus's lower-case words from the build before's (`before`), when every lower-case word of the passages that
 * went is also in one that came: then no word is lost, and the words are the build before's with those that came added
 * (exactly lowerCaseWords of the passages). Else null (which words went would take every other passage to tell).
 */
function lowerCaseSince(before: readonly string[], { gone, come }: { gone: readonly { text: string }[]; come: readonly { text: string }[] }): Set<string> | null {
  const came = lowerCaseWords(come);
  for (const word of lowerCaseWords(gone)) if (!came.has(word)) return null;
  const out = new Set(before);
  for (const word of came) out.add(word);
  return out;
}

/** Index of the first token of the name proper, after titles, honorifics and places (and an ordinary word opening a sentence). */
export function coreIndex(run: NameRun, ordinary: (w: string) => boolean): number {
  let i = 0;
  while (i < run.tokens.length - 1) {
    const t = run.tokens[i]?.text ?? '';
    if (!isTitleOrPlace(t) && !(i === 0 && ordinary(t))) break;
    if (t !== stripPossessive(t)) break;
    i++;
  }
  return i;
}

function isNameWord(word: string, ordinary: (w: string) => boolean): boolean {
  const bare = stripPossessive(word);
  return /^\p{Lu}\p{Ll}/u.test(bare) && !ordinary(bare) && !isTitleOrPlace(bare) && !/\d/.test(bare);
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function byCount(map: Map<string, number>): string[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([k]) => k);
}

/** Speaker-verb right after the run, and the run not the object of a preposition. */
function isSpeechSubject(text: string, run: NameRun): boolean {
  if (PREPOSITION_BEFORE.test(text.slice(Math.max(0, run.start - 12), run.start))) return false;
  const after = text.slice(run.end);
  const m = /^\s+/.exec(after);
  if (!m) return false;
  const rest = after.slice(m[0].length);
  const verb = new RegExp(SPEECH_VERB.source, 'y').exec(rest);
  return verb !== null;
}

/** Every institution's aliases, folded: asked for every capitalised run of the coverage. */
const INSTITUTION_ALIASES: ReadonlySet<string> = new Set(INSTITUTIONS.flatMap((d) => d.aliases.map(foldName)));

function isInstitutionAlias(words: string): boolean {
  return INSTITUTION_ALIASES.has(foldName(words));
}

/**
 * What one text adds to the people of the directory, as data (findPeople): a name of two or three words (its key, the
 * surface written, the roles around it, whether the text treats it as a person); a surname after an honorific or title
 * ("Mr Kushner": its key, the form written, whether the honorific goes with a first name); a longer run ("Middle East
 * Steve Witkoff": its words, and the roles around its last three and its last two). It depends on the text and on the
 * corpus's lower-case words only.
 */
export type PersonReading =
  | [kind: 0, key: string, surface: string, roles: string[], evidence: boolean]
  | [kind: 1, key: string, form: string, sir: boolean]
  | [kind: 2, words: string[], lastThree: string[], lastTwo: string[]];

/**
 * What the directory read in each distinct text of a build (`people`: its readings, in the order the build's passages
 * first give each text), under the corpus's lower-case words (`lowerCase`, sorted): saved with the build, so that the
 * next one reads only the texts that are new, and those that hold a word whose lower-case use changed.
 */
export interface DirectoryReadings {
  lowerCase: string[];
  people: PersonReading[][];
}

/** What a text adds to the people of the directory (see PersonReading), `ordinary` telling the corpus's ordinary words. */
function readPeople(text: string, ordinary: (w: string) => boolean): PersonReading[] {
  const readings: PersonReading[] = [];
  const runs = capitalisedRuns(text);
  runs.forEach((run, r) => {
    const ci = coreIndex(run, ordinary);
    const core = run.tokens.slice(ci).map((t) => stripPossessive(t.text));
    const titles = run.tokens.slice(0, ci).map((t) => t.text);
    const titled = titles.some((t) => HONORIFICS.has(t) || TITLE_WORDS.has(stripPossessive(t)));
    if (core.length === 1 && titled) {
      if (!isNameWord(core[0] ?? '', ordinary)) return;
      const key = foldName(core[0] ?? '');
      const form = `${titles.filter((t) => BEFORE_SURNAME.has(t)).join(' ')} ${core[0]}`.trim();
      readings.push([1, key, form, titles.some((t) => isFirstNameHonorific(t))]);
      return;
    }
    if (!core.every((w) => isNameWord(w, ordinary)) || isInstitutionAlias(core.join(' '))) return;
    const roles = (i: number): string[] => rolesAt(text, run, i, runs[r - 1]);
    if (core.length > 3) {
      readings.push([2, core, roles(ci + core.length - 3), roles(ci + core.length - 2)]);
      return;
    }
    if (core.length < 2) return;
    const surface = core.join(' ');
    const found = roles(ci);
    const knighted = titles.find((t) => isFirstNameHonorific(t));
    readings.push([0, foldName(surface), knighted ? `${knighted} ${surface}` : surface, found, titled || found.length > 0 || isSpeechSubject(text, run)]);
  });
  return readings;
}

/**
 * People named in the coverage, with their roles; and what each distinct text added (`readings`, by text, in the order
 * the passages first give them). `known`: readings of texts read before under the same lower-case words, taken as they are.
 */
function findPeople(
  passages: readonly { text: string }[],
  ordinary: (w: string) => boolean,
  known?: ReadonlyMap<string, PersonReading[]>,
): { drafts: Map<string, PersonDraft>; readings: Map<string, PersonReading[]> } {
  const drafts = new Map<string, PersonDraft>();
  const honorificSurnames = new Map<string, string[]>(); // surname key -> honorific forms seen
  const sirFirstNames = new Set<string>();
  const draft = (key: string): PersonDraft => {
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { key, surfaces: new Map(), roles: new Map(), evidence: false, mentions: 0 }));
    return d;
  };
  const occurrences: { key: string; surface: string; roles: string[]; evidence: boolean }[] = [];
  const longRuns: { words: string[]; lastThree: string[]; lastTwo: string[] }[] = [];
  // What each distinct text adds is read once (syndicated copies share their text) and added for every passage.
  const readings = new Map<string, PersonReading[]>();
  for (const p of passages) {
    let read = readings.get(p.text);
    if (read === undefined) readings.set(p.text, (read = known?.get(p.text) ?? readPeople(p.text, ordinary)));
    for (const reading of read) {
      if (reading[0] === 0) occurrences.push({ key: reading[1], surface: reading[2], roles: reading[3], evidence: reading[4] });
      else if (reading[0] === 1) {
        const [, key, form, sir] = reading;
        const forms = honorificSurnames.get(key) ?? [];
        forms.push(form);
        honorificSurnames.set(key, forms);
        if (sir) sirFirstNames.add(key);
      } else longRuns.push({ words: reading[1], lastThree: reading[2], lastTwo: reading[3] });
    }
  }
  for (const o of occurrences) {
    const d = draft(o.key);
    const bare = o.surface.replace(FIRST_NAME_HONORIFIC, '');
    bump(d.surfaces, bare);
    if (bare !== o.surface) bump(d.surfaces, o.surface, 0);
    for (const role of o.roles) bump(d.roles, role);
    d.evidence ||= o.evidence;
    d.mentions += 1;
  }
  // Long runs ("Middle East Steve Witkoff"): a suffix that is a known name.
  for (const { words, lastThree, lastTwo } of longRuns) {
    for (const len of [3, 2]) {
      const offset = words.length - len;
      const key = foldName(words.slice(offset).join(' '));
      const d = drafts.get(key);
      if (!d) continue;
      d.mentions += 1;
      for (const role of len === 3 ? lastThree : lastTwo) bump(d.roles, role);
      break;
    }
  }
  // Surname after an honorific elsewhere ("Mr Kushner") is evidence, and an alias.
  for (const d of drafts.values()) {
    const parts = d.key.split(' ');
    const surname = parts[parts.length - 1] ?? '';
    const forms = honorificSurnames.get(surname);
    if (forms) {
      d.evidence = true;
      for (const f of forms) bump(d.surfaces, f, 0);
      d.mentions += forms.length;
    }
    if (parts.length > 1 && sirFirstNames.has(parts[0] ?? '')) {
      d.evidence = true;
      for (const f of honorificSurnames.get(parts[0] ?? '') ?? []) bump(d.surfaces, f, 0);
    }
  }
  // Titled surnames with no full name anywhere ("President Macron" alone): a person named by surname.
  for (const [surname, forms] of honorificSurnames) {
    const known = [...drafts.values()].some((d) => d.key.endsWith(` ${surname}`) || d.key.startsWith(`${surname} `));
    const asSurname = forms.some((f) => !FIRST_NAME_HONORIFIC.test(f));
    if (!known && asSurname && !isInstitutionAlias(surname)) {
      const d = draft(surname);
      const bare = forms[0]?.split(' ').pop() ?? surname;
      bump(d.surfaces, bare);
      d.evidence = true;
      d.mentions += forms.length;
    }
  }
  return { drafts, readings };
}

function personEntry(d: PersonDraft): SpeakerEntry {
  const names = byCount(d.surfaces);
  const name = names.find((n) => !TITLED.test(n)) ?? names[0] ?? d.key;
  const parts = d.key.split(' ');
  const roles = byCount(d.roles);
  const surname = parts[parts.length - 1] ?? d.key;
  const aliases = new Set<string>(names);
  aliases.add(name.split(' ').pop() ?? name);
  return {
    id: slug(name),
    kind: 'person',
    name,
    first: parts.length > 1 ? (parts[0] ?? null) : null,
    surname,
    keys: [d.key],
    aliases: [...aliases],
    roles,
    role: mainRole(d.roles),
    mentions: d.mentions,
  };
}

/**
 * The role to show: the role noun the coverage uses most (son-in-law over envoy when four outlets say
 * son-in-law and one says envoy), in the wording used most often for it, the fuller wording on a tie.
 */
function mainRole(roles: Map<string, number>): string | null {
  const heads = new Map<string, number>();
  for (const [role, n] of roles) {
    const h = roleHead(role);
    if (h) bump(heads, h.head, n);
  }
  const head = byCount(heads)[0];
  if (head === undefined) return byCount(roles)[0] ?? null;
  return byCount(new Map([...roles].filter(([r]) => roleHead(r)?.head === head)))[0] ?? null;
}

/** True when one of the person's roles is the office's role ("Prime Minister" for Downing Street). */
export function holdsOffice(entry: SpeakerEntry, office: RoleHead): boolean {
  return entry.roles.some((r) => {
    const h = roleHead(r);
    return h !== null && h.head === office.head && (h.place === null || h.place === office.place);
  });
}

/** Where a text names an institution: its definition (null: a body credited with a statement), name, and the end of the mention. */
type InstitutionNote = [def: InstitutionDef | null, name: string, end: number];

/** Each institution with the pattern of its names, compiled once (and the names: a text holding none cannot match). */
const INSTITUTION_NAMES = INSTITUTIONS.map((def) => ({ def, aliases: def.aliases, re: new RegExp(`(?<![\\p{L}])(?:${alternation(def.aliases)})(?![\\p{L}\\p{N}])`, 'gu') }));

function institutionNotes(text: string, people: SpeakerEntry[]): InstitutionNote[] {
  const notes: InstitutionNote[] = [];
  // "Starmer's office", "the Prime Minister's office" (when only one office is that role's): found once, weighed for each institution.
  // The patterns match only texts holding their words as written: the others are not scanned.
  const offices = text.includes('s office') ? [...text.matchAll(/(\p{Lu}[\p{L}]*)['’]s office\b/gu)] : [];
  for (const { def, aliases, re } of INSTITUTION_NAMES) {
    if (aliases.some((a) => text.includes(a))) for (const m of text.matchAll(re)) notes.push([def, def.name, m.index + m[0].length]);
    for (const m of offices) {
      const folded = foldName(m[1] ?? '');
      const holder = people.find((e) => e.keys.some((k) => k.endsWith(folded)) || e.surname === folded);
      const role = roleAtEnd(text.slice(Math.max(0, m.index - 40), m.index + (m[1]?.length ?? 0)));
      const offices = role ? INSTITUTIONS.filter((d) => d.officeOf.head === role.head && (role.place === null || d.officeOf.place === role.place)) : [];
      const byRole = offices.length === 1 && offices[0] === def;
      if ((holder && holdsOffice(holder, def.officeOf)) || byRole) notes.push([def, def.name, (m.index ?? 0) + m[0].length]);
    }
  }
  for (const m of ISSUED_BY_NOUNS.some((n) => text.includes(n)) ? text.matchAll(CREDITED_TO) : []) {
    const name = stripPossessive(m[1] ?? '');
    if (isInstitutionAlias(name) || /['’]s$/.test(m[1] ?? '')) continue;
    const folded = foldName(name);
    if (people.some((e) => e.keys.includes(folded) || e.surname === folded)) continue;
    if (placeKey(name) !== undefined) continue;
    notes.push([null, name, (m.index ?? 0) + m[0].length]);
  }
  return notes;
}

function findInstitutions(passages: readonly { text: string }[], people: SpeakerEntry[]): SpeakerEntry[] {
  const found = new Map<string, { def: InstitutionDef | null; name: string; mentions: number; roles: Map<string, number> }>();
  const note = (def: InstitutionDef | null, name: string, text: string, end: number): void => {
    const key = slug(def?.name ?? name);
    let f = found.get(key);
    if (!f) found.set(key, (f = { def, name: def?.name ?? name, mentions: 0, roles: new Map() }));
    f.mentions += 1;
    const m = /^,\s+((?:the|a|an)\s[^,.;:]*)(?=[,.;:])/.exec(text.slice(end));
    if (m?.[1] && roleHead(m[1])) bump(f.roles, m[1].replace(/^(?:the|a|an)\s+/, ''));
  };
  // What each distinct text names is found once (syndicated copies share their text), and counted for every passage.
  const read = new Map<string, InstitutionNote[]>();
  for (const p of passages) {
    let notes = read.get(p.text);
    if (notes === undefined) read.set(p.text, (notes = institutionNotes(p.text, people)));
    for (const [def, name, end] of notes) note(def, name, p.text, end);
  }
  return [...found.values()].map((f) => {
    const aliases = f.def ? [...f.def.aliases] : [f.name];
    const roles = byCount(f.roles);
    const role = roles[0] ?? f.def?.role ?? null;
    return {
      id: slug(f.name),
      kind: 'institution' as const,
      name: f.name,
      first: null,
      surname: foldName(f.name),
      keys: aliases.map(foldName),
      aliases,
      roles: role === null ? roles : [...new Set([...roles, ...(f.def ? [f.def.role] : [])])],
      role,
      mentions: f.mentions,
    };
  });
}

/** Everyone the coverage names as a person, and the institutions that issue statements. */
export function buildDirectory(_articles: ArticleMeta[], passages: Passage[]): SpeakerDirectory {
  return readDirectory(passages).directory;
}

/**
 * Whether `ordinary` may answer differently for a word of this text when the words of `changed` (lower case) change
 * their lower-case use: readPeople asks it only about the text's words, with the possessive stripped once or more,
 * in lower case; every such form of every word is looked for here.
 */
function asksAbout(text: string, changed: ReadonlySet<string>, ascii: readonly string[] | null): boolean {
  // Changed words all in ASCII: a word of the text that is one in lower case is one in the text in lower case.
  if (ascii !== null) {
    const lower = text.toLowerCase();
    if (!ascii.some((w) => lower.includes(w))) return false;
  }
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    for (;;) {
      if (changed.has(word.toLowerCase())) return true;
      const bare = stripPossessive(word);
      if (bare === word) break;
      word = bare;
    }
  }
  return false;
}

/**
 * buildDirectory, and what it read in each distinct text (to save with the build). `before`: what the build before
 * read, by text, under the lower-case words of its digest: taken for the texts it read when the lower-case words are
 * the same (then each such text reads the same), so only new texts are read. The same directory either way.
 */
export function readDirectory(
  passages: readonly { text: string }[],
  before?: {
    lowerCase: readonly string[];
    people: ReadonlyMap<string, PersonReading[]>;
    /** The passages the build before had and these have not (`gone`), and those these have that it had not (`come`). */
    changed?: { gone: readonly { text: string }[]; come: readonly { text: string }[] };
  },
): { directory: SpeakerDirectory; readings: DirectoryReadings } {
  const lower = (before?.changed && lowerCaseSince(before.lowerCase, before.changed)) || lowerCaseWords(passages);
  const ordinary = (w: string): boolean => lower.has(stripPossessive(w).toLowerCase());
  const { drafts, readings } = findPeople(passages, ordinary, before && readingsStill(before, lower));
  const people = [...drafts.values()].filter((d) => d.evidence).map(personEntry);
  const institutions = findInstitutions(passages, people);
  const entries = [...people, ...institutions].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { directory: { entries }, readings: { lowerCase: [...lower].sort(), people: [...readings.values()] } };
}

/**
 * The readings of the build before that still hold under these lower-case words: all of them when the words are the
 * same; else those of texts holding none of the words that came or went (a reading depends on the text and on
 * `ordinary` for its own words only).
 */
function readingsStill(
  before: { lowerCase: readonly string[]; people: ReadonlyMap<string, PersonReading[]> },
  lower: ReadonlySet<string>,
): ReadonlyMap<string, PersonReading[]> {
  const old = new Set(before.lowerCase);
  const changed = new Set<string>();
  for (const w of old) if (!lower.has(w)) changed.add(w);
  for (const w of lower) if (!old.has(w)) changed.add(w);
  if (changed.size === 0) return before.people;
  const ascii = [...changed].every((w) => !/[^\p{ASCII}]/u.test(w)) ? [...changed] : null;
  const still = new Map<string, PersonReading[]>();
  for (const [text, read] of before.people) if (!asksAbout(text, changed, ascii)) still.set(text, read);
  return still;
}

export function entryById(directory: SpeakerDirectory, id: string): SpeakerEntry | undefined {
  return directory.entries.find((e) => e.id === id);
}
