import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a transformers.js model lives: a local folder given by path, or a Hugging Face model id
 * looked up (and, when allowed, downloaded) under the model directory as `<modelDir>/<id>/`.
 */
export type ModelLocation =
  | { kind: 'folder'; dir: string; name: string }
  | { kind: 'hub'; id: string; dir: string };

/** What a model folder must hold for feature extraction. */
export const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;
export const MODEL_WEIGHT_FILES = { fp32: 'onnx/model.onnx', q8: 'onnx/model_quantized.onnx' } as const;

export type ModelDtype = keyof typeof MODEL_WEIGHT_FILES;

const HUB_ID = /^[\w.-]+(\/[\w.-]+)?$/;

function isDirectory(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}

/**
 * An existing folder, an absolute path or one starting with `.` is a folder; otherwise a name shaped
 * like `owner/name` (or `name`) is a hub id; anything else is a (missing) folder.
 */
export function locateModel(model: string, modelDir: string): ModelLocation {
  const asPath = path.resolve(model);
  const pathLike = path.isAbsolute(model) || model.startsWith('.') || isDirectory(asPath);
  if (pathLike || !HUB_ID.test(model)) return { kind: 'folder', dir: asPath, name: path.basename(asPath) };
  return { kind: 'hub', id: model, dir: path.resolve(modelDir, model) };
}

/**
 * The weights to load: the quantized file when the folder has one (smaller and faster on CPU),
 * else the fp32 file; null when the folder has neither.
 */
export function pickDtype(dir: string): ModelDtype | null {
  if (existsSync(path.join(dir, MODEL_WEIGHT_FILES.q8))) return 'q8';
  if (existsSync(path.join(dir, MODEL_WEIGHT_FILES.fp32))) return 'fp32';
  return null;
}

/** Files a model folder lacks, as paths relative to it; empty when it is complete. */
export function missingModelFiles(dir: string): string[] {
  const missing: string[] = REQUIRED_MODEL_FILES.filter((file) => !existsSync(path.join(dir, file)));
  if (pickDtype(dir) === null) missing.push(MODEL_WEIGHT_FILES.fp32);
  return missing;
}

/** The id of a transformers.js embedder: the model's name, and its dtype when not fp32 (the vectors differ). */
export function embedderId(name: string, dtype: ModelDtype): string {
  return `transformers:${name}${dtype === 'fp32' ? '' : `:${dtype}`}`;
}

/**
 * The id the embedder of a model already on disk will have, found without loading the model (a reindex with
 * nothing to embed compares it with the build's); null when the model is not there yet (a download, a missing
 * folder), where only loading tells.
 */
export function localEmbedderId(model: string, modelDir: string): string | null {
  const location = locateModel(model, modelDir);
  const dtype = pickDtype(location.dir);
  if (dtype === null || missingModelFiles(location.dir).length > 0) return null;
  return embedderId(location.kind === 'folder' ? location.name : location.id, dtype);
}
