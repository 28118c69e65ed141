/**
 * Reading questions against the real corpus (speaker, outlet scope, comparison, names the coverage
 * never mentions) and comparing the outlets' coverage of a topic.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { compareCoverage, type ComparablePassage } from '../src/news/compare.js';
import { buildNewsIndex, type NewsIndex } from '../src/news/newsIndex.js';
import { analyseQuestion, matchOutlet, type QuestionAnalysis } from '../src/plan/questionAnalysis.js';
import { buildPassages } from '../src/passages/buildPassages.js';
import type { Article, Passage } from '../src/types.js';

let articles: Article[];
let passages: Passage[];
let index: NewsIndex;
let coverage: ComparablePassage[];
let outlets: string[];

beforeAll(async () => {
  ({ articles } = await loadCorpus(path.resolve(import.meta.dirname, '..', 'corpus')));
  passages = articles.flatMap((a) => buildPassages(a));
  index = buildNewsIndex(articles, passages);
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
  coverage = passages.map((p) => ({ article: p.articleId, paragraph: p.paragraph, outlet: outletOf.get(p.articleId) ?? '', text: p.text }));
  outlets = [...new Set(articles.map((a) => a.outlet))];
});

const ask = (q: string): QuestionAnalysis => analyseQuestion(q, index.question);
const speakerId = (a: QuestionAnalysis): string | undefined => (a.speaker?.known ? a.speaker.entry.id : undefined);

describe('whose statements a question wants', () => {
  it.each([
    ['What did Kushner say?', 'jared-kushner'],
    ["Kushner's comments on the security guarantees", 'jared-kushner'],
    ["what was said by Trump's son-in-law", 'jared-kushner'],
    ['what did zelenskyy say', 'volodymyr-zelensky'],
    ['What did the PM say about Putin?', 'keir-starmer'],
    ["Starmer's remarks on Greenland", 'keir-starmer'],
    ['What did Number 10 say?', 'downing-street'],
    ['What did the French president say about the guarantees?', 'emmanuel-macron'],
    // Every wording of a role (src/text/words/roles.ts) and every speech verb and statement noun (speechVerbs.ts).
    ['What did the premier say?', 'keir-starmer'],
    ['What did the Ukrainian head of state say?', 'volodymyr-zelensky'],
    ["What did trump's peace envoy say?", 'steve-witkoff'],
    ['What has Starmer warned about Russia?', 'keir-starmer'],
    ["Starmer's warning on Putin", 'keir-starmer'],
  ])('%s -> %s', (question, id) => {
    const a = ask(question);
    expect(speakerId(a)).toBe(id);
    expect(a.asksForStatements).toBe(true);
    expect(a.unknownEntities).toEqual([]);
  });

  it('What did Putin say? -> a person the coverage names, who has no statement in it', () => {
    const a = ask('What did Putin say?');
    expect(speakerId(a)).toBe('vladimir-putin');
    expect(index.statements.filter((s) => s.speakerId === 'vladimir-putin')).toEqual([]);
    expect(a.unknownEntities).toEqual([]);
  });

  it('what did lord cameron say -> the honorific is not part of the unknown name', () => {
    expect(ask('what did lord cameron say').speaker).toEqual({ known: false, name: 'cameron' });
  });

  it('What did Boris Johnson say? -> a person the coverage never mentions', () => {
    const a = ask('What did Boris Johnson say?');
    expect(a.speaker).toEqual({ known: false, name: 'Boris Johnson' });
    expect(a.unknownEntities).toEqual(['Boris Johnson']);
  });
});

describe('names the coverage never mentions', () => {
  it.each([
    ['What is the capital of Australia?', ['Australia']],
    ['How many troops will Germany send?', ['Germany']],
    ['Did the leaders discuss Bitcoin?', ['Bitcoin']],
    ['What did NATO say about the Paris Declaration?', ['NATO']],
    ['Will Germany and Poland send troops?', ['Germany', 'Poland']],
  ])('%s -> %j', (question, unknown) => {
    expect(ask(question).unknownEntities).toEqual(unknown);
  });

  it.each([
    'How many troops will the UK send to Ukraine?',
    'Will British and French forces operate on Ukrainian soil?',
    'What did the Americans agree to in the Paris Declaration?',
    'What did Sir Keir Starmer say about Greenland and Denmark?',
    'Who attended the Coalition of the Willing meeting at the Élysée?',
    'What did Zelenskyy call the announcement?',
    'What did LBC report about the military hubs?',
  ])('%s -> none', (question) => {
    expect(ask(question).unknownEntities).toEqual([]);
  });
});

describe('outlet scope', () => {
  it.each([
    ['What did LBC report about the military hubs?', 'LBC'],
    ['According to The Independent, who leads the ceasefire monitoring?', 'The Independent'],
    ['what does the independent say about witkoff', 'The Independent'],
    ['What did the Daily Mail say about Kushner?', 'Daily Mail'],
    ['Did the Mail quote Macron?', 'Daily Mail'],
    ['What did A News report?', 'A News'],
    ['What does TDPel say about the hubs?', 'TDPel Media'],
  ])('%s -> %s', (question, outlet) => {
    expect(ask(question).outlet).toBe(outlet);
  });

  it('does not read an ordinary word as an outlet', () => {
    expect(matchOutlet('Is there an independent verification mechanism?', outlets)).toBeUndefined();
    expect(matchOutlet('Is there a news conference planned?', outlets)).toBeUndefined();
    expect(matchOutlet('Who will send mail to Kyiv?', outlets)).toBeUndefined();
  });

  it('"according to The Independent" scopes the question without asking for a statement', () => {
    const a = ask('According to The Independent, who leads the ceasefire monitoring?');
    expect(a.asksForStatements).toBe(false);
    expect(a.speaker).toBeUndefined();
  });

  it('a speaker and an outlet together', () => {
    const a = ask('According to the Daily Mail, what did Kushner say?');
    expect(a).toMatchObject({ outlet: 'Daily Mail' });
    expect(speakerId(a)).toBe('jared-kushner');
  });

  it('regression: "what did the mail say about witkoff" asked for Witkoff\'s statements; it asks what the outlet reported', () => {
    for (const q of ['What did the Daily Mail say about Kushner?', 'wot did the mail say bout witkoff innit']) {
      const a = ask(q);
      expect(a).toMatchObject({ outlet: 'Daily Mail', asksForStatements: false });
    }
  });

  it('regression: a name outside the speaker slot is the topic: "what did the labour leader say about putin"', () => {
    expect(speakerId(ask('what did the labour leader say about putin'))).toBeUndefined();
  });
});

describe('comparison questions', () => {
  it.each([
    ['How did the outlets differ on the security guarantees?', true],
    ['Compare the coverage of the military hubs', true],
    ['Which outlets reported the Greenland comments?', true],
    ['Do the papers agree on who leads the monitoring?', true],
    ['What did Kushner say?', false],
    ['Did the Americans agree to lead the monitoring?', false],
  ])('%s -> %s', (question, compare) => {
    expect(ask(question).compare).toBe(compare);
  });
});

/** A stand-in for retrieval: passages scored by how many of the terms they contain. */
function rank(terms: string[]): (ComparablePassage & { score: number })[] {
  return coverage
    .map((p) => ({ ...p, score: terms.filter((t) => p.text.toLowerCase().includes(t)).length }))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score);
}

describe('compareCoverage', () => {
  it('shows each outlet’s best passage side by side, and says which outlets have nothing on it', () => {
    const result = compareCoverage(rank(['greenland']), { outlets, weight: index.weights, tokens: index.tokens, coverage });
    expect(result.outlets.map((r) => [r.outlet, r.passage === null])).toEqual([
      ['LBC', false],
      ['A News', true],
      ['Daily Mail', true],
      ['TDPel Media', true],
      ['The Independent', true],
    ]);
    expect(result.missing).toEqual(['A News', 'Daily Mail', 'TDPel Media', 'The Independent']);
    expect(result.onlyIn.map((o) => o.outlet)).toEqual(['LBC']);
    expect(result.onlyIn[0]?.sentence).toMatch(/Greenland/);
  });

  it('flags what only one outlet reports, not what several carry', () => {
    const result = compareCoverage(rank(['milestone', 'huge step']), { outlets, weight: index.weights, tokens: index.tokens, coverage });
    expect(result.missing).toEqual([]);
    const only = result.onlyIn.map((o) => `${o.outlet}: ${o.sentence}`);
    // Zelensky's "huge step forward" is quoted by LBC alone.
    expect(only.some((s) => s.startsWith('LBC:') && s.includes('huge step forward'))).toBe(true);
    // Kushner's "big, big milestone" is in The Independent and A News alike: neither is flagged.
    expect(only.some((s) => s.includes('big, big milestone'))).toBe(false);
  });

  it('answers the same from the index kept across questions as from the coverage read afresh', () => {
    const ranked = rank(['milestone', 'huge step']);
    const fresh = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, coverage });
    const first = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, sentences: index.sentences });
    const again = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, sentences: index.sentences });
    expect(first).toEqual(fresh);
    expect(again).toEqual(fresh);
    // Two outlets named: only they count as "elsewhere", whatever was kept for all outlets.
    const among = new Set(['LBC', 'A News']);
    const named = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, sentences: index.sentences, among });
    expect(named).toEqual(compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, coverage, among }));
  });

  it('leaves out passages below the score floor', () => {
    const ranked = rank(['oil', 'tankers', 'pressure']);
    const all = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, coverage });
    expect(all.missing).toEqual([]);
    // TDPel has oil tankers but not "pressure": below a floor of three terms it has nothing on the topic.
    const strict = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, coverage, minScore: 3 });
    expect(strict.missing).toEqual(['TDPel Media']);
    for (const row of strict.outlets) if (row.passage) expect(row.passage.text).toMatch(/pressure up/);
  });
});

describe('regression: a "who said ..." question names the topic, not the speaker', () => {
  it('does not treat Trump as the speaker of "Who said Trump strongly stands behind the security guarantee?"', () => {
    expect(ask('Who said Trump strongly stands behind the security guarantee?').speaker).toBeUndefined();
    expect(speakerId(ask('What did Trump say?'))).toBe('donald-trump');
  });

  it('regression: "who\'s paying for the war according to the british prime minister" asks what the PM says, as "who is" does', () => {
    for (const q of ["who's paying for the war according to the british prime minister", 'who is paying for the war according to the british prime minister']) {
      expect(speakerId(ask(q))).toBe('keir-starmer');
    }
  });
});

describe('regression: people written in lower case or misspelt', () => {
  it.each([
    ['what did merz say at the paris meeting', 'merz'],
    ["meloni's view on the declaration?", 'meloni'],
  ])('%s -> unknown person %s', (q, name) => {
    const a = ask(q);
    expect(a.unknownEntities).toContain(name);
    expect(a.speaker).toEqual({ known: false, name });
  });

  it.each([
    ['what did witkof actually say at the press conf', 'steve-witkoff'],
    ['zelenksy reaction to the declaration?', 'volodymyr-zelensky'],
  ])('%s -> %s (a typo of a name in the coverage)', (q, id) => {
    expect(speakerId(ask(q))).toBe(id);
    expect(ask(q).unknownEntities).toEqual([]);
  });
});

describe('compareCoverage: the same sentence worded differently', () => {
  it('shows who each outlet credits with the Downing Street statement: "Number 10" / "Starmer\'s office"', () => {
    const ranked = coverage.filter((p) => /followed by a statement from/.test(p.text) && ['The Independent', 'A News'].includes(p.outlet));
    expect(ranked.map((p) => p.outlet).sort()).toEqual(['A News', 'The Independent']);
    const result = compareCoverage(ranked, { outlets, weight: index.weights, tokens: index.tokens, coverage });
    const w = result.wording.find((x) => /statement from/.test(x.sentence));
    expect(w, 'the attribution sentence is compared across the two outlets').toBeDefined();
    const phrases = new Map([
      [w!.outlet, w!.phrases],
      [w!.versus.outlet, w!.versus.phrases],
    ]);
    expect(phrases.get('The Independent')).toContain('Number 10');
    expect(phrases.get('A News')).toContain("Starmer's office");
  });
});
