/**
 * /reindex end to end, on a copy of the corpus the test changes: progress edits, the report of what changed,
 * a second /reindex refused while one runs, questions answered meanwhile, and the new index swapped in.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reindexLockPath } from '../../src/index/lock.js';
import { CORPUS_DIR, embedOf, startHarness, type Harness } from '../helpers/botHarness.js';
import { checkSourceFields, corpusArticles } from '../helpers/corpusCheck.js';
import { generatedArticle } from '../helpers/generatedArticle.js';

const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';
const EPHEMERAL = 64;
const REMOVED = 'tdpel-starmer-signals-british-troop-deployment';
const ADDED = '2026-01-08-test-wire-coordination-cell';

/** A made-up article, only in this test's copy of the corpus. */
const NEW_ARTICLE = `---
outlet: "Test Wire"
headline: "Coordination cell for the Ukraine force will sit at Mont Valerien, test article says"
published: "2026-01-08"
url: "https://example.org/test-wire/coordination-cell"
author: null
---
The coordination cell set up under the Paris Declaration will be based at the Mont Valerien barracks, according to this test article.

A spokesperson quoted in the test article said the cell would plan the deployment of the multinational force once a ceasefire holds.
`;

let h: Harness;
let corpus: string;

beforeAll(async () => {
  corpus = await mkdtemp(path.join(tmpdir(), 'declaration-bot-corpus-'));
  await cp(CORPUS_DIR, corpus, { recursive: true });
  h = await startHarness({ env: { CORPUS_DIR: corpus } });
});

afterAll(async () => {
  await h?.stop();
  await rm(corpus, { recursive: true, force: true });
});

afterEach(() => {
  expect(h.discord.violations).toEqual([]);
});


describe('/reindex', () => {
  it('rebuilds, edits in progress, refuses a second run meanwhile, keeps answering, then reports what changed', { timeout: 240_000 }, async () => {
    const before = h.engine.sources();
    expect(before.articles.map((a) => a.id)).toContain(REMOVED);
    await writeFile(path.join(corpus, `${ADDED}.md`), NEW_ARTICLE);
    await rm(path.join(corpus, `${REMOVED}.md`));

    // Hold Discord's answer to the first progress edit: the reindex reply stays open while we try a second one.
    const held = h.discord.hold('PATCH', ORIGINAL);
    const first = h.discord.command('reindex', {}, h.discord.users.moderator);
    expect((await first.callback()).body).toEqual({ type: 5, data: { flags: 0 } });
    const progress = await held.arrived;
    expect(progress.path).toContain(first.token);
    expect(embedOf(progress).title).toBe('Reindexing…');

    const second = h.discord.command('reindex', {}, h.discord.users.moderator);
    const refused = await second.callback();
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.flags).toBe(EPHEMERAL);
    expect(refused.body.data.content).toMatch(/already running \(started by moderator/);

    const question = h.discord.command('ask', { question: 'Where will the UK and France set up military hubs?' });
    expect(embedOf(await question.edit()).description).toMatch(/\[\d+\]/);
    held.release();

    // The build runs in a worker process that loads the embedding model first: allow it time.
    const report = await first.edit((body) => body.embeds?.[0]?.title === 'Index rebuilt', { timeoutMs: 180_000 });
    const embed = embedOf(report);
    const fields = Object.fromEntries(embed.fields!.map((f) => [f.name, f.value]));
    expect(fields['Added (1)']).toBe('• Test Wire: Coordination cell for the Ukraine force will sit at Mont Valerien, test article says');
    expect(fields['Removed (1)']).toContain('TDPel Media');
    expect(embed.description).toContain('2 articles changed since the last build.');
    // Only one reindex ran: the second was refused, not queued.
    expect(h.logs.filter((l) => l.msg === 'reindex requested in Discord finished')).toHaveLength(1);
    expect(second.requests()).toHaveLength(1);

    // The new index is swapped in: /sources and /ask see the change.
    const sources = embedOf(await h.discord.command('sources').callback());
    const listed = sources.fields!.map((f) => f.value).join('\n');
    expect(listed).toContain('Coordination cell for the Ukraine force will sit at Mont Valerien');
    expect(listed).not.toContain('TDPel');
    const ask = h.discord.command('ask', { question: 'Where will the coordination cell be based?' });
    const answer = embedOf(await ask.edit());
    const cited = checkSourceFields(answer, await corpusArticles(corpus));
    expect([...cited.values()].map((a) => a.id)).toContain(ADDED);
  });

  it('keeps answering while a reindex embeds new text: a question asked meanwhile is answered before it ends, and progress edits move', { timeout: 240_000 }, async () => {
    await writeFile(path.join(corpus, 'generated-article.md'), generatedArticle(300));
    const reindex = h.discord.command('reindex', {}, h.discord.users.moderator);
    await reindex.edit((body) => body.embeds?.[0]?.title === 'Reindexing…');
    const question = h.discord.command('ask', { question: 'Where will the UK and France set up military hubs?' });
    const answer = await question.edit();
    const report = await reindex.edit((body) => body.embeds?.[0]?.title === 'Index rebuilt', { timeoutMs: 180_000 });
    // The embedding runs off the bot's thread: the answer came first.
    expect(answer.seq).toBeLessThan(report.seq);
    expect(embedOf(report).description).toMatch(/\b(?:[3-9]\d\d|\d{4,}) texts embedded now/);
    const progress = reindex
      .requests()
      .filter((r) => r.method === 'PATCH' && r.status === 200 && r.body.embeds?.[0]?.title === 'Reindexing…')
      .map((r) => r.body.embeds[0].description as string);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(2);
    expect(progress.some((d) => /Embedding passages/.test(d) && /\d+\/\d+/.test(d))).toBe(true);
  });

  it('is refused while another process holds the reindex lock', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const lock = reindexLockPath(h.config.INDEX_DIR);
    try {
      await writeFile(lock, JSON.stringify({ pid: other.pid, startedAt: new Date().toISOString() }));
      const i = h.discord.command('reindex', {}, h.discord.users.moderator);
      const refused = await i.callback();
      expect(refused.body.data.flags).toBe(EPHEMERAL);
      expect(refused.body.data.content).toMatch(/already running in another shard or process/);
      expect(JSON.parse(await readFile(lock, 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill();
      await once(other, 'exit');
      await rm(lock, { force: true });
    }
  });
});
