/** Autocomplete choices for /quote: the speakers found in the corpus that match what the user typed. Pure. */
import type { Speaker } from '../../news/speakers.js';
import { Limits } from '../limits.js';
import { truncate } from '../text.js';

export interface Choice {
  name: string;
  value: string;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** 0 = the name starts with it, 1 = a word of the name starts with it, 2 = the name or role contains it, -1 = no match. */
function matchRank(speaker: Speaker, typed: string): number {
  if (typed === '') return 0;
  const name = fold(speaker.name);
  if (name.startsWith(typed)) return 0;
  const words = typed.split(/\s+/).filter(Boolean);
  const nameWords = name.split(/[\s\-–.]+/);
  if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) return 1;
  const haystack = `${name} ${fold(speaker.role ?? '')}`;
  return words.every((w) => haystack.includes(w)) ? 2 : -1;
}

export function choiceLabel(s: Speaker): string {
  const statements = `${s.statements} statement${s.statements === 1 ? '' : 's'}`;
  const role = s.role ? ` (${s.role})` : '';
  const suffix = ` · ${statements}`;
  return `${truncate(`${s.name}${role}`, Limits.choiceName - suffix.length)}${suffix}`;
}

/** At most 25 choices, best matches first, then by how often the person is quoted. */
export function speakerChoices(speakers: readonly Speaker[], typed: string): Choice[] {
  const query = fold(typed.trim()).slice(0, 100);
  return speakers
    .map((s) => ({ s, rank: matchRank(s, query) }))
    .filter((x) => x.rank >= 0 && x.s.name.trim() !== '')
    .sort((a, b) => a.rank - b.rank || b.s.statements - a.s.statements || a.s.name.localeCompare(b.s.name))
    .slice(0, Limits.autocompleteChoices)
    .map(({ s }) => ({ name: choiceLabel(s), value: truncate(s.name, Limits.choiceValue) }));
}
