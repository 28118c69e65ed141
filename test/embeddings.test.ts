import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { isBotError } from '../src/errors.js';
import { createEmbedder } from '../src/embeddings/createEmbedder.js';
import { buildGloveModel } from '../src/embeddings/gloveModel.js';
import { dot } from '../src/embeddings/vectors.js';
import type { Embedder } from '../src/types.js';

let embedder: Embedder;
let root: string;

beforeAll(async () => {
  embedder = await createEmbedder(config({ MODEL_DIR: path.resolve(import.meta.dirname, '..', 'data', 'models') }));
  root = mkdtempSync(path.join(os.tmpdir(), 'embedders-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const config = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...env }, { dotEnv: false });

function expectClose(actual: Float32Array | undefined, expected: Float32Array | undefined, digits = 4): void {
  expect(actual?.length).toBe(expected?.length);
  expected?.forEach((x, i) => expect(actual?.[i]).toBeCloseTo(x, digits));
}

describe('the default embedder (all-MiniLM-L6-v2 through transformers.js)', () => {
  it('has the transformers.js id of the model and 384 dimensions, and returns unit Float32Arrays', async () => {
    expect(embedder.id).toBe('transformers:Xenova/all-MiniLM-L6-v2');
    expect(embedder.dimensions).toBe(384);
    const vectors = await embedder.embed(['British troops in Ukraine', 'What did Macron say?']);
    expect(vectors).toHaveLength(2);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(384);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it('places related sentences closer than unrelated ones', async () => {
    const [troops, soldiers, banana] = await embedder.embed([
      'British troops could be deployed to Ukraine',
      'UK soldiers may be sent to Kyiv',
      'How to bake banana bread',
    ]);
    expect(dot(troops as Float32Array, soldiers as Float32Array)).toBeGreaterThan(
      dot(troops as Float32Array, banana as Float32Array) + 0.3,
    );
  });

  it('gives the same vectors in several batches as one at a time', async () => {
    const texts = Array.from({ length: 35 }, (_, i) => `Passage ${i}: the coalition of the willing met ${i % 3 ? 'in Paris' : 'again'}.`);
    const batched = await embedder.embed(texts);
    expect(batched).toHaveLength(35);
    for (const i of [0, 31, 32, 34]) expectClose(batched[i], (await embedder.embed([texts[i] as string]))[0]);
  });

  it('keeps every text in its place when one is empty', async () => {
    const [hello, empty, world] = await embedder.embed(['hello there', '', 'general election']);
    expectClose(hello, (await embedder.embed(['hello there']))[0]);
    expectClose(world, (await embedder.embed(['general election']))[0]);
    expect(Math.hypot(...(empty as Float32Array))).toBeCloseTo(1, 5);
  });

  it('embeds no texts as no vectors', async () => {
    expect(await embedder.embed([])).toEqual([]);
  });
});

describe('createEmbedder', () => {
  it('makes a transformers embedder from EMBEDDING_MODEL and MODEL_DIR', async () => {
    const modelDir = path.join(root, 'models');
    await buildGloveModel(path.join(modelDir, 'tiny-glove'), { vocabulary: ['troops', 'soldiers', 'banana'] });
    const embedder = await createEmbedder(
      config({ EMBEDDING_MODEL: 'tiny-glove', MODEL_DIR: modelDir }),
    );
    expect(embedder.id).toBe('transformers:tiny-glove');
    expect(embedder.dimensions).toBe(100);
  });

  it('fails with EMBEDDER_LOAD_FAILED when the model is absent and downloads are off', async () => {
    const error = await createEmbedder(
      config({ EMBEDDING_MODEL: 'Xenova/bge-small-en-v1.5', MODEL_DIR: path.join(root, 'none') }),
    ).catch((e: unknown) => e);
    expect(isBotError(error, 'EMBEDDER_LOAD_FAILED')).toBe(true);
  });
});
