/**
 * `npm start`: runs the bot. Reads settings from .env or the environment (see .env.example), builds the index
 * first when none exists, and shuts down cleanly on SIGINT/SIGTERM. With SHARDS set, this process becomes the
 * sharding manager and each shard process runs this same file.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config/config.js';
import { createEngine } from '../engine/createEngine.js';
import { isBotError } from '../errors.js';
import { createLogger } from '../log.js';
import { startBot } from './bot.js';
import { resolveShardCount, startShards } from './shards.js';

const MISSING_TOKEN = [
  'DISCORD_TOKEN is not set, so the bot cannot log in to Discord.',
  'Set DISCORD_TOKEN (the token from the developer portal, Bot page) and DISCORD_CLIENT_ID (General Information, Application ID)',
  'in .env or the environment; .env.example lists every setting. Then run `npm run deploy-commands` once and `npm start`.',
].join('\n');

/** What to do about a failure to start, for the errors people meet first. */
function startupMessage(error: unknown): string {
  if (isBotError(error)) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid token/i.test(message)) return 'Discord rejected DISCORD_TOKEN. Copy the token again from the developer portal (Bot page, Reset Token).';
  if (/intent/i.test(message)) {
    return 'Discord refused the Message Content intent. Turn on "Message Content Intent" on the Bot page of the developer portal, or set ANSWER_ON_MENTION=false and FOLLOW_UP_THREADS=false.';
  }
  return `The bot could not start: ${error instanceof Error ? (error.stack ?? message) : message}`;
}

/** Stops once on the first SIGINT or SIGTERM; a second Ctrl-C kills the process at once. */
function onSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (): void => {
    if (stopping) return;
    stopping = true;
    void stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

async function runClient(config: Config): Promise<void> {
  const shardIds = process.env.SHARDING_MANAGER ? process.env.SHARDS : undefined;
  const log = createLogger(config.LOG_LEVEL).child(shardIds === undefined ? {} : { shard: Number(shardIds) });
  const engine = await createEngine(config, {
    log,
    onProgress: (p) => log.info({ stage: p.stage, done: p.done, total: p.total }, p.message),
  });
  const bot = await startBot({ config, engine, log });
  onSignals(async () => {
    log.info('signal received: shutting down');
    await bot.stop();
  });
}

async function runManager(config: Config): Promise<void> {
  const log = createLogger(config.LOG_LEVEL).child({ role: 'shard-manager' });
  // Build the index once here, so the shards do not all build it at the same time.
  await createEngine(config, { log, onProgress: (p) => log.info({ stage: p.stage }, p.message) });
  const totalShards = await resolveShardCount(config);
  log.info({ totalShards }, 'starting shards');
  const shards = await startShards(config, log, fileURLToPath(import.meta.url), totalShards);
  onSignals(async () => {
    log.info('signal received: stopping the shards');
    await shards.stop();
  });
}

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    console.error(MISSING_TOKEN);
    process.exit(1);
  }
  // A shard process gets SHARDING_MANAGER from discord.js (and its own SHARDS, the shard id).
  if (!process.env.SHARDING_MANAGER && config.SHARDS !== 0) await runManager(config);
  else await runClient(config);
} catch (error) {
  console.error(startupMessage(error));
  process.exit(1);
}
