/**
 * `npm run articles` as a moderator runs it: `node --import tsx src/cli/articles.ts ...` in a child process, on a
 * copy of the corpus with the index in a temporary folder, pages served by a local news site. The tests run in order.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, PAGES_DIR, startNewsServer, type NewsServer } from './helpers/newsServer.js';
import { CORPUS_DIR, REPO_ROOT, TEST_EMBED_CACHE } from './helpers/testEngine.js';

let dir: string;
let corpus: string;
let news: NewsServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'declaration-cli-articles-'));
  corpus = path.join(dir, 'corpus');
  cpSync(CORPUS_DIR, corpus, { recursive: true });
  news = await startNewsServer();
});
afterAll(async () => {
  await news.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input = '', env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/articles.ts', ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CORPUS_DIR: corpus,
        INDEX_DIR: path.join(dir, 'index'),
        EMBED_CACHE_DIR: TEST_EMBED_CACHE,
        MODEL_DIR: path.join(REPO_ROOT, 'data', 'models'),
        LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const OPEN = { ALLOW_PRIVATE_ADDRESSES: 'true' };
const ME = os.userInfo().username;

describe('npm run articles', () => {
  it('add prints the preview and asks; answering no writes nothing', async () => {
    const before = readdirSync(corpus);
    const r = await run(['add', path.join(PAGES_DIR, 'news-article.html')], 'n\n');
    expect(r.stdout).toContain('Outlet:    The Daily Test (from JSON-LD)');
    expect(r.stdout).toMatch(/Skipped: {3}cookie banner \(1\)/);
    expect(r.stdout).toContain('  2. Admiral Hervé Quillon, who was named to lead the cell, said:');
    expect(r.stderr).toContain('Add this article and reindex? [y/N]');
    expect(r.stderr).toContain('Cancelled; nothing was written.');
    expect(r.code).toBe(1);
    expect(readdirSync(corpus)).toEqual(before);
  }, 120_000);

  it('add --yes fetches a link, takes the flags over the page, writes the file and reindexes', async () => {
    const r = await run(['add', `${news.base}/news/article`, '--outlet', 'Daily Test Online', '--published', '2026-01-08', '--yes', '--json'], '', OPEN);
    expect(r.code).toBe(0);
    const [preview, added] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(preview.preview).toMatchObject({ outlet: 'Daily Test Online', published: '2026-01-08', author: 'Jane Reporter and Tom Writer', from: { outlet: 'moderator', author: 'JSON-LD' } });
    expect(added).toMatchObject({ added: preview.preview.id, report: { added: [preview.preview.id] } });
    const list = await run(['list', '--json']);
    const parsed = JSON.parse(list.stdout);
    expect(parsed.articles.find((a: { id: string }) => a.id === preview.preview.id)).toMatchObject({ outlet: 'Daily Test Online', published: '2026-01-08', url: expect.stringMatching(/^https:\/\/www\.dailytest\.example\//), status: 'indexed', passages: 6 });
    expect(parsed.skipped).toEqual([]);
  }, 120_000);

  it('history and log say who did what', async () => {
    const history = await run(['history']);
    expect(history.stdout).toMatch(new RegExp(String.raw`^\* \S+ {2}\S+ {2}6 articles, \d+ passages {2}add by ${ME} \(terminal\)\n {4}\+ Daily Test Online: Coordination cell`));
    const log = await run(['log']);
    expect(log.stdout).toContain(`${ME} (terminal)  add 2026-01-08-daily-test-online-`);
    expect(log.stdout).toMatch(/add 2026-01-08-daily-test-online-\S+ \(Daily Test Online\) -> build /);
  }, 60_000);

  it('refuses bad input clearly: a private address, missing details, an unknown id or build', async () => {
    const blocked = await run(['add', `${news.base}/news/article`, '--yes']);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr.trim().split('\n').at(-1)).toMatch(/^Refused: 127\.0\.0\.1 is a loopback address \(this machine\)\. Only public web addresses are fetched/);
    expect(blocked.stderr).not.toMatch(/\n\s+at /);
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, page('no-metadata.html').replace(/<[^>]+>/g, '\n'));
    const missing = await run(['add', file, '--yes']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Not added: the article has no outlet and no headline. Give --outlet and --headline.');
    const unknown = await run(['remove', 'no-such-article', '--yes']);
    expect(unknown.stderr.trim()).toBe('No article in the corpus has the id "no-such-article"; `npm run articles -- list` shows every id.');
    const badDate = await run(['add', file, '--outlet', 'X', '--headline', 'Y', '--published', '8 Jan', '--yes']);
    expect(badDate.stderr.trim().split('\n').at(-1)).toBe('The date "8 Jan" is not a real date written YYYY-MM-DD (for example 2026-01-06).');
  }, 120_000);

  it('remove --yes removes the article and reindexes', async () => {
    const id = readdirSync(corpus).find((f) => f.includes('daily-test-online'))!.replace(/\.md$/, '');
    const r = await run(['remove', id, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Removed ${id}.md`);
    expect(readdirSync(corpus).some((f) => f.includes('daily-test-online'))).toBe(false);
  }, 120_000);
});
