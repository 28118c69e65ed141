/**
 * The steps that used to compare every pair (near-duplicate passages, same-statement grouping) now find their
 * pairs through inverted indexes. They must give exactly what the plain double loops gave: checked here
 * against those loops, on the real corpus and on a synthetic one with many syndicated copies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/syntheticCorpus.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { groupDuplicates, isNearDuplicate } from '../../src/index/groupDuplicates.js';
import { extractStatements, type Statement } from '../../src/news/attribution.js';
import { buildDirectory, type SpeakerDirectory } from '../../src/news/directory.js';
import { bestMatches, MIN_FACT_WORDS, type MatchableSentence } from '../../src/news/compare.js';
import { groupStatements, idfWeights, SAME_STATEMENT, statementTokens, weightedContainment, weighTokens, type Weights } from '../../src/news/groupStatements.js';
import { buildPassages } from '../../src/passages/buildPassages.js';
import { sentences as sentencesOf } from '../../src/text/sentences.js';
import { contentTerms, contentTermSet } from '../../src/text/tokens.js';
import type { ArticleMeta, Passage } from '../../src/types.js';
import { completeLinkageByEveryPair } from '../helpers/completeLinkage.js';
import { CORPUS_DIR } from '../helpers/testEngine.js';

/** The former groupDuplicates: every pair, in order. */
function groupDuplicatesByEveryPair(passages: readonly Passage[]): number[] {
  const terms = passages.map((p) => new Set(contentTerms(p.text)));
  const parent = passages.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const articlesOf = passages.map((p) => new Set([p.articleId]));
  for (let i = 0; i < passages.length; i++) {
    for (let j = i + 1; j < passages.length; j++) {
      if (passages[i]!.articleId === passages[j]!.articleId || !isNearDuplicate(terms[i]!, terms[j]!)) continue;
      const ri = find(i);
      const rj = find(j);
      if (ri === rj) continue;
      const a = articlesOf[ri]!;
      const b = articlesOf[rj]!;
      if ([...a].some((id) => b.has(id))) continue;
      parent[rj] = ri;
      for (const id of b) a.add(id);
    }
  }
  const numbers = new Map<number, number>();
  return passages.map((_, i) => {
    const root = find(i);
    if (!numbers.has(root)) numbers.set(root, numbers.size);
    return numbers.get(root)!;
  });
}

/** The former groupStatements: a full similarity matrix per speaker and complete linkage over it. */
function groupStatementsByEveryPair(statements: Statement[], weight: Weights, directory: SpeakerDirectory): string[][] {
  const bySpeaker = new Map<string, number[]>();
  statements.forEach((s, i) => bySpeaker.set(s.speakerId, [...(bySpeaker.get(s.speakerId) ?? []), i]));
  const tokens = statements.map((s) => statementTokens(s, directory));
  const out: number[][] = [];
  for (const members of bySpeaker.values()) {
    const clusters = completeLinkageByEveryPair(
      members.map((i) => tokens[i]!),
      weight,
      SAME_STATEMENT,
    );
    for (const c of clusters) out.push(c.map((k) => members[k]!).sort((x, y) => x - y));
  }
  return out.sort((x, y) => x[0]! - y[0]!).map((c) => c.map((i) => statements[i]!.id));
}

/** The former comparison match: every sentence of another outlet, in order; the first with the highest score wins. */
function bestMatchesByEveryPair(sentences: readonly MatchableSentence[], weight: Weights, shared: number): number[] {
  return sentences.map((s) => {
    if (s.tokens.size < MIN_FACT_WORDS) return -1;
    let best = -1;
    let bestScore = 0;
    sentences.forEach((o, j) => {
      if (o.outlet === s.outlet) return;
      const score = Math.min(weightedContainment(s.tokens, o.tokens, weight), weightedContainment(o.tokens, s.tokens, weight));
      if (score > bestScore) [best, bestScore] = [j, score];
    });
    return bestScore >= shared ? best : -1;
  });
}

interface Corpus {
  articles: ArticleMeta[];
  passages: Passage[];
}

async function read(dir: string): Promise<Corpus> {
  const { articles } = await loadCorpus(dir);
  return { articles, passages: articles.flatMap((a) => buildPassages(a)) };
}

let tmp: string;
const corpora: Record<string, Corpus> = {};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'declaration-scale-'));
  corpora.real = await read(CORPUS_DIR);
  await generateCorpus({ sourceDir: CORPUS_DIR, outDir: path.join(tmp, 'synthetic'), passages: 400, seed: 3 });
  corpora.synthetic = await read(path.join(tmp, 'synthetic'));
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(['real', 'synthetic'])('no pairwise step, same result (%s corpus)', (name) => {
  it('near-duplicate groups are those of the every-pair loop', () => {
    const { passages } = corpora[name]!;
    const groups = groupDuplicates(passages);
    expect(groups).toEqual(groupDuplicatesByEveryPair(passages));
    // The synthetic corpus is built with syndicated copies: grouping has something to do there.
    expect(new Set(groups).size).toBeLessThan(passages.length);
  });

  it('statement groups are those of complete linkage over the full matrix', () => {
    const { articles, passages } = corpora[name]!;
    const directory = buildDirectory(articles, passages);
    const statements = extractStatements(articles, passages, directory);
    const weights = idfWeights(passages, directory);
    const groups = groupStatements(statements, weights, { directory }).map((g) => g.statements.map((s) => s.id));
    expect(groups).toEqual(groupStatementsByEveryPair(statements, weights, directory));
    expect(groups.some((g) => g.length > 1)).toBe(true);
  });

  it.each([0.5, 0.8])('a comparison\'s wording matches are those of the every-pair scan (shared %s)', (shared) => {
    const { articles, passages } = corpora[name]!;
    const outletOf = new Map(articles.map((a) => [a.id, a.outlet]));
    const weights = idfWeights(passages);
    // As a comparison's rows hold them: outlets' sentences, syndicated copies included (one passage in three of the synthetic corpus).
    const sentences: MatchableSentence[] = passages
      .filter((_, i) => name === 'real' || i % 3 === 0)
      .flatMap((p) =>
        sentencesOf(p.text).map((sentence) => {
          const tokens = contentTermSet(sentence);
          return { outlet: outletOf.get(p.articleId)!, sentence, tokens, weighed: weighTokens(tokens, weights) };
        }),
      );
    const matched = bestMatches(sentences, shared);
    expect(matched).toEqual(bestMatchesByEveryPair(sentences, weights, shared));
    expect(matched.filter((m) => m >= 0).length).toBeGreaterThan(0);
  });
});
