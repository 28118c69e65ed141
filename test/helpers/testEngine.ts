import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createEngine, type AnswerEngine, type EngineOptions } from '../../src/engine/createEngine.js';
import { createLogger } from '../../src/log.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CORPUS_DIR = path.join(REPO_ROOT, 'corpus');
/** Shared across test files so each passage is embedded once per machine, not once per file. */
export const TEST_EMBED_CACHE = path.join(REPO_ROOT, 'data', 'test-embed-cache');

export interface TestWorkspace {
  dir: string;
  config: Config;
  cleanup(): void;
}

/**
 * A temporary index folder (and, when asked, a copy of the corpus to modify) with the default
 * offline embedder, so tests never touch the user's data/index.
 */
export function testWorkspace({ copyCorpus = false }: { copyCorpus?: boolean } = {}): TestWorkspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'declaration-test-'));
  let corpus = CORPUS_DIR;
  if (copyCorpus) {
    corpus = path.join(dir, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
  }
  const config = loadConfig(
    {
      CORPUS_DIR: corpus,
      INDEX_DIR: path.join(dir, 'index'),
      EMBED_CACHE_DIR: TEST_EMBED_CACHE,
      MODEL_DIR: path.join(REPO_ROOT, 'data', 'models'),
      LOG_LEVEL: 'silent',
    },
    { dotEnv: false },
  );
  return { dir, config, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function testEngine(config: Config, options: EngineOptions = {}): Promise<AnswerEngine> {
  return createEngine(config, { log: createLogger('silent'), ...options });
}
