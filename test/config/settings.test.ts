/** Bad settings give a clear CONFIG_INVALID naming the setting, never a stack or an endless loop (issue 9). */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureWritableDir, loadConfig, maxArticleBytesSetting } from '../../src/config/config.js';
import { isBotError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'declaration-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function configError(env: Record<string, string>): Error {
  try {
    loadConfig(env, { dotEnv: false });
  } catch (error) {
    expect(isBotError(error, 'CONFIG_INVALID')).toBe(true);
    return error as Error;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('LOG_LEVEL', () => {
  it('regression: LOG_LEVEL=verbose names the setting and the allowed levels (was a pino stack)', () => {
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toBe(
      'Invalid configuration: LOG_LEVEL="verbose": must be one of fatal, error, warn, info, debug, trace, silent. See .env.example.',
    );
  });

  it('createLogger refuses an unknown level with CONFIG_INVALID, not pino\'s error', () => {
    expect(() => createLogger('verbose')).toThrow(/^LOG_LEVEL is "verbose"; use one of fatal, error, warn, info, debug, trace, silent/);
    expect(createLogger('silent').level).toBe('silent');
  });
});

describe('other settings', () => {
  it('a bad value is echoed cut to 80 characters', () => {
    const message = configError({ RETRIEVE_K: 'x'.repeat(10_000) }).message;
    expect(message).toContain(`RETRIEVE_K="${'x'.repeat(80)}…"`);
    expect(message.length).toBeLessThan(300);
  });

  it('MAX_ARTICLE_BYTES defaults to 2 MB and must be a whole number', () => {
    expect(loadConfig({}, { dotEnv: false }).MAX_ARTICLE_BYTES).toBe(2_000_000);
    expect(maxArticleBytesSetting({})).toBe(2_000_000);
    expect(maxArticleBytesSetting({ MAX_ARTICLE_BYTES: '5000' })).toBe(5000);
    expect(configError({ MAX_ARTICLE_BYTES: 'lots' }).message).toMatch(/MAX_ARTICLE_BYTES="lots"/);
  });
});

describe('article fetching and history settings', () => {
  it('default to a careful fetch: private addresses refused, 15 s, 5 MB, 5 redirects, 5 builds kept', () => {
    const config = loadConfig({}, { dotEnv: false });
    expect(config).toMatchObject({ ALLOW_PRIVATE_ADDRESSES: false, FETCH_TIMEOUT_SECONDS: 15, FETCH_MAX_BYTES: 5_000_000, FETCH_MAX_REDIRECTS: 5, INDEX_BUILDS_KEPT: 5 });
    expect(config.MOD_LOG_CHANNEL_ID).toBeUndefined();
    expect(loadConfig({ MOD_LOG_CHANNEL_ID: '' }, { dotEnv: false }).MOD_LOG_CHANNEL_ID).toBeUndefined();
    expect(config.FETCH_USER_AGENT).toMatch(/^declaration-bot\//);
    expect(loadConfig({ ALLOW_PRIVATE_ADDRESSES: 'true', MOD_LOG_CHANNEL_ID: '112233445566778899' }, { dotEnv: false })).toMatchObject({ ALLOW_PRIVATE_ADDRESSES: true, MOD_LOG_CHANNEL_ID: '112233445566778899' });
  });

  it('bad values name the setting', () => {
    expect(configError({ MOD_LOG_CHANNEL_ID: '#mods' }).message).toMatch(/MOD_LOG_CHANNEL_ID="#mods": must be a channel id \(digits\)/);
    expect(configError({ INDEX_BUILDS_KEPT: '1' }).message).toMatch(/INDEX_BUILDS_KEPT="1"/);
    expect(configError({ ALLOW_PRIVATE_ADDRESSES: 'maybe' }).message).toMatch(/ALLOW_PRIVATE_ADDRESSES="maybe"/);
    expect(configError({ FETCH_MAX_REDIRECTS: '-1' }).message).toMatch(/FETCH_MAX_REDIRECTS/);
  });
});

describe('ensureWritableDir', () => {
  async function failure(setting: string, target: string, options = {}): Promise<string> {
    const error = await ensureWritableDir(setting, target, options).catch((e: unknown) => e);
    expect(isBotError(error, 'CONFIG_INVALID')).toBe(true);
    return (error as Error).message;
  }

  it('creates a missing folder, several levels deep', async () => {
    const target = path.join(dir, 'a', 'b', 'index');
    await ensureWritableDir('INDEX_DIR', target);
    expect(statSync(target).isDirectory()).toBe(true);
    await ensureWritableDir('INDEX_DIR', target, { parentToo: true });
  });

  it('regression: INDEX_DIR that is a file names the setting (was an ENOTDIR stack)', async () => {
    writeFileSync(path.join(dir, 'file'), 'x');
    expect(await failure('INDEX_DIR', path.join(dir, 'file'))).toBe(
      `INDEX_DIR is ${path.join(dir, 'file')}, which is a file, not a folder. Set INDEX_DIR to a folder this user can write (it is created if missing).`,
    );
    expect(await failure('INDEX_DIR', path.join(dir, 'file', 'index'))).toMatch(/^INDEX_DIR is .*file\/index, but .*file is a file, not a folder\./);
  });

  it('regression: INDEX_DIR=/proc/self/index ends with a message (Node\'s recursive mkdir spun there forever)', async () => {
    expect(await failure('INDEX_DIR', '/proc/self/index')).toMatch(/^INDEX_DIR is \/proc\/self\/index, but \/proc\/self is read-only for this user|^INDEX_DIR is \/proc\/self\/index, which cannot be created/);
    expect(existsSync('/proc/self/index')).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('regression: a read-only EMBED_CACHE_DIR names the setting (was EACCES)', async () => {
    const ro = path.join(dir, 'ro');
    mkdirSync(ro, { mode: 0o555 });
    expect(await failure('EMBED_CACHE_DIR', ro)).toMatch(/^EMBED_CACHE_DIR is .*ro, which is read-only for this user \(EACCES\)/);
    expect(await failure('EMBED_CACHE_DIR', path.join(ro, 'cache'))).toMatch(/but .*ro is read-only for this user/);
  });
});

describe('store settings', () => {
  it('STORE_PATH is made absolute, RETENTION_DAYS has a floor, and a short STORE_SECRET is refused without repeating it', () => {
    const config = loadConfig({ STORE_PATH: 'data/x.sqlite', RETENTION_DAYS: '30' }, { dotEnv: false });
    expect(path.isAbsolute(config.STORE_PATH)).toBe(true);
    expect(config).toMatchObject({ RETENTION_DAYS: 30, FOLLOW_UP_THREADS: false });
    expect(config.STORE_SECRET).toBeUndefined();
    expect(() => loadConfig({ RETENTION_DAYS: '0' }, { dotEnv: false })).toThrow(/RETENTION_DAYS="0"/);
    let message = '';
    try {
      loadConfig({ STORE_SECRET: 'hunter2' }, { dotEnv: false });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/STORE_SECRET: must be at least 32 characters/);
    expect(message).not.toContain('hunter2');
  });
});
