/**
 * Starts the real bot (real engine, real discord.js client) against the local Discord, for end-to-end tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { pino, type Logger } from 'pino';
import { expect } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/bot.js';
import { deployCommands } from '../../src/bot/deploy.js';
import { loadCommands } from '../../src/bot/loader.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createEngine } from '../../src/engine/createEngine.js';
import type { Engine } from '../../src/engine/types.js';
import { repoRoot } from './discordSpec.js';
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fakeDiscord.js';

/** Embedding cache shared by the test files, so each builds its index from cached vectors after the first. */
export const TEST_EMBED_CACHE = path.join(tmpdir(), 'declaration-bot-test-embed-cache');
export const CORPUS_DIR = path.join(repoRoot, 'corpus');

export interface LogLine {
  level: number;
  msg: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/** A pino logger whose lines the test can read (and that prints nothing). */
export function memoryLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino(
    { level: 'debug', base: null },
    {
      write(line: string) {
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  );
  return { log, lines };
}

export interface Harness {
  discord: FakeDiscord;
  bot: RunningBot;
  engine: Engine;
  config: Config;
  logs: LogLine[];
  dir: string;
  /** Stops the bot and starts a new one on the same local Discord, index and store (a restart of the process). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  discord?: FakeDiscordOptions;
  /** Use this engine (already built) instead of building one. */
  engine?: Engine;
  progressIntervalMs?: number;
}

export function testConfig(discord: FakeDiscord, dir: string, env: Record<string, string> = {}): Config {
  return loadConfig(
    {
      CORPUS_DIR,
      INDEX_DIR: path.join(dir, 'index'),
      EMBED_CACHE_DIR: TEST_EMBED_CACHE,
      LOG_LEVEL: 'silent',
      DISCORD_TOKEN: discord.token,
      DISCORD_CLIENT_ID: discord.applicationId,
      DISCORD_GUILD_ID: discord.guildId,
      DISCORD_API_BASE: discord.apiBase,
      COOLDOWN_SECONDS: '0',
      STORE_PATH: path.join(dir, 'bot.sqlite'),
      ...env,
    },
    { dotEnv: false },
  );
}

/** Local Discord, registered commands, real engine (index built in a temp folder) and the bot logged in. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'declaration-bot-e2e-'));
  const discord = await FakeDiscord.start(options.discord);
  const config = testConfig(discord, dir, options.env);
  const { log, lines } = memoryLogger();
  const engine = options.engine ?? (await createEngine(config, { log }));
  const commands = await loadCommands();
  await deployCommands(config, commands);
  const start = () => startBot({ config, engine, log, commands, progressIntervalMs: options.progressIntervalMs ?? 200 });
  const harness: Harness = {
    discord,
    bot: await start(),
    engine,
    config,
    logs: lines,
    dir,
    async restart() {
      await harness.bot.stop();
      const identified = discord.identifies.length;
      harness.bot = await start();
      await discord.waitForIdentify(identified + 1);
    },
    async stop() {
      await harness.bot.stop();
      await discord.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The one embed a recorded reply or edit carries. */
export function embedOf(r: RecordedRequest): APIEmbed {
  const embeds = (r.body.data?.embeds ?? r.body.embeds) as APIEmbed[];
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
}
