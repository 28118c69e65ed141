/**
 * `npm start`: runs the bot. Reads settings from .env or the environment (see .env.example), builds the index
 * first when none exists, and shuts down cleanly on SIGINT/SIGTERM. With SHARDS set, this process becomes the
 * sharding manager and each shard process runs this same file.
 */
import { fileURLToPath } from 'node:url';
import { checkWritableDirs, loadConfig, type Config } from '../config/config.js';
import { createEngine } from '../engine/createEngine.js';
import { isBotError } from '../errors.js';
import { createLogger } from '../log.js';
import { startBot } from './bot.js';
import { FATAL_GATEWAY_EXIT_CODE } from './gatewayClose.js';
import { createShards, resolveShardCount } from './shards.js';

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

/**
 * Shutdown on SIGINT or SIGTERM, from the very start: a signal before the bot is up (during the first index
 * build, while shards spawn) stops what has started and exits 0 too. Repeated signals are ignored while stopping:
 * one stop often brings several (Ctrl-C reaches the whole process group and npm passes it on again; a sharding
 * manager passes SIGTERM on to shards that got it from the group). SHUTDOWN_TIMEOUT_SECONDS bounds the stop.
 */
class Lifecycle {
  readonly abort = new AbortController();
  private stopper: (() => Promise<void>) | null = null;
  private stopping = false;

  constructor() {
    process.on('SIGTERM', () => this.signal());
    process.on('SIGINT', () => this.signal());
  }

  get stopRequested(): boolean {
    return this.stopping;
  }

  /** What stops the running service; when a signal already came, it runs at once. */
  onStop(stop: () => Promise<void>): void {
    this.stopper = stop;
    if (this.stopping) void this.runStop();
  }

  private signal(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.abort.abort();
    // Before the service is up, whatever is starting notices the abort and calls exitAfterAbort.
    if (this.stopper) void this.runStop();
  }

  private async runStop(): Promise<void> {
    try {
      await this.stopper?.();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  }

  /** A start that failed because a signal stopped it: a clean exit (once the stop under way, if any, ends). */
  exitAfterAbort(error: unknown): boolean {
    if (!this.stopping) return false;
    if (this.stopper) return true; // runStop exits when the shards or the bot have stopped
    if (isBotError(error, 'REINDEX_INTERRUPTED') || this.abort.signal.aborted) process.exit(0);
    return false;
  }
}

const lifecycle = new Lifecycle();

/** Ends the process after a fatal gateway close: the message, then a non-zero exit (a shard's tells its manager). */
function fatalExit(stop: () => Promise<void>, inShard: boolean) {
  return (message: string): void => {
    console.error(message);
    void stop()
      .catch(() => {})
      .finally(() => process.exit(inShard ? FATAL_GATEWAY_EXIT_CODE : 1));
  };
}

async function runClient(config: Config): Promise<void> {
  const shardIds = process.env.SHARDING_MANAGER ? process.env.SHARDS : undefined;
  const log = createLogger(config.LOG_LEVEL).child(shardIds === undefined ? {} : { shard: Number(shardIds) });
  const engine = await createEngine(config, {
    log,
    signal: lifecycle.abort.signal,
    onProgress: (p) => log.info({ stage: p.stage, done: p.done, total: p.total }, p.message),
  });
  if (lifecycle.stopRequested) process.exit(0);
  let stopBot: () => Promise<void> = async () => {};
  const bot = await startBot({ config, engine, log, onFatal: fatalExit(() => stopBot(), shardIds !== undefined) });
  stopBot = () => bot.stop();
  lifecycle.onStop(async () => {
    log.info('signal received: shutting down');
    await bot.stop();
    await engine.close();
  });
}

async function runManager(config: Config): Promise<void> {
  const log = createLogger(config.LOG_LEVEL).child({ role: 'shard-manager' });
  // Build the index once here, so the shards do not all build it at the same time.
  const engine = await createEngine(config, { log, signal: lifecycle.abort.signal, onProgress: (p) => log.info({ stage: p.stage }, p.message) });
  await engine.close(); // the shards answer, each with its own
  if (lifecycle.stopRequested) process.exit(0);
  const totalShards = await resolveShardCount(config);
  log.info({ totalShards }, 'starting shards');
  const shards = createShards(config, log, fileURLToPath(import.meta.url), totalShards, (message) => {
    console.error(message);
    void shards.stop().finally(() => process.exit(1));
  });
  // Registered before the shards spawn: a signal meanwhile stops those already started.
  lifecycle.onStop(async () => {
    log.info('signal received: stopping the shards');
    await shards.stop();
  });
  await shards.spawn();
}

try {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    console.error(MISSING_TOKEN);
    process.exit(1);
  }
  // INDEX_DIR and EMBED_CACHE_DIR must be writable folders: say so now, not after loading the model.
  await checkWritableDirs(config);
  // A shard process gets SHARDING_MANAGER from discord.js (and its own SHARDS, the shard id).
  if (!process.env.SHARDING_MANAGER && config.SHARDS !== 0) await runManager(config);
  else await runClient(config);
} catch (error) {
  if (!lifecycle.exitAfterAbort(error)) {
    console.error(startupMessage(error));
    process.exit(1);
  }
}
