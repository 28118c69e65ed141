/**
 * The entry points as processes, the way `npm start` (compiled JavaScript, node dist/bot/main.js) and
 * `npm run deploy-commands` (tsx) run them, against the local Discord: the missing-token message, command
 * registration, every way of stopping (SIGTERM to the process or its group, Ctrl-C, SIGTERM to npm) letting a
 * reply in flight finish and exiting 0, also with shards; SIGTERM during /reindex; fatal gateway close codes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { reindexLockPath } from '../../src/index/lock.js';
import { ensureBuilt } from '../helpers/built.js';
import { CORPUS_DIR, TEST_EMBED_CACHE } from '../helpers/botHarness.js';
import { repoRoot } from '../helpers/discordSpec.js';
import { FakeDiscord } from '../helpers/fakeDiscord.js';
import { openStore } from '../../src/store/open.js';
import { generatedArticle } from '../helpers/generatedArticle.js';

const TSX = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
/** The compiled bot, what `npm start` runs (built by `npm ci`; rebuilt here when a source is newer). */
const BOT = 'dist/bot/main.js';
const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';

interface Run {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /** Resolves when standard error (the JSON log) has a line containing `text`. */
  logged(text: string): Promise<void>;
}

/** How to start a script: `.ts` through tsx, `.js` with node, `npm start` through npm; `detached` gives it its own process group. */
function commandFor(script: string): [string, string[]] {
  if (script === 'npm start') return ['npm', ['start', '--silent']];
  return script.endsWith('.ts') ? [TSX, [script]] : [process.execPath, [script]];
}

function run(script: string, env: Record<string, string>, { detached = false } = {}): Run {
  const [command, args] = commandFor(script);
  const child = spawn(command, args, {
    cwd: repoRoot,
    detached,
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

// Each test starts bot processes that load the embedding model (and a first build runs in a worker process that
// loads it again): on a busy 2-core machine that takes well over the default minute.
vi.setConfig({ testTimeout: 240_000 });

beforeAll(() => ensureBuilt(), 240_000);

let discord: FakeDiscord;
let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

beforeEach(async () => {
  discord = await FakeDiscord.start({ heartbeatIntervalMs: 5000 });
  dir = await mkdtemp(path.join(tmpdir(), 'declaration-bot-process-'));
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid!, 'SIGKILL'); // its group, when it has one (shards, npm's children)
    } catch {
      child.kill('SIGKILL');
    }
  }
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

function start(script: string, env: Record<string, string>, options: { detached?: boolean } = {}): Run {
  const r = run(script, env, options);
  children.push(r.child);
  return r;
}

describe('npm start', () => {
  it('without a token, exits with a message saying what to set', async () => {
    const r = start(BOT, { DISCORD_API_BASE: discord.apiBase });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/DISCORD_TOKEN is not set/);
    expect(r.stderr()).toMatch(/\.env\.example/);
    expect(discord.requests).toEqual([]);
  });

  it('builds the index when there is none, logs in, and on SIGTERM finishes the reply in flight before disconnecting', async () => {
    const r = start(BOT, discordEnv({ DISCORD_GUILD_ID: discord.guildId }));
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
    const r = start(BOT, discordEnv({ SHARDS: 'auto' }));
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

  it('regression: an INDEX_DIR or EMBED_CACHE_DIR it cannot write is named at start, before loading anything', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    for (const setting of ['INDEX_DIR', 'EMBED_CACHE_DIR']) {
      const r = start(BOT, discordEnv({ [setting]: file }));
      expect(await r.exit).toBe(1);
      expect(r.stderr()).toContain(`${setting} is ${file}, which is a file, not a folder. Set ${setting} to a folder this user can write`);
      expect(r.stderr()).not.toMatch(/\n\s+at /);
    }
    expect(discord.requests).toEqual([]);
  });

  it('explains what to do when Discord rejects the token or the Message Content intent', async () => {
    const badToken = start(BOT, discordEnv({ DISCORD_TOKEN: 'not-the-token' }));
    expect(await badToken.exit).toBe(1);
    expect(badToken.stderr()).toMatch(/Discord rejected DISCORD_TOKEN/);

    await discord.close();
    discord = await FakeDiscord.start({ messageContentIntent: false });
    const intent = start(BOT, discordEnv({ ANSWER_ON_MENTION: 'true' }));
    expect(await intent.exit).toBe(1);
    expect(intent.stderr()).toMatch(/Turn on "Message Content Intent"/);
  });
});

/** Rounds of each fault (FAULT_ROUNDS raises them for the README's counts; the default keeps the suite short). */
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 1);
const rounds = Array.from({ length: ROUNDS }, (_, i) => i + 1);

interface StopWay {
  name: string;
  script: string;
  send(r: Run): void;
}

/** Every way a service is stopped. `detached` runs give each bot its own process group, as a terminal or a service manager does. */
const STOP_WAYS: StopWay[] = [
  { name: 'SIGTERM to the main process', script: BOT, send: (r) => r.child.kill('SIGTERM') },
  { name: 'SIGTERM to the process group', script: BOT, send: (r) => process.kill(-r.child.pid!, 'SIGTERM') },
  { name: 'Ctrl-C (SIGINT to the process group)', script: BOT, send: (r) => process.kill(-r.child.pid!, 'SIGINT') },
  { name: 'SIGTERM to npm start alone (docker stop)', script: 'npm start', send: (r) => r.child.kill('SIGTERM') },
  { name: 'Ctrl-C on npm start (SIGINT to npm and the bot)', script: 'npm start', send: (r) => process.kill(-r.child.pid!, 'SIGINT') },
];

describe('stopping', () => {
  let shared: string;
  beforeAll(async () => {
    // One index for these runs: the first builds it, the others load it.
    shared = await mkdtemp(path.join(tmpdir(), 'declaration-bot-stop-'));
  });
  afterAll(async () => {
    await rm(shared, { recursive: true, force: true });
  });

  describe.each(STOP_WAYS)('$name', (way) => {
    it.each(rounds)('finishes the reply in flight and exits 0 (round %i)', async () => {
      const r = start(way.script, discordEnv({ INDEX_DIR: path.join(shared, 'index') }), { detached: true });
      await discord.waitForIdentify();
      await r.logged('connected to Discord');
      const held = discord.hold('PATCH', ORIGINAL);
      const ask = discord.command('ask', { question: 'Where will the UK and France set up military hubs?' });
      await held.arrived;
      const closed = discord.waitForGatewayClosed();
      way.send(r);
      await r.logged('shutting down: finishing replies in flight');
      held.release();
      expect(await r.exit).toBe(0);
      expect(await closed).toEqual([1000]);
      expect((await ask.edit()).body.embeds[0].description).toMatch(/\[\d+\]/);
      expect(r.stderr()).toMatch(/disconnected from Discord/);
    });
  });

  it.each(rounds)('with SHARDS=auto, SIGTERM or Ctrl-C to the whole group stops every shard cleanly and exits 0 (round %i)', async (round) => {
    await discord.close();
    discord = await FakeDiscord.start({ shards: 2, heartbeatIntervalMs: 5000 });
    const r = start(BOT, discordEnv({ SHARDS: 'auto', INDEX_DIR: path.join(shared, 'index') }), { detached: true });
    await discord.waitForIdentify(2);
    const ask = discord.command('ask', { question: 'Who signed the Paris Declaration?' });
    expect((await ask.edit()).body.embeds[0].description).toMatch(/\[\d+\]/);
    const closed = discord.waitForGatewayClosed();
    process.kill(-r.child.pid!, round % 2 === 1 ? 'SIGTERM' : 'SIGINT');
    expect(await r.exit).toBe(0);
    expect(await closed).toEqual([1000, 1000]);
  });
});

describe('SIGTERM during /reindex', () => {
  it.each(rounds)('the reply says it was interrupted, the worker stops, lock and half build are removed, the next start works (round %i)', async () => {
    const corpus = path.join(dir, 'corpus');
    await cp(CORPUS_DIR, corpus, { recursive: true });
    const env = discordEnv({ CORPUS_DIR: corpus });
    const first = start(BOT, env);
    await first.logged('connected to Discord');
    const indexDir = env.INDEX_DIR!;
    const current = await readFile(path.join(indexDir, 'CURRENT'), 'utf8');

    // Something new to embed, so the reindex is still running when the signal comes.
    await writeFile(path.join(corpus, 'generated-article.md'), generatedArticle(300));
    const reindex = discord.command('reindex', {}, discord.users.moderator);
    await reindex.edit((body) => body.embeds?.[0]?.title === 'Reindexing…');
    first.child.kill('SIGTERM');
    await first.logged('interrupting the reindex in progress');
    expect(await first.exit).toBe(0);

    const last = reindex.original()!;
    expect(last.embeds[0].title).toBe('Reindex interrupted');
    expect(JSON.stringify(last.embeds)).not.toContain(dir); // no server path in public
    expect(existsSync(reindexLockPath(indexDir))).toBe(false);
    const builds = await readdir(path.join(indexDir, 'builds'));
    expect(builds).toEqual([current.trim()]); // no half build, no .writing marker
    expect(await readFile(path.join(indexDir, 'CURRENT'), 'utf8')).toBe(current);
    expect((await readdir(indexDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = start(BOT, env);
    await second.logged('connected to Discord');
    expect(second.stderr()).not.toMatch(/no index yet/);
    const ask = discord.command('ask', { question: 'Where will the UK and France set up military hubs?' });
    expect((await ask.edit()).body.embeds[0].description).toMatch(/\[\d+\]/);
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });
});

describe('fatal gateway close codes', () => {
  it('4004 mid-session (the token revoked): a clear message and a non-zero exit', async () => {
    const r = start(BOT, discordEnv());
    await r.logged('connected to Discord');
    discord.closeGateway(4004, 'Authentication failed.');
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/Discord rejected DISCORD_TOKEN \(gateway close code 4004/);
  });

  it('4014 with shards: every shard stops, none is respawned, the manager exits non-zero', async () => {
    await discord.close();
    discord = await FakeDiscord.start({ shards: 2, heartbeatIntervalMs: 5000 });
    const r = start(BOT, discordEnv({ SHARDS: 'auto' }), { detached: true });
    await discord.waitForIdentify(2);
    await r.logged('"shard":1');
    discord.closeGateway(4014, 'Disallowed intent(s).');
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/gateway close code 4014/);
    expect(discord.identifies).toHaveLength(2);
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
