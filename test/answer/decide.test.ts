import { describe, expect, it } from 'vitest';
import { similarityEvidence } from '../../src/answer/decide.js';
import type { Hit } from '../../src/retrieval/retrieve.js';

const hit = (similarity: number | null): Hit => ({
  label: 0,
  passage: { id: 'a#0', articleId: 'a', paragraph: 0, text: 't', group: 0 },
  score: 1,
  lexicalRank: null,
  lexicalScore: null,
  denseRank: null,
  similarity,
  duplicates: [],
});
const calibration = { offTopic: 0.15, unfamiliar: 0.2, weak: 0.27, foreignShare: 0.5 };

describe('similarityEvidence', () => {
  it('reads the best similarity among the hits against the calibrated thresholds', () => {
    expect(similarityEvidence([hit(0.1), hit(0.05)], [], calibration)).toBe('off-topic');
    expect(similarityEvidence([hit(0.18)], ['badenoch'], calibration)).toBe('unfamiliar');
    expect(similarityEvidence([hit(0.18)], [], calibration)).toBe('weak');
    expect(similarityEvidence([hit(0.1), hit(0.5)], ['badenoch'], calibration)).toBe('strong');
  });

  it('without dense similarities (lexical retrieval) there is no such evidence', () => {
    expect(similarityEvidence([hit(null)], ['badenoch'], calibration)).toBe('strong');
  });
});
