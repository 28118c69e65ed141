/**
 * `npm run bench [-- --passages N] [--seed S] [--cache DIR] [--questions Q]`: the scale table of issue 10 for one corpus.
 *
 * Without --passages it measures the real corpus (corpus/); with it, a synthetic corpus of about N passages
 * generated from the real one (scripts/lib/syntheticCorpus.ts, deterministic by seed). Prints:
 *   - fresh build (empty index, empty embedding cache unless --cache names one to reuse), its throughput, and the
 *     raw embedder's throughput measured in the same run on a sample of the same texts (--raw-sample, 1024), in
 *     corpus order and sorted by length, with the build's rate as a share of each;
 *   - cold start to first answer: a new process (compiled `node dist/cli/ask.js`, and through tsx) loads model and
 *     index and answers one question (`npm run bench:cold` measures it per kind of first question, and compares
 *     checkouts: scripts/bench-cold-start.ts);
 *   - warm ask p50/p95 for every kind of question (speaker, outlet, comparison, fact), embed+search+compose;
 *   - reindex with nothing changed, and after one changed article: in process, and wall time of a new
 *     `node dist/cli/reindex.js` process;
 *   - memory (RSS) of this process with the engine loaded, and its peak.
 * Run `npm run build` first so dist/ matches the sources (the cold-start and reindex-process rows run dist/).
 *   - the bot's acknowledgement latency while a /reindex embeds a new 300-passage article (an /ask every 250 ms
 *     through the local Discord), built in a worker process and, for comparison, in the bot's own process.
 * `npm run bench -- --reindex-latency` runs only that last part; `--build-only` stops after the build and reindex rows.
 * `npm run bench -- --corpus DIR --index DIR [--cache DIR]` measures an index built before (by `npm run reindex` with
 * CORPUS_DIR and INDEX_DIR set to those folders; built here when missing) instead of building one: it prints the
 * cold start, the warm asks and the memory, and leaves out the build, the reindex rows (which change the corpus)
 * and the bot during a reindex. Building 20,000 passages takes minutes; this measures an answering change in seconds.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../src/config/config.js';
import { createEmbedder } from '../src/embeddings/createEmbedder.js';
import { inBatches } from '../src/embeddings/batches.js';
import { ackLatencyDuringReindex } from './benchReindexLatency.js';
import { createEngine } from '../src/engine/createEngine.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { createLogger } from '../src/log.js';
import { buildPassages } from '../src/passages/buildPassages.js';
import { sentenceUnits } from '../src/index/buildIndex.js';
import type { Embedder } from '../src/types.js';
import { embeddedNow } from './lib/reportFigures.js';
import { benchQuestions } from './lib/benchQuestions.js';
import { generateCorpus } from './lib/syntheticCorpus.js';
import { child, described, mb, runFile as run, s } from './lib/childRun.js';

const { values } = parseArgs({
  options: {
    passages: { type: 'string' },
    seed: { type: 'string', default: '1' },
    cache: { type: 'string' },
    questions: { type: 'string', default: '40' },
    'raw-sample': { type: 'string', default: '1024' },
    'reindex-latency': { type: 'boolean', default: false },
    'build-only': { type: 'boolean', default: false },
    corpus: { type: 'string' },
    index: { type: 'string' },
  },
});

/** Texts per embed call in the raw runs: what the build sends (EMBED_BATCH in buildIndex.ts). */
const RAW_BATCH = 32;

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function p50p95(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(1).padStart(7)} ms`;
}

function summary(name: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${name.padEnd(22)} p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(7)} ms`;
}

/** The configured embedder, timing the time spent inside embed calls. */
function timed(inner: Embedder): Embedder & { ms: number; texts: number } {
  const out = {
    id: inner.id,
    dimensions: inner.dimensions,
    ms: 0,
    texts: 0,
    async embed(texts: string[]) {
      const t0 = performance.now();
      const vectors = await inner.embed(texts);
      out.ms += performance.now() - t0;
      out.texts += texts.length;
      return vectors;
    },
  };
  return out;
}

async function main(): Promise<void> {
  const base = loadConfig();
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'declaration-bench-'));
  const reuse = values.index !== undefined;
  if (reuse && (values.corpus === undefined || values.passages !== undefined)) throw new Error('--index needs --corpus (the corpus it was built from), and no --passages');
  // A corpus is built and reindexed from a copy (the reindex rows append a sentence to one of its articles): never the
  // real one, nor one given with --corpus. An index built before (--index) is only read, with its corpus.
  const corpusDir = reuse ? path.resolve(values.corpus!) : path.join(tmp, 'corpus');
  if (!reuse && !values.passages) await cp(path.resolve(values.corpus ?? base.CORPUS_DIR), corpusDir, { recursive: true });
  const cacheDir = values.cache ? path.resolve(values.cache) : path.join(tmp, 'cache');
  const config = { ...base, CORPUS_DIR: corpusDir, INDEX_DIR: reuse ? path.resolve(values.index!) : path.join(tmp, 'index'), EMBED_CACHE_DIR: cacheDir };
  const log = createLogger('warn');
  if (values['reindex-latency']) {
    try {
      await reindexLatency(base, tmp);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
    return;
  }
  const perKind = Number(values.questions);
  try {
    if (values.passages) {
      const g = await generateCorpus({ sourceDir: path.resolve(base.CORPUS_DIR), outDir: corpusDir, passages: Number(values.passages), seed: Number(values.seed) });
      console.log(`Synthetic corpus: ${g.articles} articles, ${g.passages} passages (seed ${values.seed})`);
    }
    const cacheWarm = values.cache !== undefined && existsSync(cacheDir) && (await readdir(cacheDir)).length > 0;

    let engine: Awaited<ReturnType<typeof createEngine>>;
    const env = { ...process.env, CORPUS_DIR: corpusDir, INDEX_DIR: config.INDEX_DIR, EMBED_CACHE_DIR: cacheDir, LOG_LEVEL: 'warn' };
    const compiled = existsSync('dist/cli/ask.js');
    if (!compiled) console.log('(dist/ missing: run `npm run build` for the cold-start and reindex-process rows)');
    if (reuse) {
      const l0 = performance.now();
      engine = await createEngine(config, { log });
      const loaded = engine.sources();
      console.log(`Index ${config.INDEX_DIR} (${engine.lastReport ? 'built now' : 'built before'}): ${loaded.passages} passages, ${loaded.articles.length} articles; engine start in this process ${s(performance.now() - l0)}`);
    } else {
      engine = await buildAndReindex(config, corpusDir, cacheDir, cacheWarm, env, compiled);
      if (values['build-only']) {
        await engine.close();
        return;
      }
    }

    // 5. Cold start: a new process loads model and index and answers one question.
    const speakers = engine.speakers();
    const first = `What did ${speakers[0]?.name ?? 'Kushner'} say?`;
    if (compiled) {
      console.log(`\nCold start to first answer (node dist/cli/ask.js, "${first}"):`);
      for (let i = 0; i < 3; i++) console.log(`  ${described(await child(['dist/cli/ask.js', '--json', first], env))}`);
    }
    const t = performance.now();
    await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', first], { env });
    console.log(`Cold start to first answer through tsx (npm run ask): ${s(performance.now() - t)}`);

    // 6. Warm asks, by kind of question.
    const kinds = await benchQuestions(engine);
    for (const make of Object.values(kinds)) for (let i = 0; i < 5; i++) await engine.ask(make());
    console.log(`\nWarm ask, ${perKind} questions per kind (embed+search+compose; wall = the whole ask call):`);
    for (const [kind, make] of Object.entries(kinds)) {
      const total: number[] = [];
      const compose: number[] = [];
      const wall: number[] = [];
      for (let i = 0; i < perKind; i++) {
        const w0 = performance.now();
        const r = await engine.ask(make());
        wall.push(performance.now() - w0);
        total.push(r.timings.embedMs + r.timings.searchMs + r.timings.composeMs);
        compose.push(r.timings.composeMs);
      }
      console.log(`  ${kind.padEnd(11)} total ${p50p95(total)}   compose ${p50p95(compose)}   wall ${p50p95(wall)}`);
    }

    // 7. Memory.
    const usage = process.memoryUsage();
    console.log(`\nMemory: RSS ${mb(usage.rss)} with the engine loaded (heap ${mb(usage.heapUsed)}), peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} (includes the build)`);

    // 8. The bot during a reindex.
    if (!reuse) await reindexLatency({ ...base, EMBED_CACHE_DIR: config.EMBED_CACHE_DIR }, tmp);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

interface RawRun {
  texts: number;
  ms: number;
  cpuMs: number;
}

const rateOf = (r: RawRun): number => r.texts / (r.ms / 1000);
const pool = (a: RawRun, b: RawRun): RawRun => ({ texts: a.texts + b.texts, ms: a.ms + b.ms, cpuMs: a.cpuMs + b.cpuMs });

/** `rounds` times: the sample in corpus order, then sorted by length (as embedInto sends a build's texts); batches of RAW_BATCH. */
async function rawRounds(embedder: Embedder, sample: readonly string[], rounds: number): Promise<{ corpus: RawRun; sorted: RawRun }> {
  const runs = { corpus: { texts: 0, ms: 0, cpuMs: 0 }, sorted: { texts: 0, ms: 0, cpuMs: 0 } };
  for (let round = 0; round < rounds; round++) {
    for (const order of ['corpus', 'sorted'] as const) {
      const [w0, c0] = [performance.now(), cpuMs()];
      if (order === 'corpus') for (let i = 0; i < sample.length; i += RAW_BATCH) await embedder.embed(sample.slice(i, i + RAW_BATCH));
      else await inBatches(sample, RAW_BATCH, (batch) => embedder.embed(batch), { byLength: true });
      runs[order].ms += performance.now() - w0;
      runs[order].cpuMs += cpuMs() - c0;
      runs[order].texts += sample.length;
    }
  }
  return runs;
}

function rawLines({ corpus, sorted }: { corpus: RawRun; sorted: RawRun }): string {
  return [
    `  in corpus order      ${rateOf(corpus).toFixed(1).padStart(6)} texts/s (${s(corpus.ms)} wall, ${s(corpus.cpuMs)} CPU)`,
    `  sorted by length     ${rateOf(sorted).toFixed(1).padStart(6)} texts/s (${s(sorted.ms)} wall, ${s(sorted.cpuMs)} CPU): sorting gives ${pct(rateOf(sorted) / rateOf(corpus) - 1)}`,
  ].join('\n');
}

/** The fresh build with the raw embedder's throughput, then the reindex rows; returns the engine it built. */
async function buildAndReindex(config: Config, corpusDir: string, cacheDir: string, cacheWarm: boolean, env: NodeJS.ProcessEnv, compiled: boolean) {
  const log = createLogger('warn');
  // 1. Raw embedder throughput on a sample of the texts the build embeds (the distinct passages and sentences of
  // passages of several sentences, taken evenly across the corpus), in batches of 32 as the build sends them: in
  // corpus order, and sorted by length as the build sends them (see embedInto). Two rounds before the build and one
  // after it, each order in turn, pooled: load from elsewhere on the machine weighs on both orders alike, and a change
  // of load during the build shows as a difference between before and after.
  const embedder = timed(await createEmbedder(config));
  const { articles } = await loadCorpus(corpusDir);
  const passages = articles.flatMap((a) => buildPassages(a));
  const texts = [...new Set([...passages.map((p) => p.text), ...sentenceUnits(passages).map((u) => u.text)])];
  const size = Math.min(texts.length, Number(values['raw-sample']));
  const sample = Array.from({ length: size }, (_, i) => texts[Math.floor((i * texts.length) / size)]!);
  await embedder.embed(sample.slice(0, 8)); // warm-up
  const before = await rawRounds(embedder, sample, 2);
  console.log(`Embedder: ${embedder.id} (${embedder.dimensions} dimensions); raw throughput on ${sample.length} of the ${texts.length} distinct texts a build embeds, batches of ${RAW_BATCH}, 2 rounds (load average ${loadAverage()}):`);
  console.log(rawLines(before));

  // 2. Build from scratch.
  embedder.ms = 0;
  embedder.texts = 0;
  const [t0, c0] = [performance.now(), cpuMs()];
  const engine = await createEngine(config, { log, embedder });
  const startMs = performance.now() - t0;
  const startCpuMs = cpuMs() - c0;
  const report = engine.lastReport!;
  const rate = report.passages / (report.ms / 1000);
  const buildLoad = loadAverage();
  const inside = { ms: embedder.ms, texts: embedder.texts };
  const after = await rawRounds(embedder, sample, 1);
  const pooled = { corpus: pool(before.corpus, after.corpus), sorted: pool(before.sorted, after.sorted) };
  console.log(`Raw again after the build, 1 round (load average ${loadAverage()}):\n${rawLines(after)}`);
  const drift = Math.abs(rateOf(after.sorted) / rateOf(before.sorted) - 1);
  if (drift > 0.15) console.log(`  (the raw rate moved ${pct(drift)} between before and after the build: the machine's load changed, the shares below are unreliable)`);
  console.log(
    `\nBuild ${cacheWarm ? '(embedding cache reused: NOT a fresh-build figure)' : '(fresh: empty index, empty embedding cache)'}: ` +
      `${report.passages} passages, ${report.articles} articles in ${s(report.ms)} (engine start incl. deriving and saving ${s(startMs)} wall, ${s(startCpuMs)} CPU; load average ${buildLoad})`,
  );
  // Syndicated copies are embedded once, so passages/s can pass the raw rate; texts embedded per second of the whole
  // build, against the raw rate on the same kind of texts (pooled over the 3 rounds), is the fair comparison. Against
  // the raw rate in corpus order (what embedding the texts as they come gives), and sorted by length (what the build's
  // own embedding gives: the rest of the gap is the build's work outside the embed calls).
  const textRate = report.embedded / (startMs / 1000);
  console.log(
    `  ${rate.toFixed(1)} passages/s; ${report.embedded} texts embedded at ${textRate.toFixed(1)} texts/s over the whole build = ` +
      `${pct(textRate / rateOf(pooled.corpus))} of raw in corpus order (${rateOf(pooled.corpus).toFixed(1)}), ${pct(textRate / rateOf(pooled.sorted))} of raw sorted by length (${rateOf(pooled.sorted).toFixed(1)})`,
  );
  const insideRate = inside.texts / (inside.ms / 1000);
  console.log(`  ${s(inside.ms)} inside embed calls (${inside.texts} texts, ${insideRate.toFixed(1)} texts/s), ${s(startMs - inside.ms)} outside them`);

  // 3. Reindex in process, nothing changed.
  const n0 = performance.now();
  const same = await engine.reindex();
  console.log(`\nReindex, nothing changed, in process: ${s(performance.now() - n0)} (${same.embedded} embedded)`);


  // 4. Reindex as a new process (what `npm run reindex` does, without npm's own start-up).
  if (compiled) {
    console.log(`Reindex, nothing changed, new process (node dist/cli/reindex.js): ${described(await child(['dist/cli/reindex.js'], env))}`);
    const files = (await readdir(corpusDir)).filter((f) => f.endsWith('.md')).sort();
    const victim = path.join(corpusDir, files[Math.floor(files.length / 2)]!);
    await appendFile(victim, '\n\nA spokesman said on Friday that the talks would resume in Paris next week, with ministers from every member of the coalition invited.\n');
    const changed = await child(['dist/cli/reindex.js'], env);
    const embedded = embeddedNow(changed.stdout) ?? '?';
    console.log(`Reindex, one article changed, new process: ${described(changed)} (${embedded} embedded)`);
    const i0 = performance.now();
    const again = await engine.reindex(); // this engine still holds the build before the change
    console.log(`Reindex, one article changed, in process: ${s(performance.now() - i0)} (${again.embedded} embedded)`);
  }
  return engine;
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
