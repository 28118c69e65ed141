import { describe, expect, it } from 'vitest';
import { choiceLabel, speakerChoices } from '../../src/bot/format/speakers.js';
import type { Speaker } from '../../src/news/speakers.js';

const speaker = (name: string, statements: number, role: string | null = null): Speaker => ({ id: name.toLowerCase().replace(/\W+/g, '-'), name, role, statements, outlets: [] });

const speakers = [
  speaker('Keir Starmer', 12, 'Prime Minister'),
  speaker('Emmanuel Macron', 4, 'President of France'),
  speaker('Volodymyr Zelensky', 3, 'President of Ukraine'),
  speaker('Jared Kushner', 2, 'US envoy'),
  speaker('Steve Witkoff', 2, 'US special envoy'),
  speaker('Kaja Kallas', 1, null),
];

describe('speakerChoices', () => {
  it('puts names that start with the typed text first, then word starts, then role matches', () => {
    // Name starts (most quoted first), then a word of the name starts, then the letters anywhere.
    expect(speakerChoices(speakers, 'k').map((c) => c.value)).toEqual(['Keir Starmer', 'Kaja Kallas', 'Jared Kushner', 'Volodymyr Zelensky', 'Steve Witkoff']);
    expect(speakerChoices(speakers, 'starm').map((c) => c.value)).toEqual(['Keir Starmer']);
    expect(speakerChoices(speakers, 'president').map((c) => c.value)).toEqual(['Emmanuel Macron', 'Volodymyr Zelensky']);
    expect(speakerChoices(speakers, 'ZELENSKÝ').map((c) => c.value)).toEqual(['Volodymyr Zelensky']);
    expect(speakerChoices(speakers, 'nobody')).toEqual([]);
  });

  it('offers the most quoted people when nothing is typed, never more than 25', () => {
    const many = Array.from({ length: 40 }, (_, i) => speaker(`Person ${i}`, i));
    const choices = speakerChoices(many, '');
    expect(choices).toHaveLength(25);
    expect(choices[0]!.value).toBe('Person 39');
  });

  it('keeps names and values within 100 characters', () => {
    const long = speaker(`Someone ${'Verylongname '.repeat(12)}`, 3, 'A role that goes on and on '.repeat(5));
    const [choice] = speakerChoices([long], 'someone');
    expect(choice!.name.length).toBeLessThanOrEqual(100);
    expect(choice!.value.length).toBeLessThanOrEqual(100);
    expect(choiceLabel(speakers[0]!)).toBe('Keir Starmer (Prime Minister) · 12 statements');
  });
});
