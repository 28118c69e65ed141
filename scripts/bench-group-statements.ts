/**
 * `npm run bench:group-statements -- --index DIR [--runs N] [--write FILE]`: statement grouping alone
 * (`groupStatements`, src/news/groupStatements.ts) over the statements of a build's saved news layer, with that
 * build's idf weights and speaker directory, as `buildNewsIndex` runs it. Prints each run's wall and CPU time, the
 * load average, the statement and group counts, a digest of the groups (each as its statements' ids, in order, with
 * the representative's id), and whether they are the groups saved with the build. `--write FILE` writes the groups
 * as JSON lines (one group's ids a line), to compare two versions of the code line by line.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDir, readCurrentBuild } from '../src/index/indexFiles.js';
import { groupStatements } from '../src/news/groupStatements.js';
import { newsFromJson } from '../src/news/newsStore.js';

const { values } = parseArgs({
  options: {
    index: { type: 'string' },
    runs: { type: 'string', default: '3' },
    write: { type: 'string' },
  },
});

async function main(): Promise<void> {
  if (values.index === undefined) throw new Error('Usage: npm run bench:group-statements -- --index DIR [--runs N] [--write FILE]');
  const build = await readCurrentBuild(values.index);
  if (build === null) throw new Error(`No build in ${values.index}.`);
  const news = newsFromJson(readFileSync(path.join(buildDir(values.index, build), 'news.json'), 'utf8'));
  if (news === null) throw new Error(`${values.index}: news.json is not one this version reads.`);
  const { statements, weights, directory } = news;
  const lines = (groups: { id: string; statements: { id: string }[] }[]): string[] => groups.map((g) => JSON.stringify([g.id, g.statements.map((s) => s.id)]));
  const saved = lines(news.groups);
  const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`${values.index} (build ${build}): ${statements.length} statements, ${news.groups.length} groups saved; load average ${load()}`);
  for (let run = 1; run <= Number(values.runs); run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const groups = groupStatements(statements, weights, { directory });
    const wall = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const got = lines(groups);
    const digest = createHash('sha256').update(got.join('\n')).digest('hex').slice(0, 16);
    const same = got.length === saved.length && got.every((l, i) => l === saved[i]);
    console.log(
      `run ${run}: ${wall.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU; ${groups.length} groups, digest ${digest}, ${same ? 'same as' : 'DIFFERENT from'} the saved groups; load average ${load()}`,
    );
    if (run === 1 && values.write !== undefined) writeFileSync(values.write, `${got.join('\n')}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
