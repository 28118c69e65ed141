/**
 * `npm run bench:changed-article -- --corpus DIR --index DIR --cache DIR [--runs N]`: a reindex after one changed
 * article, on an index built before from that corpus (e.g. the 20,000-passage one: `npm run generate-corpus --
 * --passages 20000 --seed 1 --out DIR`, then `npm run reindex` with CORPUS_DIR, INDEX_DIR and EMBED_CACHE_DIR set).
 * The three folders are copied (never written), one sentence appended to one article, then measured, each run on
 * fresh copies (so the new sentence is embedded every time, the model loaded for it):
 *   - the terminal's `node dist/cli/reindex.js` as a new process: wall time, CPU time (user + system) and peak RSS;
 *   - the bot's /reindex: an engine loaded in this process (as the bot holds it, from dist/ as `npm start` runs it),
 *     `engine.reindex()` building in its worker process (dist/engine/buildWorker.js) and this process loading the new
 *     build: wall time, and the time to each progress stage.
 * Run `npm run build` first (both rows run dist/). Print the load average beside the figures: wall times
 * on a shared machine are several times the CPU times.
 */
import { cp, mkdtemp, readdir, appendFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config.js';
import type { createEngine as CreateEngine } from '../src/engine/createEngine.js';
import { createLogger } from '../src/log.js';
import { child, described, s } from './lib/childRun.js';
import { embeddedNow } from './lib/reportFigures.js';

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, cache: { type: 'string' }, runs: { type: 'string', default: '3' } } });
if (!values.corpus || !values.index || !values.cache) throw new Error('--corpus, --index and --cache name a corpus, an index built from it and its embedding cache');
const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');

/** Fresh copies of the three folders, one sentence appended to the corpus's middle article. */
async function copies(): Promise<{ dir: string; corpus: string; index: string; cache: string; article: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-changed-'));
  const [corpus, index, cache] = ['corpus', 'index', 'cache'].map((n) => path.join(dir, n)) as [string, string, string];
  await Promise.all([cp(values.corpus!, corpus, { recursive: true }), cp(values.index!, index, { recursive: true }), cp(values.cache!, cache, { recursive: true })]);
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.md')).sort();
  const article = files[Math.floor(files.length / 2)]!;
  await appendFile(path.join(corpus, article), '\n\nA spokesman said on Friday that the talks would resume in Paris next week.\n');
  return { dir, corpus, index, cache, article };
}

async function main(): Promise<void> {
  const runs = Number(values.runs);
  for (let i = 0; i < runs; i++) {
    const c = await copies();
    const env = { ...process.env, CORPUS_DIR: c.corpus, INDEX_DIR: c.index, EMBED_CACHE_DIR: c.cache, LOG_LEVEL: 'warn' };
    const before = load();
    const run = await child(['dist/cli/reindex.js'], env);
    console.log(`terminal (node dist/cli/reindex.js): ${described(run)}; ${embeddedNow(run.stdout) ?? '?'} embedded; load ${before}`);
    await rm(c.dir, { recursive: true, force: true });
  }
  // The bot as `npm start` runs it (dist/): its /reindex worker is dist/engine/buildWorker.js, not the sources through tsx.
  const { createEngine } = (await import(pathToFileURL(path.resolve('dist/engine/createEngine.js')).href)) as { createEngine: typeof CreateEngine };
  for (let i = 0; i < runs; i++) {
    const c = await copies();
    const config = { ...loadConfig(), CORPUS_DIR: c.corpus, INDEX_DIR: c.index, EMBED_CACHE_DIR: c.cache, REINDEX_IN_WORKER: true };
    const engine = await createEngine(config, { log: createLogger('warn') });
    const before = load();
    const stages: string[] = [];
    const t0 = performance.now();
    let last = '';
    const report = await engine.reindex((p) => {
      if (p.stage === last) return;
      last = p.stage;
      stages.push(`${p.stage} ${s(performance.now() - t0)}`);
    });
    const wall = performance.now() - t0;
    console.log(`bot (/reindex: worker, then the new build loaded): ${s(wall)} wall; ${report.embedded} embedded; stages: ${stages.join(', ')}; load ${before}`);
    await rm(c.dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
