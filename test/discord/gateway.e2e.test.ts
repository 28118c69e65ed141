/**
 * The gateway connection failing under the real discord.js client: fatal close codes (the bot is told, with a
 * message saying what to change), a close it resumes after, and the connection dropped while an answer is on
 * its way.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/bot.js';
import { FATAL_CLOSE_CODES } from '../../src/bot/gatewayClose.js';
import { createEngine } from '../../src/engine/createEngine.js';
import type { Engine } from '../../src/engine/types.js';
import { embedOf, memoryLogger, testConfig } from '../helpers/botHarness.js';
import { FakeDiscord } from '../helpers/fakeDiscord.js';

const ORIGINAL = '/webhooks/{webhook_id}/{webhook_token}/messages/@original';

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'declaration-bot-gateway-'));
  const discord = await FakeDiscord.start();
  engine = await createEngine(testConfig(discord, dir), { log: memoryLogger().log });
  await discord.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Running {
  discord: FakeDiscord;
  bot: RunningBot;
  fatal: Promise<{ message: string; code: number }>;
  fatalCalls: number[];
  stop(): Promise<void>;
}

async function running(): Promise<Running> {
  const discord = await FakeDiscord.start({ heartbeatIntervalMs: 5000 });
  const fatalCalls: number[] = [];
  let report!: (f: { message: string; code: number }) => void;
  const fatal = new Promise<{ message: string; code: number }>((resolve) => (report = resolve));
  const bot = await startBot({
    config: testConfig(discord, dir),
    engine,
    log: memoryLogger().log,
    onFatal: (message, code) => {
      fatalCalls.push(code);
      report({ message, code });
    },
  });
  return {
    discord,
    bot,
    fatal,
    fatalCalls,
    async stop() {
      await bot.stop();
      await discord.close();
      expect(discord.violations).toEqual([]);
    },
  };
}

describe('gateway close codes', () => {
  it.each([...FATAL_CLOSE_CODES.keys()])('%i mid-session: the bot is told, with what to change', async (code) => {
    const r = await running();
    try {
      r.discord.closeGateway(code, 'test');
      const fatal = await r.fatal;
      expect(fatal.code).toBe(code);
      expect(fatal.message).toContain(`gateway close code ${code}`);
      expect(fatal.message).toMatch(/then restart\.$/);
      // No reconnection attempt: Discord would refuse it again.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(r.discord.identifies).toHaveLength(1);
    } finally {
      await r.stop();
    }
  });

  it('a close Discord lets the bot resume after (4000) is resumed, not fatal, and questions are answered again', async () => {
    const r = await running();
    try {
      const resumed = new Promise((resolve) => r.discord.once('resume', resolve));
      r.discord.closeGateway(4000, 'Unknown error');
      await resumed;
      expect(r.fatalCalls).toEqual([]);
      const ask = r.discord.command('ask', { question: 'Who signed the Paris Declaration?' });
      expect(embedOf(await ask.edit()).description).toMatch(/\[\d+\]/);
    } finally {
      await r.stop();
    }
  });

  it('dropped mid-answer (no close frame): the answer in flight is delivered, the session resumes, the next question is answered', async () => {
    const r = await running();
    try {
      const held = r.discord.hold('PATCH', ORIGINAL);
      const ask = r.discord.command('ask', { question: 'Where will the UK and France set up military hubs?' });
      await held.arrived;
      const resumed = new Promise((resolve) => r.discord.once('resume', resolve));
      r.discord.dropGateway();
      held.release();
      expect(embedOf(await ask.edit()).description).toMatch(/\[\d+\]/);
      await resumed;
      const next = r.discord.command('ask', { question: 'What did Kushner say?' });
      expect(embedOf(await next.edit()).description ?? '').not.toBe('');
      expect(r.fatalCalls).toEqual([]);
    } finally {
      await r.stop();
    }
  });
});
