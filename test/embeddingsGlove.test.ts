import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isBotError } from '../src/errors.js';
import { buildGloveModel, readWinkVectors, type GloveModelSummary, type WinkVectors } from '../src/embeddings/gloveModel.js';
import { createTransformersEmbedder } from '../src/embeddings/transformersEmbedder.js';
import { dot } from '../src/embeddings/vectors.js';
import { wordTokens } from '../src/embeddings/wordLevelTokenizer.js';
import type { Embedder } from '../src/types.js';

const TEST_WORDS = [
  'troops', 'soldiers', 'army', 'military', 'banana', 'apple', 'fruit', 'bread', 'ukraine', 'russia', 'british',
  'ceasefire', 'truce', 'peace', 'deployed', 'sent', 'starmer', 'macron', 'paris', 'declaration', 'kyiv',
  'recipe', 'cake', 'coalition', 'willing', 'constructor', 'zzzqqqx', 'u.s.',
];

let root: string;
let modelDir: string;
let summary: GloveModelSummary;
let wink: WinkVectors;
let glove: Embedder;
const fetchSpy = vi.fn(() => Promise.reject(new Error('network used in a test')));
const realFetch = env.fetch;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'glove-test-'));
  modelDir = path.join(root, 'glove-mini');
  wink = await readWinkVectors();
  summary = await buildGloveModel(modelDir, { vocabulary: [...wink.words.slice(0, 300), ...TEST_WORDS], vectors: wink });
  env.fetch = fetchSpy;
  glove = await createTransformersEmbedder({ model: modelDir, modelDir: path.join(root, 'models'), allowRemote: false });
});

afterAll(() => {
  env.fetch = realFetch;
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => expect(fetchSpy).not.toHaveBeenCalled());

const cosine = async (e: Embedder, a: string, b: string) => {
  const [va, vb] = await e.embed([a, b]);
  return dot(va as Float32Array, vb as Float32Array);
};

/** The normalised mean of the raw vectors of the words the vocabulary holds. */
function expectedMean(text: string, vocabulary: Set<string>): Float32Array {
  const sum = new Float64Array(100);
  for (const word of wordTokens(text)) {
    if (!vocabulary.has(word)) continue;
    (wink.vectors[word] as number[]).slice(0, 100).forEach((x, d) => (sum[d] = (sum[d] as number) + x));
  }
  const norm = Math.hypot(...sum);
  return Float32Array.from(sum, (x) => x / norm);
}

function expectClose(actual: Float32Array | undefined, expected: Float32Array, digits = 5): void {
  expect(actual).toBeDefined();
  expect(actual?.length).toBe(expected.length);
  expected.forEach((x, i) => expect(actual?.[i]).toBeCloseTo(x, digits));
}

describe('buildGloveModel', () => {
  it('writes a model folder and reports the words it could not use', () => {
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
      expect(existsSync(path.join(modelDir, file)), file).toBe(true);
    }
    // "u.s." would be split by the tokenizer; "zzzqqqx" has no vector.
    expect(summary.missing.sort()).toEqual(['u.s.', 'zzzqqqx']);
    expect(summary.words).toBe(300 + TEST_WORDS.length - 2 - TEST_WORDS.filter((w) => wink.words.slice(0, 300).includes(w)).length);
    const config = JSON.parse(readFileSync(path.join(modelDir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 100 });
  });

  it('tokenizes in transformers.js as wordTokens() splits, unknown words becoming [UNK]', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(modelDir);
    const text = "The British troops' ceasefire—in Kyiv, Ukraine! Zzzqqqx.";
    const vocab = JSON.parse(readFileSync(path.join(modelDir, 'tokenizer.json'), 'utf8')).model.vocab as Record<string, number>;
    const expected = wordTokens(text).map((t) => (Object.hasOwn(vocab, t) ? vocab[t] : 1));
    expect(tokenizer.encode(text)).toEqual(expected);
    expect(tokenizer.encode('constructor')).toEqual([vocab.constructor]);
  });
});

describe('createTransformersEmbedder with the GloVe folder', () => {
  it('names itself after the folder and finds 100 dimensions', () => {
    expect(glove.id).toBe('transformers:glove-mini');
    expect(glove.dimensions).toBe(100);
  });

  it('returns unit vectors, one per text, in order', async () => {
    const texts = ['troops', 'British soldiers were deployed to Ukraine', 'banana bread recipe', 'peace'];
    const vectors = await glove.embed(texts);
    expect(vectors).toHaveLength(4);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
    expectClose(vectors[0], expectedMean('troops', new Set(Object.keys(JSON.parse(readFileSync(path.join(modelDir, 'tokenizer.json'), 'utf8')).model.vocab))));
  });

  it('puts troops closer to soldiers than to banana (real GloVe similarities)', async () => {
    const soldiers = await cosine(glove, 'troops', 'soldiers');
    const banana = await cosine(glove, 'troops', 'banana');
    expect(soldiers).toBeGreaterThan(0.85); // 0.896 in the raw vectors
    expect(banana).toBeLessThan(0.2); // 0.074
    expect(await cosine(glove, 'British troops deployed to Ukraine', 'soldiers sent to Kyiv')).toBeGreaterThan(
      await cosine(glove, 'British troops deployed to Ukraine', 'banana bread recipe'),
    );
  });

  it('embeds a text as the normalised mean of its known words, ignoring unknown ones and case', async () => {
    const vocab = new Set(Object.keys(JSON.parse(readFileSync(path.join(modelDir, 'tokenizer.json'), 'utf8')).model.vocab));
    const text = 'The British TROOPS, a ceasefire and zzzqqqx in Kyiv!';
    const [v] = await glove.embed([text]);
    expectClose(v, expectedMean(text, vocab));
    const [withoutUnknown] = await glove.embed(['the british troops , ceasefire and in kyiv !']);
    expectClose(v, withoutUnknown as Float32Array);
  });

  it('pools over the attention mask: padding in a batch does not change a short text', async () => {
    const short = 'troops in ukraine';
    const long = 'the coalition of the willing met in paris and the british army said peace in ukraine needs a ceasefire';
    const [alone] = await glove.embed([short]);
    const [batched] = await glove.embed([short, long]);
    expectClose(batched, alone as Float32Array, 6);
  });

  it('keeps the input order across batches of different lengths', async () => {
    const small = await createTransformersEmbedder({ model: modelDir, modelDir: root, allowRemote: false, batchSize: 3 });
    const texts = Array.from({ length: 11 }, (_, i) => TEST_WORDS.slice(0, (i * 7) % 13 + 1).join(' '));
    const batched = await small.embed(texts);
    for (const [i, text] of texts.entries()) expectClose(batched[i], (await glove.embed([text]))[0] as Float32Array, 6);
  });

  it('gives a text without known words (or no text) a unit vector rather than NaN', async () => {
    const [empty, unknown] = await glove.embed(['', 'zzzqqqx']);
    for (const v of [empty, unknown]) {
      expect(v?.every(Number.isFinite)).toBe(true);
      expect(Math.hypot(...(v as Float32Array))).toBeCloseTo(1, 5);
    }
  });
});

describe('finding models', () => {
  it('looks a model id up under the model directory', async () => {
    const models = path.join(root, 'by-id');
    cpSync(modelDir, path.join(models, 'acme', 'glove-mini'), { recursive: true });
    const embedder = await createTransformersEmbedder({ model: 'acme/glove-mini', modelDir: models, allowRemote: false });
    expect(embedder.id).toBe('transformers:acme/glove-mini');
    expectClose((await embedder.embed(['troops']))[0], (await glove.embed(['troops']))[0] as Float32Array, 6);
  });

  it('downloads a missing model id into the model directory when allowed, then loads it offline', async () => {
    const models = path.join(root, 'downloads');
    const requested: string[] = [];
    // A stand-in for the hub that serves the test folder as "acme/remote-glove": no network is used.
    env.fetch = async (url: string | URL) => {
      const href = String(url);
      requested.push(href);
      const file = /\/acme\/remote-glove\/resolve\/main\/(.+)$/.exec(new URL(href).pathname)?.[1];
      const local = file ? path.join(modelDir, decodeURIComponent(file)) : '';
      return file && existsSync(local) ? new Response(readFileSync(local)) : new Response('not found', { status: 404 });
    };
    try {
      const downloaded = await createTransformersEmbedder({ model: 'acme/remote-glove', modelDir: models, allowRemote: true });
      expect(downloaded.id).toBe('transformers:acme/remote-glove');
      expect(requested).toContain('https://huggingface.co/acme/remote-glove/resolve/main/onnx/model.onnx');
      expect(env.allowRemoteModels).toBe(false);
    } finally {
      env.fetch = fetchSpy;
    }
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
      expect(existsSync(path.join(models, 'acme', 'remote-glove', file)), file).toBe(true);
    }
    const offline = await createTransformersEmbedder({ model: 'acme/remote-glove', modelDir: models, allowRemote: false });
    expectClose((await offline.embed(['troops']))[0], (await glove.embed(['troops']))[0] as Float32Array, 6);
  });

  it('loads model_quantized.onnx when the folder has it, and says so in the id', async () => {
    const quantized = path.join(root, 'glove-q');
    cpSync(modelDir, quantized, { recursive: true });
    renameSync(path.join(quantized, 'onnx', 'model.onnx'), path.join(quantized, 'onnx', 'model_quantized.onnx'));
    const embedder = await createTransformersEmbedder({ model: quantized, modelDir: root, allowRemote: false });
    expect(embedder.id).toBe('transformers:glove-q:q8');
    expect(embedder.dimensions).toBe(100);
  });

  it('fails fast, without the network, when a model id is not on disk and downloads are off', async () => {
    const error = await createTransformersEmbedder({
      model: 'Xenova/all-MiniLM-L6-v2',
      modelDir: path.join(root, 'empty-models'),
      allowRemote: false,
    }).catch((e: unknown) => e);
    expect(isBotError(error, 'EMBEDDER_LOAD_FAILED')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(path.join(root, 'empty-models', 'Xenova', 'all-MiniLM-L6-v2'));
    expect(message).toContain('ALLOW_REMOTE_MODELS=true');
  });

  it('names the files an incomplete model folder lacks', async () => {
    const broken = path.join(root, 'broken');
    cpSync(modelDir, broken, { recursive: true });
    rmSync(path.join(broken, 'onnx'), { recursive: true });
    rmSync(path.join(broken, 'tokenizer_config.json'));
    const error = await createTransformersEmbedder({ model: broken, modelDir: root, allowRemote: false }).catch((e: unknown) => e);
    expect(isBotError(error, 'EMBEDDER_LOAD_FAILED')).toBe(true);
    expect((error as Error).message).toMatch(/missing tokenizer_config\.json, onnx\/model\.onnx/);
  });

  it('reports a folder whose model cannot be read as EMBEDDER_LOAD_FAILED', async () => {
    const corrupt = path.join(root, 'corrupt');
    cpSync(modelDir, corrupt, { recursive: true });
    copyFileSync(path.join(modelDir, 'config.json'), path.join(corrupt, 'onnx', 'model.onnx'));
    const error = await createTransformersEmbedder({ model: corrupt, modelDir: root, allowRemote: false }).catch((e: unknown) => e);
    expect(isBotError(error, 'EMBEDDER_LOAD_FAILED')).toBe(true);
  });
});
