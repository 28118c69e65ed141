import { createHash } from 'node:crypto';
import type { Embedder } from '../../src/types.js';

/**
 * A deterministic bag-of-words embedder for tests: each lower-case word adds a pseudo-random
 * ±1 pattern (from its sha256) to the vector, which is then L2-normalised.
 */
export function hashingEmbedder({ id = 'test-hashing', dimensions = 32 } = {}): Embedder {
  const embedOne = (text: string): Float32Array => {
    const v = new Float32Array(dimensions);
    for (const word of text.toLowerCase().match(/\w+/g) ?? ['']) {
      const digest = createHash('sha256').update(word).digest();
      for (let d = 0; d < dimensions; d++) v[d] = (v[d] as number) + ((digest[d % digest.length] as number) & (1 << d % 8) ? 1 : -1);
    }
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  };
  return { id, dimensions, embed: async (texts) => texts.map(embedOne) };
}

/** Wraps an embedder and records every batch of texts passed to it. */
export function countingEmbedder(inner: Embedder): Embedder & { calls: string[][]; embedded(): string[] } {
  const calls: string[][] = [];
  return {
    id: inner.id,
    dimensions: inner.dimensions,
    calls,
    embedded: () => calls.flat(),
    embed(texts) {
      calls.push([...texts]);
      return inner.embed(texts);
    },
  };
}
