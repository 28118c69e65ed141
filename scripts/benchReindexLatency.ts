/**
 * The bot's acknowledgement latency while a /reindex embeds new text: the bot as `npm start` runs it (its own
 * process, so a busy bot cannot slow down the questioner) against the local Discord of the tests, a copy of the
 * corpus with a generated 300-paragraph article added, then a /reindex and an /ask every 250 ms until the
 * reindex reports. Latency is measured from the local Discord sending the interaction to the bot's
 * acknowledgement (its defer or reply) arriving there.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../src/config/config.js';
import { FakeDiscord, type InteractionHandle } from '../test/helpers/fakeDiscord.js';
import { generatedArticle } from '../test/helpers/generatedArticle.js';
import { embeddedNow } from './lib/reportFigures.js';

const CALLBACK = '/interactions/{interaction_id}/{interaction_token}/callback';
const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';
const QUESTIONS = [
  'Where will the UK and France set up military hubs?',
  'Who signed the Paris Declaration?',
  'What did Kushner say?',
  'What did Starmer say about Putin?',
  'What happens after a ceasefire?',
];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface ReindexLatency {
  intervalMs: number;
  /** Acknowledgement latencies (ms) of questions asked before the reindex, then during it. */
  idle: number[];
  during: number[];
  embedded: number;
  reindexSeconds: number;
  progressEdits: number;
  firstProgressMs: number;
  /** The slowest acknowledgement during the reindex, and when its question was sent (ms after the /reindex). */
  slowest: { ms: number; atMs: number };
}

export async function ackLatencyDuringReindex(
  base: Config,
  tmp: string,
  { paragraphs = 300, intervalMs = 250, buildIn = 'worker' as 'worker' | 'inline' } = {},
): Promise<ReindexLatency> {
  const dir = path.join(tmp, `reindex-latency-${buildIn}`);
  const corpus = path.join(dir, 'corpus');
  await mkdir(dir, { recursive: true });
  await cp(base.CORPUS_DIR, corpus, { recursive: true });
  const discord = await FakeDiscord.start({ heartbeatIntervalMs: 5000 });
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/bot/main.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CORPUS_DIR: corpus,
      INDEX_DIR: path.join(dir, 'index'),
      EMBED_CACHE_DIR: base.EMBED_CACHE_DIR,
      MODEL_DIR: base.MODEL_DIR,
      EMBEDDING_MODEL: base.EMBEDDING_MODEL,
      DISCORD_TOKEN: discord.token,
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_API_BASE: discord.apiBase,
      COOLDOWN_SECONDS: '0',
      ANSWER_ON_MENTION: 'false',
      SHARDS: '0',
      LOG_LEVEL: 'info',
      REINDEX_IN_WORKER: String(buildIn === 'worker'),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  bot.stderr.on('data', (d: Buffer) => (log += d.toString()));
  const exited = once(bot, 'exit');
  while (!log.includes('connected to Discord')) {
    if (bot.exitCode !== null) throw new Error(`the bot stopped:\n${log}`);
    await sleep(100);
  }

  const ackMs = (i: InteractionHandle): number | null => {
    const ack = discord.requests.find((r) => r.route === CALLBACK && r.path.startsWith(`/interactions/${i.id}/`));
    const sent = discord.dispatchedTime(i.id);
    return ack && sent !== undefined ? ack.at - sent : null;
  };
  const askEvery = async (until: () => boolean, max: number): Promise<InteractionHandle[]> => {
    const asked: InteractionHandle[] = [];
    while (!until() && asked.length < max) {
      asked.push(discord.command('ask', { question: QUESTIONS[asked.length % QUESTIONS.length]! }));
      await sleep(intervalMs);
    }
    return asked;
  };
  const latencies = async (asked: InteractionHandle[]): Promise<number[]> => {
    // Every question gets its acknowledgement (or Discord's refusal of a late one) within a few seconds.
    for (let waited = 0; waited < 60_000 && asked.some((i) => ackMs(i) === null); waited += 100) await sleep(100);
    return asked.map(ackMs).filter((ms): ms is number => ms !== null);
  };

  try {
    const idle = await latencies(await askEvery(() => false, 20));

    await writeFile(path.join(corpus, 'bench-generated-article.md'), generatedArticle(paragraphs));
    const started = Date.now();
    const reindex = discord.command('reindex', {}, discord.users.moderator);
    let finished = false;
    const report = discord
      .waitForRequest(
        (r) => r.path.includes(`/${reindex.token}/`) && r.method === 'PATCH' && r.route === ORIGINAL && r.status === 200 && r.body.embeds?.[0]?.title !== 'Reindexing…',
        { timeoutMs: 600_000 },
      )
      .then((r) => {
      finished = true;
      return r;
    });
    // Awaited below; a failure meanwhile must still reach the finally that stops the bot (no unhandled rejection).
    report.catch(() => (finished = true));
    const asked = await askEvery(() => finished, 10_000);
    await report;
    const reindexSeconds = (Date.now() - started) / 1000;
    const during = await latencies(asked);
    const edits = reindex.requests().filter((r) => r.method === 'PATCH' && r.route === ORIGINAL && r.body.embeds?.[0]?.title === 'Reindexing…');
    const final = (await report).body.embeds?.[0]?.description ?? '';
    const slowest = asked
      .map((i) => ({ ms: ackMs(i) ?? 0, atMs: (discord.dispatchedTime(i.id) ?? started) - started }))
      .reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, atMs: 0 });
    return {
      intervalMs,
      idle,
      during,
      embedded: embeddedNow(final) ?? 0,
      reindexSeconds,
      progressEdits: edits.length,
      firstProgressMs: edits.length > 0 ? edits[0]!.at - started : 0,
      slowest,
    };
  } finally {
    bot.kill('SIGTERM');
    await exited;
    await discord.close();
  }
}
