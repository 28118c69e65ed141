/** Two processes (as two shards) writing to one SQLite store at once: nothing lost, nothing fails on a lock. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const WRITER = path.join(ROOT, 'test', 'helpers', 'storeWriter.ts');
const COUNT = 300;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function writer(file: string, tag: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(TSX, [WRITER, file, tag, String(COUNT)], { cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, out, err };
}

it('two processes writing to one database at once lose nothing', async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'declaration-store-shards-'));
  const file = path.join(dir, 'bot.sqlite');
  // Both open (and migrate) a database that does not exist yet, at the same moment.
  const results = await Promise.all([writer(file, 'shard0'), writer(file, 'shard1')]);
  for (const r of results) expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  const store = new SqliteStore(file, 'shared-test-secret-of-at-least-32-chars');
  const insights = await store.insights({ guildId: 'g', since: 0, limit: 10 });
  expect(insights.asked).toBe(2 * COUNT + 1);
  expect(insights.refused).toBe(2 * (COUNT / 5));
  expect(store.db.prepare('SELECT COUNT(*) AS n FROM votes').get()).toEqual({ n: 2 * COUNT + 1 });
  // One member, one vote on the shared answer, whichever shard recorded it last.
  expect(store.db.prepare("SELECT COUNT(*) AS n FROM votes WHERE answer_id = 'shared'").get()).toEqual({ n: 1 });
  expect((await store.settings('g')).cooldownSeconds).toBe(COUNT - 1);
  expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  await store.close();
}, 60_000);
