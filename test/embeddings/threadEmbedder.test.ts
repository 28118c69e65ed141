/**
 * The embedder in a worker thread (src/embeddings/threadEmbedder.ts): the vectors the in-process embedder gives,
 * closing ends the thread (after the batches in flight), and failures come back as the in-process embedder's errors.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createEmbedder } from '../../src/embeddings/createEmbedder.js';
import { sharedThreadEmbedder, startThreadEmbedder, type ClosableEmbedder } from '../../src/embeddings/threadEmbedder.js';
import { isBotError } from '../../src/errors.js';
import type { Embedder } from '../../src/types.js';

const MODEL_DIR = path.resolve(import.meta.dirname, '..', '..', 'data', 'models');
const config = (env: Record<string, string> = {}) => loadConfig({ LOG_LEVEL: 'silent', MODEL_DIR, ...env }, { dotEnv: false });

const TEXTS = [
  'Keir Starmer said British troops would be deployed to Ukraine after a ceasefire.',
  'Military hubs',
  'What did Downing Street say about the security guarantees?',
  '',
  'The Coalition of the Willing met in Paris on Tuesday, with Jared Kushner and Steve Witkoff for the United States.',
];

let inProcess: Embedder;
let threaded: ClosableEmbedder;

beforeAll(async () => {
  [inProcess, threaded] = await Promise.all([createEmbedder(config()), startThreadEmbedder(config())]);
}, 120_000);
afterAll(() => threaded.close());

describe('the embedder in a worker thread', () => {
  it('has the in-process embedder\'s id and dimensions and gives exactly its vectors, in order, batch after batch', async () => {
    expect(threaded.id).toBe(inProcess.id);
    expect(threaded.dimensions).toBe(inProcess.dimensions);
    const expected = await inProcess.embed(TEXTS);
    // Several batches in flight at once come back to their callers.
    const [all, reversed, one] = await Promise.all([threaded.embed(TEXTS), threaded.embed([...TEXTS].reverse()), threaded.embed([TEXTS[2]!])]);
    expect(all).toEqual(expected);
    expect(reversed).toEqual([...expected].reverse());
    expect(one).toEqual([expected[2]]);
    expect(all.every((v) => v instanceof Float32Array && v.length === inProcess.dimensions)).toBe(true);
    expect(await threaded.embed([])).toEqual([]);
  });

  it('reports an embedding error as the in-process embedder does, and goes on embedding', async () => {
    const bad = [null as unknown as string];
    const expected = await inProcess.embed(bad).then(() => null, (e: unknown) => e as Error);
    const error = await threaded.embed(bad).then(() => null, (e: unknown) => e as Error);
    expect(expected).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe(expected!.message);
    expect(await threaded.embed([TEXTS[0]!])).toEqual(await inProcess.embed([TEXTS[0]!]));
  });

  it('close() answers the batches already sent, then ends the thread; later calls are refused', async () => {
    const own = await startThreadEmbedder(config());
    const pending = own.embed(TEXTS);
    await own.close();
    expect(await pending).toEqual(await inProcess.embed(TEXTS));
    await expect(own.embed(['too late'])).rejects.toThrow('closed');
    await own.close(); // a second close is a no-op
  }, 60_000);

  it('a model that cannot be loaded fails with the in-process EMBEDDER_LOAD_FAILED error', async () => {
    const settings = config({ EMBEDDING_MODEL: 'Xenova/bge-small-en-v1.5', MODEL_DIR: path.join(MODEL_DIR, 'no-such-folder') });
    const expected = await createEmbedder(settings).then(() => null, (e: unknown) => e);
    const error = await startThreadEmbedder(settings).then(() => null, (e: unknown) => e);
    expect(isBotError(expected, 'EMBEDDER_LOAD_FAILED')).toBe(true);
    expect(isBotError(error, 'EMBEDDER_LOAD_FAILED')).toBe(true);
    expect((error as Error).message).toBe((expected as Error).message);
    expect((error as { context: unknown }).context).toEqual((expected as { context: unknown }).context);
  }, 60_000);

  it('engines share one thread per model: it ends when the last of them closes it', async () => {
    const [a, b] = await Promise.all([sharedThreadEmbedder(config()), sharedThreadEmbedder(config())]);
    const expected = await inProcess.embed([TEXTS[0]!]);
    await a.close();
    await expect(a.embed([TEXTS[0]!])).rejects.toThrow('closed');
    expect(await b.embed([TEXTS[0]!])).toEqual(expected);
    await b.close();
    await expect(b.embed([TEXTS[0]!])).rejects.toThrow('closed');
    const c = await sharedThreadEmbedder(config()); // a new thread
    expect(await c.embed([TEXTS[0]!])).toEqual(expected);
    await c.close();
  }, 60_000);
});
