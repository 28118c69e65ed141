/**
 * What a comparison reads instead of recomputing (src/news/compare.ts): each outlet's best passage picked without
 * reading the copies that cannot beat it (bestPerOutlet, against scoring every candidate as compareCoverage does),
 * and a passage's sentences' tokens found in the sentence index by its text (sentencesByText).
 */
import { describe, expect, it } from 'vitest';
import { bestPerOutlet, buildSentenceIndex, compareCoverage, distinctSentences, MIN_FACT_WORDS, phrasesLacking, sentencesByText, type OutletCandidate } from '../../src/news/compare.js';
import { containedIn, weighTokens } from '../../src/news/groupStatements.js';
import { seededRandom } from '../../scripts/lib/syntheticCorpus.js';
import { contentTermSet } from '../../src/text/tokens.js';
import { sentences as sentencesOf } from '../../src/text/sentences.js';

interface Candidate extends OutletCandidate {
  id: number;
}

/** Candidates over a few outlets and texts, bases with ties, and a bonus that sums positive weights in a fixed order. */
function fixture(seed: number) {
  const rnd = seededRandom(seed);
  const words = ['troops', 'greenland', 'ceasefire', 'putin', 'hubs'];
  const weight = new Map(words.map((w) => [w, 0.1 + rnd() * 3]));
  const texts = Array.from({ length: 12 }, (_, i) => `${words.filter(() => rnd() < 0.4).join(' ')} text${i}`);
  const outlets = ['The Daily', 'The Post', 'The Courier', 'The Ledger'];
  const bases = [0.5, 0.25, 0.1 + rnd() * 0.01, 0.1];
  const candidates: Candidate[] = Array.from({ length: 60 }, (_, id) => ({
    id,
    outlet: outlets[Math.floor(rnd() * outlets.length)]!,
    text: texts[Math.floor(rnd() * texts.length)]!,
    base: bases[Math.floor(rnd() * bases.length)]!,
  }));
  const topic = words.filter(() => rnd() < 0.6);
  const bonus = (text: string) => {
    const have = new Set(text.split(' '));
    let sum = 0;
    for (const t of topic) if (have.has(t)) sum += weight.get(t)!;
    return sum;
  };
  let most = 0;
  for (const t of topic) most += weight.get(t)!;
  const keep = (text: string) => !text.endsWith('text3');
  return { candidates, bonus, most, keep };
}

describe('bestPerOutlet', () => {
  it('picks what compareCoverage picks from every candidate scored, in the same order, reading fewer texts', () => {
    let readAll = 0;
    let readPruned = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { candidates, bonus, most, keep } = fixture(seed);
      // Every candidate scored, as the comparison did before: compareCoverage keeps each outlet's best.
      readAll += candidates.length;
      const scored = candidates.filter((c) => keep(c.text)).map((c) => ({ ...c, article: String(c.id), paragraph: 0, score: bonus(c.text) + c.base }));
      const expected = compareCoverage(scored, { outlets: [], weight: () => 1 }).outlets.map((o) => [o.outlet, o.passage!.id, o.passage!.score]);
      const counted = (text: string) => {
        readPruned++;
        return keep(text);
      };
      const picked = bestPerOutlet(candidates, bonus, most, counted);
      const got = compareCoverage(
        picked.map(({ candidate, score }) => ({ ...candidate, article: String(candidate.id), paragraph: 0, score })),
        { outlets: [], weight: () => 1 },
      ).outlets.map((o) => [o.outlet, o.passage!.id, o.passage!.score]);
      expect(got).toEqual(expected);
      // One per outlet, in the order of each outlet's first kept candidate.
      const firsts = [...new Set(candidates.filter((c) => keep(c.text)).map((c) => c.outlet))];
      expect(picked.map((p) => p.candidate.outlet)).toEqual(firsts);
    }
    expect(readPruned).toBeLessThan(readAll);
  });

  it('keeps the first of equal scores, and passes over a copy that can only tie', () => {
    const read: number[] = [];
    const candidates = [
      { id: 1, outlet: 'A', text: 'x', base: 1 },
      { id: 2, outlet: 'A', text: 'x', base: 1 },
      { id: 3, outlet: 'A', text: 'y', base: 1.5 },
    ];
    const keep = (text: string) => {
      read.push(text.length);
      return true;
    };
    const picked = bestPerOutlet(candidates, (text) => (text === 'x' ? 2 : 0), 2, keep);
    expect(picked).toEqual([{ candidate: candidates[0], score: 3 }]);
    // The second copy (1 + 2 <= 3) is not read; the third (1.5 + 2 > 3) is, and scores less.
    expect(read).toHaveLength(2);
  });

  it('leaves out outlets whose every candidate is refused', () => {
    const picked = bestPerOutlet([{ outlet: 'A', text: 'off', base: 9 }, { outlet: 'B', text: 'on', base: 1 }], () => 0, 0, (text) => text === 'on');
    expect(picked.map((p) => p.candidate.outlet)).toEqual(['B']);
  });
});

describe('sentencesByText', () => {
  const coverage = [
    { outlet: 'A', text: 'Troops landed in Greenland on Monday. Officials said the talks would resume.' },
    { outlet: 'B', text: 'A ceasefire was agreed. Putin spoke to reporters in Moscow. Nothing else was said.' },
    { outlet: 'C', text: 'Troops landed in Greenland on Monday. Officials said the talks would resume.' },
  ];

  it("finds a coverage text's sentences' tokens, as tokenising its sentences gives them", () => {
    const index = buildSentenceIndex(coverage);
    expect(index.counts).toEqual(coverage.map((p) => sentencesOf(p.text).length));
    const find = sentencesByText(index, coverage);
    for (const p of coverage) expect(find(p.text)!.map((set) => [...set])).toEqual(sentencesOf(p.text).map((s) => [...contentTermSet(s)]));
    expect(find('A text the coverage does not hold.')).toBeUndefined();
  });

  it('finds nothing in an index without counts, or with counts for other texts', () => {
    const { counts: _counts, ...withoutCounts } = buildSentenceIndex(coverage);
    expect(sentencesByText(withoutCounts, coverage)(coverage[0]!.text)).toBeUndefined();
    expect(sentencesByText(buildSentenceIndex(coverage), coverage.slice(1))(coverage[1]!.text)).toBeUndefined();
    // Counts that do not add up to the sentences held.
    const index = buildSentenceIndex(coverage);
    expect(sentencesByText({ ...index, counts: [1, 1, 1] }, coverage)(coverage[1]!.text)).toBeUndefined();
  });

  it('gives compareCoverage the same comparison as reading the sentences', () => {
    const ranked = coverage.map((p, i) => ({ ...p, article: `a${i}`, paragraph: 0, score: 3 - i }));
    const index = buildSentenceIndex(coverage);
    // Weights of their own each time: the split sentences are kept per weights, and each call must split its own.
    const options = () => ({ outlets: ['A', 'B', 'C'], weight: (t: string) => t.length / 10, sentences: index });
    const read = compareCoverage(ranked, options());
    expect(read.onlyIn.length + read.outlets.length).toBeGreaterThan(0);
    expect(compareCoverage(ranked, { ...options(), passageSentences: sentencesByText(index, coverage) })).toEqual(read);
  });
});

describe('carried elsewhere, over distinct sentences', () => {
  /** A coverage of sentences drawn from a small pool (so that outlets share some word for word, some in part). */
  function coverageOf(seed: number) {
    const rnd = seededRandom(seed);
    // Words of two syllables from a few dozen: sentences drawn afresh rarely share half their weight with another.
    const syllables = 'ka lo mi ner tas vel dor pim sul rak fen gor'.split(' ');
    const word = () => `${syllables[Math.floor(rnd() * syllables.length)]}${syllables[Math.floor(rnd() * syllables.length)]}an`;
    const sentence = () => `${Array.from({ length: 4 + Math.floor(rnd() * 4) }, word).join(' ')}.`;
    const stock = Array.from({ length: 15 }, sentence);
    const outlets = ['A', 'B', 'C', 'D', 'E'];
    return Array.from({ length: 40 }, (_, i) => ({
      outlet: outlets[i % outlets.length]!,
      article: `a${i}`,
      paragraph: 0,
      text: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => (rnd() < 0.6 ? stock[Math.floor(rnd() * stock.length)]! : sentence())).join(' '),
      score: rnd(),
    }));
  }

  it('flags the sentences no other outlet carries, as checking every sentence of the coverage does', () => {
    const weight = (t: string) => 1 + t.length / 7;
    let flagged = 0;
    let checked = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const coverage = coverageOf(seed);
      for (const among of [undefined, new Set(['A', 'C'])]) {
        const result = compareCoverage(coverage, { outlets: [], weight, coverage, ...(among ? { among } : {}) });
        const everySentence = coverage.flatMap((p) => sentencesOf(p.text).map((s) => ({ outlet: p.outlet, tokens: contentTermSet(s) })));
        const expected = result.outlets.flatMap(({ outlet, passage }) =>
          sentencesOf(passage!.text)
            .filter((s) => contentTermSet(s).size >= MIN_FACT_WORDS)
            .filter((s) => {
              const weighed = weighTokens(contentTermSet(s), weight);
              return !everySentence.some((o) => o.outlet !== outlet && (among === undefined || among.has(o.outlet)) && containedIn(weighed, o.tokens) >= 0.5);
            })
            .map((sentence) => ({ outlet, article: passage!.article, paragraph: 0, sentence })),
        );
        expect(result.onlyIn).toEqual(expected);
        flagged += expected.length;
        checked += result.outlets.flatMap(({ passage }) => sentencesOf(passage!.text)).length;
      }
    }
    // Some sentences are an outlet's own, most are carried elsewhere.
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(checked);
  });

  it('holds each distinct sentence once, with every outlet carrying it', () => {
    const coverage = coverageOf(3);
    const index = buildSentenceIndex(coverage);
    const distinct = distinctSentences(index);
    expect(distinct.sets.length).toBeLessThan(index.tokens.length);
    const keys = distinct.sets.map((set) => [...set].join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    index.tokens.forEach((set, i) => {
      const k = keys.indexOf([...set].join(' '));
      expect(distinct.outlets[k]).toContain(index.outlets[i]);
    });
    expect(distinctSentences(index)).toBe(distinct);
  });
});

describe('phrasesLacking', () => {
  it('gives the words of a sentence the other lacks, the same each time, as a copy', () => {
    const a = 'The statement came from Number 10 on Monday.';
    const b = "The statement came from Starmer's office on Monday.";
    const first = phrasesLacking(a, b);
    expect(first).toEqual(['Number 10']);
    expect(phrasesLacking(b, a)).toEqual(["Starmer's office"]);
    first.push('changed');
    expect(phrasesLacking(a, b)).toEqual(['Number 10']);
  });
});
