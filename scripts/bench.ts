/**
 * `npm run bench`: index build time and passages per second (fresh build, empty embedding cache),
 * cold start to first answer (a new process with the index present), warm ask latency over
 * 200 questions split into embed, search and compose (p50, p95), and the bot's acknowledgement latency
 * while a /reindex embeds a new 300-passage article (an /ask every 250 ms through the local Discord).
 * `npm run bench -- --reindex-latency` runs only that last part.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig, type Config } from '../src/config/config.js';
import { ackLatencyDuringReindex } from './benchReindexLatency.js';
import { createEngine } from '../src/engine/createEngine.js';
import { readRetrievalQuestions } from '../src/evaluation/fixtures.js';
import { createLogger } from '../src/log.js';

const run = promisify(execFile);
const WARM_QUESTIONS = 200;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(name: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${name.padEnd(22)} p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(7)} ms`;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'declaration-bench-'));
  const config = { ...base, INDEX_DIR: path.join(tmp, 'index'), EMBED_CACHE_DIR: path.join(tmp, 'cache') };
  const log = createLogger('warn');
  if (process.argv.includes('--reindex-latency')) {
    try {
      await reindexLatency(base, tmp);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return;
  }
  try {
    // 1. Index build from scratch.
    const t0 = performance.now();
    const engine = await createEngine(config, { log });
    const buildMs = performance.now() - t0;
    const report = engine.lastReport!;
    console.log(`Embedder: ${engine.embedder.id} (${engine.embedder.dimensions} dimensions)`);
    console.log(`Index build (fresh, empty cache): ${report.passages} passages from ${report.articles} articles in ${(report.ms / 1000).toFixed(2)} s ` +
      `(${(report.passages / (report.ms / 1000)).toFixed(1)} passages/s; engine start incl. model load ${(buildMs / 1000).toFixed(2)} s)`);
    const t1 = performance.now();
    const again = await engine.reindex();
    console.log(`Reindex, nothing changed (all from cache): ${((performance.now() - t1) / 1000).toFixed(2)} s, ${again.embedded} embedded`);

    // 2. Cold start: a new process loads model and index and answers one question.
    const env = { ...process.env, INDEX_DIR: config.INDEX_DIR, EMBED_CACHE_DIR: config.EMBED_CACHE_DIR, LOG_LEVEL: 'warn' };
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const c0 = performance.now();
      await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', 'What did Kushner say?'], { env });
      colds.push(performance.now() - c0);
    }
    console.log(`Cold start to first answer (new process, index present, through tsx): ${colds.map((c) => (c / 1000).toFixed(2)).join(' s, ')} s`);
    // The compiled CLI (`npm run build`, run by `npm ci`): what a deployment runs.
    if (existsSync('dist/cli/ask.js')) {
      const compiled: number[] = [];
      for (let i = 0; i < 3; i++) {
        const c0 = performance.now();
        await run(process.execPath, ['dist/cli/ask.js', '--json', 'What did Kushner say?'], { env });
        compiled.push(performance.now() - c0);
      }
      console.log(`Cold start to first answer (compiled, node dist/cli/ask.js): ${compiled.map((c) => (c / 1000).toFixed(2)).join(' s, ')} s`);
    }

    // 3. Warm latency.
    const fixtures = await readRetrievalQuestions(path.resolve('test/fixtures/eval-questions.json'));
    const questions = Array.from({ length: WARM_QUESTIONS }, (_, i) => fixtures[i % fixtures.length]!.question);
    for (const q of questions.slice(0, 10)) await engine.ask(q);
    const embed: number[] = [];
    const search: number[] = [];
    const compose: number[] = [];
    const total: number[] = [];
    for (const q of questions) {
      const r = await engine.ask(q);
      embed.push(r.timings.embedMs);
      search.push(r.timings.searchMs);
      compose.push(r.timings.composeMs);
      total.push(r.timings.embedMs + r.timings.searchMs + r.timings.composeMs);
    }
    console.log(`\nWarm ask over ${WARM_QUESTIONS} questions:`);
    console.log(summary('embed', embed));
    console.log(summary('search', search));
    console.log(summary('compose', compose));
    console.log(summary('embed+search+compose', total));

    // 4. The bot during a reindex.
    await reindexLatency({ ...base, EMBED_CACHE_DIR: config.EMBED_CACHE_DIR }, tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function reindexLatency(config: Config, tmp: string): Promise<void> {
  // 'inline' is how a reindex ran before it moved to a worker process: kept here for comparison.
  for (const buildIn of ['worker', 'inline'] as const) {
    const r = await ackLatencyDuringReindex(config, tmp, { buildIn });
    const where = buildIn === 'worker' ? 'built in a worker process' : 'built in the bot\'s own process, as before, for comparison';
    console.log(`\nThe bot during a /reindex (${where}) that embeds ${r.embedded} new passages (${r.reindexSeconds.toFixed(1)} s), an /ask every ${r.intervalMs} ms:`);
    console.log(summary('ack before reindex', r.idle));
    console.log(summary('ack during reindex', r.during));
    console.log(`${'slowest ack'.padEnd(22)} ${r.slowest.ms} ms, for a question sent ${(r.slowest.atMs / 1000).toFixed(1)} s into the reindex`);
    console.log(`${'acks over 3 s'.padEnd(22)} ${r.during.filter((ms) => ms > 3000).length} of ${r.during.length} (Discord drops an interaction not acknowledged within 3 s)`);
    console.log(`${'progress edits'.padEnd(22)} ${r.progressEdits} while it ran (first after ${(r.firstProgressMs / 1000).toFixed(1)} s)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
