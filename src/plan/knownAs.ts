/**
 * Nicknames and relations of the topic's public figures that the coverage never writes ("what did manu say",
 * "ivanka's husband"), read as the person's full name when the coverage names that person. The table is the topic
 * profile's (KNOWN_AS).
 */
import type { SpeakerDirectory } from '../news/directory.js';
import { escapeRegExp } from '../text/patterns.js';
import { KNOWN_AS } from '../topic/profile.js';

/** A nickname as looked up: lower case, with a straight apostrophe. */
const key = (text: string): string => text.toLowerCase().replace(/’/g, "'");
/** Each nickname with the name it stands for. */
const NAME_OF = new Map(Object.entries(KNOWN_AS).flatMap(([name, aliases]) => aliases.map((alias) => [key(alias), name] as const)));
/** Every nickname, longest first ("team vlad" before "vlad"), with either apostrophe. */
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...NAME_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((alias) => escapeRegExp(alias).replace(/'/g, "['’]"))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The question with each nickname of a person the coverage names written as their name. */
export function withKnownNames(question: string, directory: SpeakerDirectory): string {
  return question.replace(PATTERN, (found) => {
    const name = NAME_OF.get(key(found));
    return name !== undefined && directory.entries.some((e) => e.name === name) ? name : found;
  });
}
