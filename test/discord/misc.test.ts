import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/bot/inflight.js';
import { loadCommands } from '../../src/bot/loader.js';
import { questionFromMention } from '../../src/bot/mentions.js';
import { acquireReindexLock, reindexLockPath } from '../../src/index/lock.js';
import { userMessage } from '../../src/bot/userErrors.js';
import { BotError } from '../../src/errors.js';

describe('questionFromMention', () => {
  it('takes the question out of a message that mentions the bot', () => {
    expect(questionFromMention('<@42> where will the hubs be?', '42')).toBe('where will the hubs be?');
    expect(questionFromMention('So <@!42>, what did Kushner say?', '42')).toBe('So , what did Kushner say?');
    expect(questionFromMention('<@42>', '42')).toBe('');
    expect(questionFromMention('<@43> not for us', '42')).toBeNull();
  });
});

describe('loadCommands', () => {
  it('loads one command per file in commands/', async () => {
    const commands = await loadCommands();
    expect(commands.map((c) => c.data.name)).toEqual(['articles', 'ask', 'help', 'insights', 'privacy', 'quote', 'reindex', 'settings', 'sources']);
    const reindex = commands.find((c) => c.data.name === 'reindex')!.data.toJSON();
    expect(reindex.default_member_permissions).toBe('32');
    expect(reindex.contexts).toEqual([0]);
  });
});

describe('userMessage', () => {
  it('shows messages written for users and hides internals', () => {
    expect(userMessage(new BotError('QUESTION_TOO_LONG', 'The question is too long: keep it under 500 characters.'))).toBe(
      'The question is too long: keep it under 500 characters.',
    );
    expect(userMessage(new BotError('INDEX_CORRUPT', '/srv/data/index/manifest.json: unexpected token'))).not.toContain('/srv');
    expect(userMessage(new TypeError('Cannot read properties of undefined'))).not.toContain('undefined');
  });
});

describe('InFlight', () => {
  it('waits for work to finish, or gives up after the timeout', async () => {
    const inFlight = new InFlight();
    let finish!: () => void;
    inFlight.track(new Promise<void>((resolve) => (finish = resolve)));
    inFlight.track(Promise.reject(new Error('failed work still settles')).catch(() => undefined));
    expect(await inFlight.drain(20)).toBe(false);
    finish();
    expect(await inFlight.drain(1000)).toBe(true);
    expect(inFlight.size).toBe(0);
  });
});

describe('reindex lock', () => {
  it('is held by one process at a time and replaces a lock left by a dead process', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'declaration-bot-lock-'));
    const indexDir = path.join(dir, 'index');
    try {
      const lock = await acquireReindexLock(indexDir);
      expect(lock).not.toBeNull();
      expect(JSON.parse(await readFile(reindexLockPath(indexDir), 'utf8')).pid).toBe(process.pid);
      await lock!.release();

      // Held by another live process: refused.
      const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      await writeFile(reindexLockPath(indexDir), JSON.stringify({ pid: child.pid }));
      expect(await acquireReindexLock(indexDir)).toBeNull();

      // That process died without releasing it: the lock is taken over.
      child.kill();
      await once(child, 'exit');
      const taken = await acquireReindexLock(indexDir);
      expect(taken).not.toBeNull();
      await taken!.release();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
