/** Autocomplete choices for /ask's outlet option: the indexed outlets containing what the user typed. Pure. */
import { Limits } from '../limits.js';
import type { Choice } from './speakers.js';

export function outletChoices(outlets: readonly string[], typed: string): Choice[] {
  const query = typed.trim().toLowerCase();
  return [...new Set(outlets)]
    .filter((o) => o.toLowerCase().includes(query))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(query)) - Number(!b.toLowerCase().startsWith(query)) || a.localeCompare(b))
    .slice(0, Limits.autocompleteChoices)
    .map((o) => ({ name: o, value: o }));
}
