/**
 * The entry points as processes, the way `npm start` and `npm run deploy-commands` run them (tsx), against the
 * local Discord: the missing-token message, command registration, a clean SIGTERM shutdown that lets a reply in
 * flight finish, and sharding through discord.js's ShardingManager.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR, TEST_EMBED_CACHE } from '../helpers/botHarness.js';
import { repoRoot } from '../helpers/discordSpec.js';
import { FakeDiscord } from '../helpers/fakeDiscord.js';
import { openStore } from '../../src/store/open.js';

const TSX = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Resolves when standard error (the JSON log) has a line containing `text`. */
  logged(text: string): Promise<void>;
}

function run(script: string, env: Record<string, string>): Run {
  const child = spawn(TSX, [script], {
    cwd: repoRoot,
    // Every Discord setting explicit (empty = unset), so a developer's .env cannot leak in.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: '',
      DISCORD_CLIENT_ID: '',
      DISCORD_GUILD_ID: '',
      SHARDS: '0',
      ANSWER_ON_MENTION: 'false',
      COOLDOWN_SECONDS: '0',
      LOG_LEVEL: 'info',
      CORPUS_DIR,
      EMBED_CACHE_DIR: TEST_EMBED_CACHE,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    child.emit('stderr-line');
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    async logged(text) {
      while (!stderr.includes(text)) {
        const done = await Promise.race([once(child, 'stderr-line').then(() => false), exit.then(() => true)]);
        if (done && !stderr.includes(text)) throw new Error(`exited before logging "${text}":\n${stderr}`);
      }
    },
  };
}

let discord: FakeDiscord;
let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeEach(async () => {
  discord = await FakeDiscord.start({ heartbeatIntervalMs: 5000 });
  dir = await mkdtemp(path.join(tmpdir(), 'declaration-bot-process-'));
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await discord.close();
  await rm(dir, { recursive: true, force: true });
  expect(discord.violations).toEqual([]);
});

function discordEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_CLIENT_ID: discord.applicationId,
    DISCORD_API_BASE: discord.apiBase,
    INDEX_DIR: path.join(dir, 'index'),
    STORE_PATH: path.join(dir, 'bot.sqlite'),
    ...extra,
  };
}

function start(script: string, env: Record<string, string>): Run {
  const r = run(script, env);
  children.push(r.child);
  return r;
}

describe('npm start', () => {
  it('without a token, exits with a message saying what to set', async () => {
    const r = start('src/bot/main.ts', { DISCORD_API_BASE: discord.apiBase });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/DISCORD_TOKEN is not set/);
    expect(r.stderr()).toMatch(/\.env\.example/);
    expect(discord.requests).toEqual([]);
  });

  it('builds the index when there is none, logs in, and on SIGTERM finishes the reply in flight before disconnecting', async () => {
    const r = start('src/bot/main.ts', discordEnv({ DISCORD_GUILD_ID: discord.guildId }));
    await discord.waitForIdentify();
    await r.logged('connected to Discord');
    expect(r.stderr()).toMatch(/no index yet: building it from the corpus/);

    const held = discord.hold('PATCH', ORIGINAL);
    const ask = discord.command('ask', { question: 'Where will the UK and France set up military hubs?' });
    await held.arrived;
    r.child.kill('SIGTERM');
    await r.logged('shutting down: finishing replies in flight');
    expect(r.child.exitCode).toBeNull();
    // Still connected while it drains: new work is turned away politely, not dropped.
    const late = await discord.command('sources').callback();
    expect(late.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/restarting/) });
    const closed = discord.waitForGatewayClosed();
    held.release();

    expect(await r.exit).toBe(0);
    expect(await closed).toEqual([1000]);
    const edit = await ask.edit();
    expect(edit.body.embeds[0].description).toMatch(/\[\d+\]/);
    expect(r.stderr()).toMatch(/disconnected from Discord/);
  });

  it('with SHARDS=auto, runs the shards Discord recommends through the ShardingManager, all from one saved index', async () => {
    await discord.close();
    discord = await FakeDiscord.start({ shards: 2, heartbeatIntervalMs: 5000 });
    const r = start('src/bot/main.ts', discordEnv({ SHARDS: 'auto' }));
    await discord.waitForIdentify(2);
    expect(discord.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // The manager built the index once; each shard loaded it.
    expect(r.stderr().match(/no index yet: building it/g)).toHaveLength(1);
    await r.logged('"shard":1');

    const ask = discord.command('ask', { question: 'Who signed the Paris Declaration?' });
    const answer = await ask.edit();
    expect(answer.body.embeds[0].description).toMatch(/\[\d+\]/);
    // Both shard processes opened (and migrated) the one store; the shard serving the guild recorded the answer
    // and takes a vote on it.
    const up = discord.pressButton(ask.original()!, `fb:up:${ask.id}`);
    expect((await up.callback()).body.data.content).toMatch(/Thanks/);
    const store = await openStore({ STORE_PATH: path.join(dir, 'bot.sqlite'), RETENTION_DAYS: 90 });
    expect(await store.insights({ guildId: discord.guildId, since: 0 })).toMatchObject({ asked: 1, answered: 1, votes: { up: 1, down: 0 } });
    await store.close();

    const closed = discord.waitForGatewayClosed();
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(await closed).toEqual([1000, 1000]);
  });

  it('explains what to do when Discord rejects the token or the Message Content intent', async () => {
    const badToken = start('src/bot/main.ts', discordEnv({ DISCORD_TOKEN: 'not-the-token' }));
    expect(await badToken.exit).toBe(1);
    expect(badToken.stderr()).toMatch(/Discord rejected DISCORD_TOKEN/);

    await discord.close();
    discord = await FakeDiscord.start({ messageContentIntent: false });
    const intent = start('src/bot/main.ts', discordEnv({ ANSWER_ON_MENTION: 'true' }));
    expect(await intent.exit).toBe(1);
    expect(intent.stderr()).toMatch(/Turn on "Message Content Intent"/);
  });
});

describe('npm run deploy-commands', () => {
  it('registers the commands in the guild when DISCORD_GUILD_ID is set', async () => {
    const r = start('src/bot/deployCommands.ts', discordEnv({ DISCORD_GUILD_ID: discord.guildId }));
    expect(await r.exit).toBe(0);
    expect(r.stdout()).toMatch(new RegExp(`Registered 9 commands in guild ${discord.guildId}: /articles, /ask, /help, /insights, /privacy, /quote, /reindex, /settings, /sources`));
    expect(discord.requests.map((x) => `${x.method} ${x.path}`)).toEqual([`PUT /applications/${discord.applicationId}/guilds/${discord.guildId}/commands`]);
  });

  it('registers them globally otherwise', async () => {
    const r = start('src/bot/deployCommands.ts', discordEnv());
    expect(await r.exit).toBe(0);
    expect(r.stdout()).toMatch(/Registered 9 commands globally/);
    expect(discord.requests.map((x) => `${x.method} ${x.path}`)).toEqual([`PUT /applications/${discord.applicationId}/commands`]);
    expect(discord.commands.get('global')!.map((c: { name: string }) => c.name)).toEqual(['articles', 'ask', 'help', 'insights', 'privacy', 'quote', 'reindex', 'settings', 'sources']);
  });

  it('says which setting is missing', async () => {
    const r = start('src/bot/deployCommands.ts', { ...discordEnv(), DISCORD_CLIENT_ID: '' });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/Set DISCORD_CLIENT_ID/);
  });
});
