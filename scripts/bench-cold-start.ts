/**
 * `npm run bench:cold -- --corpus DIR --index DIR --cache DIR [--runs N] [--root DIR ...] [--kinds speaker,fact]`:
 * cold start to first answer, by kind of first question. Each run is a new `node dist/cli/ask.js --json QUESTION`
 * process (model load, index load and checks, one answer) against that corpus, index and embedding cache (a cold
 * start only reads them). Prints each run's wall time, CPU time (user + system) and peak RSS from /usr/bin/time,
 * the median per kind, the load average before and after, and a digest of each answer (its JSON without timings)
 * so two versions of the code can be checked to give the same answers.
 *
 * With several `--root` folders (each a checkout with a built dist/, e.g. main's beside a branch), runs alternate
 * between them, question by question, so both see the same load. Run `npm run build` first in each. A root given as
 * `DIR=INDEX` runs against that index instead of --index (the same build in other file formats, for instance one
 * made by scripts/upgrade-derived.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCurrentBuild, buildDir, MANIFEST_FILE } from '../src/index/indexFiles.js';
import { child, mb, s, type ChildRun } from './lib/childRun.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    index: { type: 'string' },
    cache: { type: 'string' },
    runs: { type: 'string', default: '3' },
    root: { type: 'string', multiple: true },
    kinds: { type: 'string' },
    outlet: { type: 'string' },
  },
});

/** The outlet with the most articles in the build (an outlet-scoped first question names it). */
async function busiestOutlet(indexDir: string): Promise<string> {
  const build = await readCurrentBuild(indexDir);
  if (build === null) throw new Error(`No index in ${indexDir}: build it first (npm run reindex with INDEX_DIR set).`);
  const manifest = JSON.parse(readFileSync(path.join(buildDir(indexDir, build), MANIFEST_FILE), 'utf8')) as { articles: { outlet: string }[] };
  const counts = new Map<string, number>();
  for (const a of manifest.articles) counts.set(a.outlet, (counts.get(a.outlet) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/** The answer without its timings (they differ run to run), hashed: equal digests, equal answers. */
function answerDigest(stdout: string): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'timings').map(([k, v]) => [k, strip(v)]));
    return value;
  };
  try {
    return createHash('sha256').update(JSON.stringify(strip(JSON.parse(stdout)))).digest('hex').slice(0, 12);
  } catch {
    return `not JSON: ${stdout.slice(0, 60)}`;
  }
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)]!;
};
const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');

async function main(): Promise<void> {
  if (!values.corpus || !values.index || !values.cache) throw new Error('Usage: bench-cold-start --corpus DIR --index DIR --cache DIR [--runs N] [--root DIR ...]');
  const env = {
    ...process.env,
    CORPUS_DIR: path.resolve(values.corpus),
    INDEX_DIR: path.resolve(values.index),
    EMBED_CACHE_DIR: path.resolve(values.cache),
    LOG_LEVEL: 'warn',
  };
  const roots = values.root ?? ['.'];
  const where = (root: string): { dir: string; index: string } => {
    const [dir, index] = root.split('=');
    return { dir: path.resolve(dir!), index: index ? path.resolve(index) : env.INDEX_DIR };
  };
  for (const root of roots) if (!existsSync(path.join(where(root).dir, 'dist/cli/ask.js'))) throw new Error(`${where(root).dir}/dist/cli/ask.js is missing: run npm run build there.`);
  const outlet = values.outlet ?? (await busiestOutlet(env.INDEX_DIR));
  const all: Record<string, string[]> = {
    speaker: ['What did Downing Street say?'],
    outlet: ['--outlet', outlet, 'What did they report about Greenland?'],
    comparison: ['--compare', 'Greenland'],
    fact: ['What will the military hubs be used for?'],
  };
  const kinds = values.kinds ? values.kinds.split(',') : Object.keys(all);
  const runs = Number(values.runs);
  console.log(`Cold start to first answer: ${runs} runs per kind and root, index ${env.INDEX_DIR}; load average ${load()}`);
  const results = new Map<string, ChildRun[]>();
  const digests = new Map<string, Set<string>>();
  for (let i = 0; i < runs; i++) {
    for (const kind of kinds) {
      for (const root of roots) {
        const args = all[kind];
        if (!args) throw new Error(`Unknown kind ${kind}: one of ${Object.keys(all).join(', ')}`);
        const { dir, index } = where(root);
        const r = await child([path.join(dir, 'dist/cli/ask.js'), '--json', ...args], { ...env, INDEX_DIR: index }, dir);
        const key = `${kind}\t${root}`;
        results.set(key, [...(results.get(key) ?? []), r]);
        digests.set(key, (digests.get(key) ?? new Set()).add(answerDigest(r.stdout)));
      }
    }
  }
  for (const kind of kinds) {
    console.log(`\n${kind}: node dist/cli/ask.js --json ${all[kind]!.map((a) => JSON.stringify(a)).join(' ')}`);
    for (const root of roots) {
      const rs = results.get(`${kind}\t${root}`)!;
      const cpu = rs.flatMap((r) => (r.cpuMs === null ? [] : [r.cpuMs]));
      const rss = rs.flatMap((r) => (r.maxRssBytes === null ? [] : [r.maxRssBytes]));
      console.log(
        `  ${roots.length > 1 ? `${root}: ` : ''}median ${s(median(rs.map((r) => r.wallMs)))} wall, ${s(median(cpu))} CPU, peak RSS ${mb(median(rss))}` +
          `  (runs: ${rs.map((r) => `${s(r.wallMs)}/${r.cpuMs === null ? '?' : s(r.cpuMs)}`).join(', ')})  answer ${[...digests.get(`${kind}\t${root}`)!].join(' ')}`,
      );
    }
  }
  console.log(`\nLoad average after: ${load()}`);
}

await main();
