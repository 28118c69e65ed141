/**
 * Nicknames and relations of the topic's public figures that the coverage never writes ("what did manu say",
 * "ivanka's husband"), read as the person's full name when the coverage names that person. The table is the topic
 * profile's (KNOWN_AS).
 */
import type { SpeakerDirectory } from '../news/directory.js';
import { KNOWN_AS } from '../topic/profile.js';

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
/** Each nickname with the name it stands for, longest first ("team vlad" before "vlad"). */
const FORMS = Object.entries(KNOWN_AS)
  .flatMap(([name, aliases]) => aliases.map((alias) => ({ alias, name })))
  .sort((a, b) => b.alias.length - a.alias.length);
const PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FORMS.map((f) => f.alias.replace(ESCAPE, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/** The question with each nickname of a person the coverage names written as their name. */
export function withKnownNames(question: string, directory: SpeakerDirectory): string {
  return question.replace(PATTERN, (found) => {
    const form = FORMS.find((f) => f.alias === found.toLowerCase().replace(/’/g, "'") || f.alias === found.toLowerCase());
    return form && directory.entries.some((e) => e.name === form.name) ? form.name : found;
  });
}
