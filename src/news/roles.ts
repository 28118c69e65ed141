/**
 * The roles the coverage gives a person, read from three places around a mention of them:
 *  - titles written in front of the name: "French President Emmanuel Macron", "Ukraine's President ...";
 *  - a description just before the name: "his special envoy to the Middle East Steve Witkoff", "US envoy Jared Kushner";
 *  - an appositive after it: "Jared Kushner, Mr Trump's son-in-law and previously a senior adviser in the White House,".
 * And the head of a role ("president" of "French President"), so "the French president" can be matched to it.
 */
import { stripPossessive } from '../text/fold.js';
import { alternation, escapeRegExp } from '../text/patterns.js';
import { HONORIFICS } from '../text/words/honorifics.js';
import { ROLE_NOUNS, isCapitalAlias, roleOf, roleWordings } from '../text/words/roles.js';
import { isTitleOrPlace, type NameRun } from './names.js';
import { placeKey } from './places.js';
import { REPORTING_VERB_FORMS } from './speechVerbs.js';

/** Words that end a description when walking back from a name: prepositions, conjunctions, verbs of the sentence. */
const DESCRIPTION_STOP = new Set([
  ...(
    'alongside including between among beside besides with by from at in on into onto and or but while as after before ' +
    'during when where than that which who whom whose is was were are be been also meanwhile ' +
    'however including like unlike against for via'
  ).split(' '),
  ...REPORTING_VERB_FORMS,
]);

const LEADING_DETERMINER = /^(?:the|a|an|his|her|their|its)\s+/i;

/**
 * Role wordings of several words ("prime minister", "head of state", "secretary of state") and
 * capitals-only aliases ("PM"), checked before single role nouns; each with the role head it means.
 */
const COMPOUND_HEADS: [RegExp, string][] = roleWordings()
  .filter(({ wording }) => wording.includes(' ') || isCapitalAlias(wording))
  .map(({ wording, role }) => [new RegExp(`\\b${escapeRegExp(wording).replace(/ /g, '\\s+')}\\b`, isCapitalAlias(wording) ? '' : 'i'), role.head]);

export interface RoleHead {
  /** The role, as its head in src/text/words/roles.ts: "president", "prime minister", "son-in-law", "envoy". */
  head: string;
  /** The place that qualifies it, as a place key ("france" for "French President"), if any. */
  place: string | null;
  /** The words naming the role as written ("PM", "Prime Minister", "envoy"), when read from text. */
  written?: string;
}

/** Drops a leading determiner and trailing punctuation: "the US President’s son-in-law." -> "US President’s son-in-law". */
export function tidyRole(role: string): string {
  return role
    .replace(/‘s\b/g, '’s')
    .trim()
    .replace(/[,.;:]+$/, '')
    .replace(LEADING_DETERMINER, '')
    .replace(/^(?:who|which) (?:is|was) (?:the |a |an )?/i, '')
    .trim();
}

/**
 * The head of a role phrase: the last role noun that is not itself a possessor ("the US President’s
 * son-in-law" has head "son-in-law"), ignoring a trailing "to the Middle East"; and the place word right before it.
 */
export function roleHead(role: string): RoleHead | null {
  const core = role.replace(/\s+(?:to|of|for|in)\s+(?:the\s+)?\p{Lu}[\p{L}\s]*$/u, '');
  for (const [re, head] of COMPOUND_HEADS) {
    const m = re.exec(core);
    if (m && !/^['’]s/.test(core.slice(m.index + m[0].length))) {
      return { head, place: placeBefore(core.slice(0, m.index)), written: m[0] };
    }
  }
  const ws = core.split(/\s+/);
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i] ?? '';
    if (stripPossessive(w) !== w) continue; // a possessor: "President’s"
    const role = roleOf(w, true);
    if (role) return { head: role.head, place: placeBefore(ws.slice(0, i).join(' ')), written: w };
  }
  return null;
}

/** The role whose wording ends the text ("... the French President"), with the place right before it; null when none does. */
export function roleAtEnd(text: string): RoleHead | null {
  const ws = text.trim().split(/\s+/);
  for (let n = Math.min(3, ws.length); n >= 1; n--) {
    const written = ws.slice(-n).join(' ');
    const role = roleOf(written, true);
    if (role) return { head: role.head, place: placeBefore(ws.slice(0, -n).join(' ')), written };
  }
  return null;
}

function placeBefore(text: string): string | null {
  const last = text.trim().split(/\s+/).pop() ?? '';
  return last === '' ? null : (placeKey(last) ?? null);
}

/** Titles written in front of the name inside its run, with a possessive place just before it: "Ukraine's President". */
function titleRole(text: string, run: NameRun, coreIndex: number, previous: NameRun | undefined): string | null {
  const titles = run.tokens.slice(0, coreIndex).map((t) => t.text);
  const office = titles.filter((t) => !HONORIFICS.has(t));
  if (office.length === 0 || office.every((t) => placeKey(t) !== undefined)) return null;
  let role = office.join(' ');
  if (previous && previous.possessive && previous.tokens.length === 1 && text.slice(previous.end, run.start) === ' ') {
    const owner = previous.tokens[0]?.text ?? '';
    if (placeKey(owner) !== undefined) role = `${owner} ${role}`;
  }
  return role;
}

/** A description right before the name: "his special envoy to the Middle East", "US envoy", "French president". */
function descriptionBefore(text: string, start: number): string | null {
  const before = text.slice(Math.max(0, start - 120), start);
  if (!/\s$/.test(before)) return null;
  const words = before.trimEnd().split(/\s+/);
  const kept: string[] = [];
  for (let i = words.length - 1; i >= 0 && kept.length < 8; i--) {
    const w = words[i] ?? '';
    if (w === '' || /[,;:(–—.!?"“”‘’]$/.test(w) || /^[–—-]+$/.test(w) || DESCRIPTION_STOP.has(w.toLowerCase())) break;
    kept.unshift(w);
  }
  const phrase = kept.join(' ').replace(/^(?:(?:to|of|the)\s+)+/i, '');
  if (phrase === '' || !/\p{Ll}/u.test(phrase)) return null;
  const head = roleHead(phrase);
  if (head === null) return null;
  // The role noun must end the phrase, or be followed only by "to/of the Capitalised Place".
  if (!new RegExp(`${escapeRegExp((head.written ?? head.head).split(/\s+/).pop() ?? '')}(?:\\s+(?:to|of|for)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}\\s]*)?$`, 'iu').test(phrase)) {
    return null;
  }
  return tidyRole(phrase);
}

/**
 * An appositive after a name: a comma, then a phrase opening with a determiner, "previously"/"former",
 * or someone's possessive ("Mr Trump’s", "Donald Trump’s"), up to the next punctuation.
 */
const APPOSITIVE = new RegExp(
  `^,\\s+((?:who (?:is|was)\\s+)?(?:the|a|an|his|her|their|previously|former|(?:${alternation(HONORIFICS)})\\s+\\p{Lu}\\p{L}*['’‘]s|\\p{Lu}\\p{L}*(?:\\s\\p{Lu}\\p{L}*)?['’‘]s)\\s(?:[^,.;:"“”‘’']|(?<=\\p{L})['’‘](?=\\p{L}))*)(?=[,.;:]|$)`,
  'u',
);

/** An appositive after the name: ", Mr Trump’s son-in-law and previously a senior adviser in the White House,". */
function appositiveAfter(text: string, end: number): string | null {
  const after = text.slice(end);
  const m = APPOSITIVE.exec(after);
  if (!m || m[1] === undefined) return null;
  const phrase = m[1];
  const words = phrase.toLowerCase().split(/\s+/).map((w) => stripPossessive(w));
  if (!words.some((w) => ROLE_NOUNS.has(w))) return null;
  return tidyRole(phrase);
}

/** The roles the text gives the person named by `run`, whose name proper starts at token `coreIndex`. */
export function rolesAt(text: string, run: NameRun, coreIndex: number, previous: NameRun | undefined): string[] {
  const roles: string[] = [];
  const before = run.tokens.slice(0, coreIndex);
  const allTitles = before.every((t) => isTitleOrPlace(t.text));
  if (allTitles) {
    const title = titleRole(text, run, coreIndex, previous);
    if (title) roles.push(title);
  }
  const onlyHonorifics = before.every((t) => HONORIFICS.has(t.text) || placeKey(t.text) !== undefined);
  if (onlyHonorifics || !allTitles) {
    const from = allTitles ? run.start : (run.tokens[coreIndex]?.start ?? run.start);
    const description = descriptionBefore(text, from);
    if (description) roles.push(description);
  }
  if (!run.possessive) {
    const appositive = appositiveAfter(text, run.end);
    if (appositive) roles.push(appositive);
  }
  return roles;
}
