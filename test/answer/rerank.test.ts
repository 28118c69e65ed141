/** Answer-type re-ranking and the decision that the top passages lack the kind of answer asked for. */
import { describe, expect, it } from 'vitest';
import { lacksAnswerType, TYPE_CHECK_DEPTH } from '../../src/answer/decide.js';
import { rerankByAnswerType, typeMatcher } from '../../src/answer/rerank.js';
import type { Hit } from '../../src/retrieval/retrieve.js';

function hit(label: number, text: string, score: number): Hit {
  const passage = { id: `a#${label}`, articleId: 'a', paragraph: label, text, group: label };
  return { label, passage, score, lexicalRank: null, lexicalScore: null, denseRank: null, similarity: null, duplicates: [] };
}

describe('typeMatcher', () => {
  it('count: a number followed by the counted noun or a related word', () => {
    const calls: string[] = [];
    const related = (w: string) => (calls.push(w), w === 'governments' ? ['countries'] : []);
    const matches = typeMatcher({ kind: 'count', focus: ['governments'] }, related);
    expect(matches('Leaders of some 35 countries met in Paris.')).toBe(true);
    expect(matches('The governments met for the 35th time.')).toBe(false);
    expect(matches('Two allies agreed.')).toBe(false);
    // Related words are looked up once per question, not once per passage.
    expect(calls).toEqual(['governments']);
  });

  it('regression: count, the whole before what it is made of ("indy coalition number?": "the coalition of some 35 countries")', () => {
    const matches = typeMatcher({ kind: 'count', focus: ['coalition'] }, () => []);
    expect(matches('The coalition of some 35 countries has been meeting since March.')).toBe(true);
    expect(matches('The coalition met; 35 countries attended.')).toBe(false);
  });

  it('amount, duration (elapsed or to come) and time about the subject', () => {
    const none = () => [];
    expect(typeMatcher({ kind: 'amount' }, none)('It will cost £40 million.')).toBe(true);
    expect(typeMatcher({ kind: 'amount' }, none)('It will cost a lot.')).toBe(false);
    expect(typeMatcher({ kind: 'duration', future: false, subject: [] }, none)('The coalition has met since March.')).toBe(true);
    expect(typeMatcher({ kind: 'duration', future: true, subject: [] }, none)('The coalition has met since March.')).toBe(false);
    expect(typeMatcher({ kind: 'duration', future: true, subject: [] }, none)('Troops would stay for five years.')).toBe(true);
    const when = typeMatcher({ kind: 'time', future: true, subject: ['ceasefire'] }, none);
    expect(when('The ceasefire could begin next week.')).toBe(true);
    expect(when('Talks resume next week.')).toBe(false);
  });
});

describe('rerankByAnswerType', () => {
  it('lifts the passages holding the kind of answer by a reciprocal-rank bonus, keeping the order otherwise', () => {
    const hits = [hit(1, 'Leaders met in Paris.', 0.2), hit(2, 'Leaders of 35 countries met.', 0.19), hit(3, 'More talks soon.', 0.1)];
    const matches = typeMatcher({ kind: 'count', focus: ['countries'] }, () => []);
    const ranked = rerankByAnswerType(hits, matches, 10);
    expect(ranked.map((h) => h.label)).toEqual([2, 1, 3]);
    expect(ranked[0]!.score).toBeCloseTo(0.19 + 1 / 11);
    expect(ranked[1]!.score).toBe(0.2);
  });

  it('lacksAnswerType looks only at the top passages', () => {
    const matches = typeMatcher({ kind: 'amount' }, () => []);
    const filler = Array.from({ length: TYPE_CHECK_DEPTH }, (_, i) => hit(i, 'No figures here.', 1 - i / 10));
    expect(lacksAnswerType([...filler, hit(9, 'It costs £5m.', 0)], matches)).toBe(true);
    expect(lacksAnswerType([hit(9, 'It costs £5m.', 1), ...filler], matches)).toBe(false);
  });
});

describe('regression: a country answers "which country"', () => {
  it('a passage naming a country holds the category "country", one naming none does not', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'country', entity: 'country' }, () => []);
    expect(matches('Following talks in the French capital, the Prime Minister signed an agreement.')).toBe(true);
    expect(matches('The talks went on late into the night.')).toBe(false);
  });
});

describe('categories a passage shows by form', () => {
  it('"which city": the word or "capital"; a city named for another reason is no evidence', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'city', entity: 'city' }, () => []);
    expect(matches('Following talks in the French capital, the PM signed.')).toBe(true);
    expect(matches('The city was quiet.')).toBe(true);
    expect(matches('Speaking at a press conference in Paris, he said military hubs will be set up across Ukraine.')).toBe(false);
  });
  it('"which countries besides the UK": a country the question names does not answer it', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'countries', entity: 'country', named: ['GB', 'FR'] }, () => []);
    expect(matches('The UK and France will lead the force.')).toBe(false);
    expect(matches('Italy and Turkey will take part.')).toBe(true);
  });
  it('"which officials": a person the passage names, through the look-up it is given', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'officials', entity: 'person' }, () => [], { namesPerson: (text) => text.includes('Witkoff') });
    expect(matches('The talks were attended by Steve Witkoff.')).toBe(true);
    expect(matches('The talks were attended by around 30 allies.')).toBe(false);
  });
  it('"what is the total": a number', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'total', entity: 'quantity' }, () => []);
    expect(matches('Strikes killed 12 people.')).toBe(true);
    expect(matches('Strikes killed people overnight.')).toBe(false);
  });
});

describe('"what date", "which year": a calendar date or a year, not any time', () => {
  it('a date is a weekday or a day of a month; "last month" is none', () => {
    const matches = typeMatcher({ kind: 'time', future: false, subject: ['meeting'], calendar: 'date' }, () => []);
    expect(matches('The meeting in Paris on Tuesday was attended by 30 allies.')).toBe(true);
    expect(matches('The meeting on 6 January went on late.')).toBe(true);
    expect(matches('They held the meeting at Mar-a-Lago last month.')).toBe(false);
  });
  it('regression: a day named from the report\'s own ("signed today") is a date: "what day was the declaration signed" was refused as having none', () => {
    const matches = typeMatcher({ kind: 'time', future: false, subject: ['declaration', 'signed'], calendar: 'date' }, () => []);
    expect(matches('Starmer said the declaration signed today paves the way for a legal framework.')).toBe(true);
    expect(matches('The declaration was signed after the talks.')).toBe(false);
  });
  it('a weekday is asked for by "what weekday": "today" names none', () => {
    const matches = typeMatcher({ kind: 'time', future: false, subject: ['meeting'], calendar: 'weekday' }, () => []);
    expect(matches('The meeting in Paris on Tuesday was attended by 30 allies.')).toBe(true);
    expect(matches('The meeting today was attended by 30 allies.')).toBe(false);
    expect(matches('The meeting on 6 January went on late.')).toBe(false);
  });
  it('an age: "61-year-old", "aged 61", or a year ("the 2014 Minsk agreements"); not any number', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'age', entity: 'age' }, () => []);
    expect(matches('The 61-year-old Prime Minister flew to Paris.')).toBe(true);
    expect(matches('Starmer, aged 61, signed it.')).toBe(true);
    expect(matches('The Minsk agreements of 2014 failed.')).toBe(true);
    expect(matches('Some 35 countries have met since March.')).toBe(false);
  });
  it('a year', () => {
    const matches = typeMatcher({ kind: 'time', future: false, subject: ['agreements'], calendar: 'year' }, () => []);
    expect(matches('The Minsk agreements of 2014 and 2015 failed.')).toBe(true);
    expect(matches('The Minsk agreements failed.')).toBe(false);
  });
});

describe('"what percentage": a share given as one', () => {
  it('a percentage or a fraction in words answers it; a count does not', () => {
    const matches = typeMatcher({ kind: 'category', focus: 'percentage', entity: 'percent' }, () => []);
    expect(matches('A poll found 58% of Americans approve.')).toBe(true);
    expect(matches('Half of Britons back the plan, a poll said.')).toBe(true);
    expect(matches('Some 35 countries have been meeting since March.')).toBe(false);
  });
});
