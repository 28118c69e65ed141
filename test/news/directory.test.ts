/** The speaker directory read again after a change (src/news/directory.ts, readDirectory given the build before's reading). */
import { describe, expect, it } from 'vitest';
import { readDirectory } from '../../src/news/directory.js';

const texts = (list: string[]) => list.map((text) => ({ text }));

/** readDirectory of `now`, told what the build of `then` read and what changed: must equal reading `now` afresh. */
function updated(then: string[], now: string[]) {
  const before = readDirectory(texts(then));
  const gone = then.filter((t) => !now.includes(t));
  const come = now.filter((t) => !then.includes(t));
  return readDirectory(texts(now), { lowerCase: before.readings.lowerCase, people: new Map(), changed: { gone: texts(gone), come: texts(come) } });
}

describe('readDirectory after a change', () => {
  const base = [
    'French President Emmanuel Macron told reporters the Paris Declaration was signed.',
    'Mr Macron said the declaration would hold, and the coalition agreed.',
    'Sir Keir Starmer said British troops could be sent.',
  ];

  it('equals a fresh reading when the changed text only adds lower-case words', () => {
    const now = [...base.slice(0, 2), `${base[2]} A spokesman said the talks would resume next week.`];
    expect(updated(base, now)).toEqual(readDirectory(texts(now)));
  });

  it('equals a fresh reading when the changed text loses the only lower-case use of a word (the words are read again)', () => {
    // "declaration" in lower case is only in the second text: without it, "Paris Declaration" is no longer an ordinary phrase.
    const now = [base[0]!, 'Mr Macron said the text would hold, and the coalition agreed.', base[2]!];
    const fresh = readDirectory(texts(now));
    expect(fresh.readings.lowerCase).not.toContain('declaration');
    expect(updated(base, now)).toEqual(fresh);
  });

  it('equals a fresh reading when a text is removed and another added', () => {
    const now = [base[0]!, base[2]!, 'Volodymyr Zelensky thanked the allies for the guarantees.'];
    expect(updated(base, now)).toEqual(readDirectory(texts(now)));
  });
});
