/**
 * Finds where a text names someone in the directory: by name ("Prime Minister Sir Keir Starmer",
 * "Mr Kushner", "Sir Keir", "Zelenskyy"), by role ("the PM", "The Ukrainian President"), or, for
 * institutions, by any of their names ("Number 10") or as someone's office ("Starmer's office").
 */
import { foldName, stripPossessive } from '../text/fold.js';
import { alternation } from '../text/patterns.js';
import { isFirstNameHonorific } from '../text/words/honorifics.js';
import { roleOf, roleWordings } from '../text/words/roles.js';
import { INSTITUTIONS } from '../topic/profile.js';
import { holdsOffice, type SpeakerDirectory, type SpeakerEntry } from './directory.js';
import { capitalisedRuns, isTitleOrPlace, type NameRun } from './names.js';
import { placeKey } from './places.js';
import { roleHead, type RoleHead } from './roles.js';

export interface Mention {
  readonly entry: SpeakerEntry;
  readonly start: number;
  readonly end: number;
  /** "Mr Trump’s son-in-law": the mention owns something rather than being the subject. */
  readonly possessive: boolean;
  readonly via: 'name' | 'role' | 'institution';
}

/** Role words that stand for a person in copy ("the Prime Minister added", "the PM"), from the roles that name their holder. */
const ROLE_REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[Tt]he\\s+|[Tt]his\\s+)?(?:(\\p{L}+)(?:['’]s)?\\s+)??(${alternation(
    roleWordings((r) => r.namesHolder === true).map((w) => w.wording),
  ).replace(/ /g, '\\s+')})(['’]s)?(?![\\p{L}-])`,
  'giu',
);

/**
 * Look-ups over one directory, built on first use: finding a name costs the same with ten entries or ten
 * thousand. A directory is not changed once built (buildDirectory makes a new one).
 */
interface DirectoryLookup {
  people: SpeakerEntry[];
  /** Folded full name -> the first person (directory order) with that key. */
  byKey: Map<string, SpeakerEntry>;
  byFirst: Map<string, SpeakerEntry[]>;
  bySurname: Map<string, SpeakerEntry[]>;
  /** `${head}|${place}` -> the people one of whose roles has that head (and place). */
  byRole: Map<string, SpeakerEntry[]>;
  institutions: { entry: SpeakerEntry; re: RegExp }[];
  /** Each person's roles as roleHead reads them, in `people` order: made on the first role looked up. */
  roleHeads?: (RoleHead | null)[][];
  /** Texts already read (findMentions), up to MENTION_MEMO of them. */
  mentions: Map<string, readonly Mention[]>;
}

/**
 * The same texts are read for mentions again and again (syndicated copies' sentences, the same subject phrases; at
 * 20,000 passages a build reads 10,406 distinct texts in 45,560 calls): each one's mentions are kept, up to a bound.
 */
const MENTION_MEMO = 50_000;

const lookups = new WeakMap<SpeakerDirectory, DirectoryLookup>();

function lookup(directory: SpeakerDirectory): DirectoryLookup {
  let found = lookups.get(directory);
  if (found) return found;
  const people = directory.entries.filter((e) => e.kind === 'person');
  const byKey = new Map<string, SpeakerEntry>();
  const byFirst = new Map<string, SpeakerEntry[]>();
  const bySurname = new Map<string, SpeakerEntry[]>();
  const push = (map: Map<string, SpeakerEntry[]>, key: string, e: SpeakerEntry): void => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of people) {
    for (const k of e.keys) if (!byKey.has(k)) byKey.set(k, e);
    if (e.first !== null) push(byFirst, e.first, e);
    push(bySurname, e.surname, e);
  }
  const institutions = directory.entries
    .filter((e) => e.kind === 'institution')
    .map((entry) => ({ entry, re: new RegExp(`(?<![\\p{L}])(?:the\\s+)?(?:${alternation(entry.aliases)})(?![\\p{L}\\p{N}])`, 'gu') }));
  found = { people, byKey, byFirst, bySurname, byRole: new Map(), institutions, mentions: new Map() };
  lookups.set(directory, found);
  return found;
}

/** The person a run of capitalised words names, and where their mention starts. */
function resolveRun(run: NameRun, directory: SpeakerDirectory): { entry: SpeakerEntry; from: number } | null {
  const words = run.tokens.map((t) => stripPossessive(t.text));
  const allTitles = (upTo: number): boolean => words.slice(0, upTo).every((w) => isTitleOrPlace(w));
  const from = (k: number): number => (allTitles(k) ? run.start : (run.tokens[k]?.start ?? run.start));
  // Full names, longest first.
  for (const len of [3, 2]) {
    const k = words.length - len;
    if (k < 0) continue;
    const key = foldName(words.slice(k).join(' '));
    const entry = lookup(directory).byKey.get(key);
    if (entry) return { entry, from: from(k) };
  }
  const last = words.length - 1;
  const lastKey = foldName(words[last] ?? '');
  if (!allTitles(last)) return null; // "Melania Trump" is not Donald Trump
  const before = words.slice(0, last);
  if (before.some((w) => isFirstNameHonorific(w))) {
    const byFirst = lookup(directory).byFirst.get(lastKey) ?? [];
    if (byFirst.length === 1 && byFirst[0]) return { entry: byFirst[0], from: run.start };
  }
  const bySurname = lookup(directory).bySurname.get(lastKey) ?? [];
  if (bySurname.length === 1 && bySurname[0]) return { entry: bySurname[0], from: run.start };
  return null;
}

/** The single person the role reference stands for, or null when none or several fit. */
export function resolveRole(qualifier: string | undefined, headWord: string, directory: SpeakerDirectory): SpeakerEntry | null {
  const head = roleOf(headWord)?.head ?? headWord.toLowerCase();
  const place = qualifier === undefined ? null : (placeKey(qualifier) ?? null);
  const cache = lookup(directory).byRole;
  const key = `${head}|${place}`;
  let fits = cache.get(key);
  if (!fits) {
    const found = lookup(directory);
    // Each person's roles read (roleHead) once per directory, not once per role looked up.
    found.roleHeads ??= found.people.map((e) => e.roles.map((r) => roleHead(r)));
    const heads = found.roleHeads;
    fits = found.people.filter((_, k) => heads[k]!.some((h) => h !== null && h.head === head && (place === null || h.place === place)));
    cache.set(key, fits);
  }
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

function institutionMentions(text: string, directory: SpeakerDirectory): Mention[] {
  const out: Mention[] = [];
  for (const { entry, re } of lookup(directory).institutions) {
    // The pattern matches only a text holding one of the names as written.
    if (!entry.aliases.some((a) => text.includes(a))) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) out.push({ entry, start: m.index, end: m.index + m[0].length, possessive: false, via: 'institution' });
  }
  return out;
}

/** "Starmer's office", "the Prime Minister's office": the office whose role the owner holds. */
function officeMentions(text: string, directory: SpeakerDirectory, owners: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const owner of owners) {
    const m = /^\s+office\b/.exec(text.slice(owner.end));
    if (!owner.possessive || !m) continue;
    const def = INSTITUTIONS.find((d) => holdsOffice(owner.entry, d.officeOf));
    const entry = def && directory.entries.find((e) => e.kind === 'institution' && e.name === def.name);
    if (entry) out.push({ entry, start: owner.start, end: owner.end + m[0].length, possessive: false, via: 'institution' });
  }
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Every mention of a directory entry in `text`, in order. Institutions' "X's office" wins over X. Shared: not to be changed. */
export function findMentions(text: string, directory: SpeakerDirectory): readonly Mention[] {
  const memo = lookup(directory).mentions;
  let found = memo.get(text);
  if (found === undefined) {
    if (memo.size >= MENTION_MEMO) memo.clear();
    memo.set(text, (found = mentionsIn(text, directory)));
  }
  return found;
}

function mentionsIn(text: string, directory: SpeakerDirectory): Mention[] {
  const names: Mention[] = [];
  for (const run of capitalisedRuns(text)) {
    const hit = resolveRun(run, directory);
    if (hit) names.push({ entry: hit.entry, start: hit.from, end: run.end, possessive: run.possessive, via: 'name' });
  }
  const roles: Mention[] = [];
  for (const m of text.matchAll(ROLE_REFERENCE)) {
    const headWord = m[2] ?? '';
    if (roleOf(headWord, true) === undefined) continue; // "5 pm"
    const entry = resolveRole(m[1], headWord, directory);
    if (entry) roles.push({ entry, start: m.index, end: m.index + m[0].length, possessive: m[3] !== undefined, via: 'role' });
  }
  const all = [...officeMentions(text, directory, [...names, ...roles])];
  for (const m of institutionMentions(text, directory)) if (!all.some((o) => overlaps(o, m))) all.push(m);
  for (const m of [...names, ...roles]) if (!all.some((o) => overlaps(o, m))) all.push(m);
  return all.sort((a, b) => a.start - b.start);
}
