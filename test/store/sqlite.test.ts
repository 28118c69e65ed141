import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore, purgeExpired, secretFile } from '../../src/store/open.js';
import { loadOrCreateSecret } from '../../src/store/secret.js';
import { migrate, SqliteStore } from '../../src/store/sqlite.js';
import type { AnswerRecord } from '../../src/store/types.js';

const DAY = 24 * 60 * 60 * 1000;
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'declaration-store-'));
  file = path.join(dir, 'bot.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function record(store: SqliteStore, over: Partial<AnswerRecord> = {}): Promise<AnswerRecord> {
  const r: AnswerRecord = {
    id: String(Math.random()).slice(2),
    guildId: 'g1',
    channelId: 'c1',
    member: store.memberHash('user-1'),
    askedAt: Date.now(),
    kind: 'passages',
    outcome: 'answered',
    reason: null,
    question: 'Where will the hubs be?',
    outlets: ['LBC', 'The Independent'],
    ...over,
  };
  await store.recordAnswer(r);
  return r;
}

describe('migrations', async () => {
  it('bring a new database to the latest version, in WAL mode with a busy timeout', async () => {
    const store = new SqliteStore(file, 'x'.repeat(32));
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    await store.close();
  });

  it('run only the missing ones, in order, and keep what the older schema held', async () => {
    const db = new Database(file);
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    db.prepare("INSERT INTO guild_settings (guild_id, channels, private_by_default, updated_at) VALUES ('g1', '[\"c9\"]', 1, 0)").run();
    expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    db.close();
    const store = new SqliteStore(file, 'x'.repeat(32));
    expect(await store.settings('g1')).toMatchObject({ channels: ['c9'], privateByDefault: true });
    await store.recordThread('t1', 'g1', 'a1');
    expect(await store.isBotThread('t1')).toBe(true);
    await store.close();
  });

  it('refuse a database from a newer version of the bot', async () => {
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(file, 'x'.repeat(32))).toThrow(/newer than this bot/);
  });
});

describe('the per-install secret', async () => {
  it('is generated once, readable by this user only, and reused', async () => {
    const store = await openStore({ STORE_PATH: file, RETENTION_DAYS: 90 });
    // A Discord snowflake: 18 digits, which a 32-character hex hash cannot hold by chance
    // (a short id such as '123' turns up inside a random hash about once in 150 runs).
    const member = '987654321012345678';
    const hash = store.memberHash(member);
    await store.close();
    expect(statSync(secretFile(file)).mode & 0o777).toBe(0o600);
    const again = await openStore({ STORE_PATH: file, RETENTION_DAYS: 90 });
    expect(again.memberHash(member)).toBe(hash);
    expect(hash).not.toContain(member);
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    await again.close();
    expect(loadOrCreateSecret(secretFile(file))).toHaveLength(64);
  });

  it('comes from STORE_SECRET when set: another secret gives other hashes', async () => {
    const a = await openStore({ STORE_PATH: file, STORE_SECRET: 'a'.repeat(32), RETENTION_DAYS: 90 });
    const b = new SqliteStore(path.join(dir, 'other.sqlite'), 'b'.repeat(32));
    expect(a.memberHash('123')).not.toBe(b.memberHash('123'));
    await a.close();
    await b.close();
  });
});

describe('SqliteStore', async () => {
  let store: SqliteStore;
  beforeEach(() => {
    store = new SqliteStore(file, 's'.repeat(32));
  });
  afterEach(() => store.close());

  it('keeps the text of refused questions only', async () => {
    const answered = await record(store);
    const refused = await record(store, { outcome: 'refused', kind: 'abstain', reason: 'UNKNOWN_NAMES', question: 'What did Boris Johnson say?' });
    expect((await store.answer(answered.id))?.question).toBeNull();
    expect((await store.answer(refused.id))?.question).toBe('What did Boris Johnson say?');
    const raw = JSON.stringify(store.db.prepare('SELECT * FROM answers').all());
    expect(raw).not.toContain('Where will the hubs be?');
    expect(raw).not.toContain('user-1');
  });

  it('counts one vote per member per answer, changeable; a thumbs down keeps the question until taken back', async () => {
    const a = await record(store);
    const m1 = store.memberHash('m1');
    const m2 = store.memberHash('m2');
    expect(await store.vote(a.id, m1, 1, a.question)).toEqual({ vote: 1, changed: true, up: 1, down: 0 });
    expect(await store.vote(a.id, m1, 1, a.question)).toMatchObject({ changed: false, up: 1, down: 0 });
    expect(await store.vote(a.id, m2, -1, a.question)).toMatchObject({ changed: true, up: 1, down: 1 });
    expect((await store.answer(a.id))?.question).toBe(a.question);
    expect(await store.vote(a.id, m2, 1, a.question)).toMatchObject({ changed: true, up: 2, down: 0 });
    expect((await store.answer(a.id))?.question).toBeNull();
  });

  it('keeps reports with the question, and gives insights: counts, refused questions grouped, lowest rated, outlets', async () => {
    const now = Date.now();
    const good = await record(store, { outlets: ['LBC'] });
    const bad = await record(store, { outlets: ['Daily Mail'] });
    await record(store, { outcome: 'refused', kind: 'abstain', reason: 'UNKNOWN_NAMES', question: 'What did Boris Johnson say?', outlets: [] });
    await record(store, { outcome: 'refused', kind: 'abstain', reason: 'UNKNOWN_NAMES', question: 'what did boris johnson say', outlets: [] });
    await record(store, { outcome: 'refused', kind: 'abstain', reason: 'OFF_TOPIC', question: 'Bitcoin price?', outlets: [] });
    await record(store, { outcome: 'other', kind: 'chat', outlets: [] });
    await record(store, { guildId: 'g2', outlets: ['LBC'] });
    await record(store, { askedAt: now - 30 * DAY });
    await store.vote(good.id, store.memberHash('m1'), 1, good.question);
    await store.vote(bad.id, store.memberHash('m1'), -1, 'How many troops?');
    await store.report(bad.id, store.memberHash('m2'), 'The quote is about something else', 'How many troops?');

    const insights = await store.insights({ guildId: 'g1', since: now - 7 * DAY });
    expect(insights).toMatchObject({ asked: 6, answered: 2, refused: 3, other: 1, votes: { up: 1, down: 1 } });
    expect(insights.topRefused[0]).toMatchObject({ count: 2, reason: 'UNKNOWN_NAMES' });
    expect(insights.topRefused[0]!.question.toLowerCase()).toContain('boris johnson');
    expect(insights.lowestRated).toEqual([expect.objectContaining({ id: bad.id, question: 'How many troops?', up: 0, down: 1, reports: ['The quote is about something else'] })]);
    expect(insights.outlets).toEqual([
      { outlet: 'Daily Mail', count: 1 },
      { outlet: 'LBC', count: 1 },
    ]);
    expect((await store.insights({ guildId: null, since: now - 7 * DAY })).asked).toBe(7);
    expect((await store.insights({ guildId: 'g1', since: now - 60 * DAY })).asked).toBe(7);
  });

  it("shows a member what is kept about them and forgets it, leaving other members' records", async () => {
    const mine = await record(store, { member: store.memberHash('me'), outcome: 'refused', kind: 'abstain', reason: 'OFF_TOPIC', question: 'Bitcoin price?' });
    const theirs = await record(store, { member: store.memberHash('them') });
    await store.vote(theirs.id, store.memberHash('me'), -1, theirs.question);
    await store.report(theirs.id, store.memberHash('me'), 'wrong date', theirs.question);
    await store.vote(theirs.id, store.memberHash('other'), 1, theirs.question);
    const data = await store.memberData(store.memberHash('me'));
    expect(data.questions).toEqual([expect.objectContaining({ outcome: 'refused', question: 'Bitcoin price?' })]);
    expect(data.votes).toHaveLength(1);
    expect(data.reports).toEqual([expect.objectContaining({ comment: 'wrong date' })]);

    expect(await store.forgetMember(store.memberHash('me'))).toBe(3);
    expect(await store.memberData(store.memberHash('me'))).toEqual({ questions: [], votes: [], reports: [] });
    // The question of someone else's answer was kept only for my thumbs down and report: gone with them.
    expect((await store.answer(theirs.id))?.question).toBeNull();
    expect((await store.answer(mine.id))?.question).toBeNull();
    expect(await store.insights({ guildId: 'g1', since: 0 })).toMatchObject({ asked: 2, votes: { up: 1, down: 0 } });
  });

  it('deletes what is older than the retention period', async () => {
    const now = Date.now();
    const old = await record(store, { askedAt: now - 100 * DAY, outcome: 'refused', kind: 'abstain', question: 'old' });
    const recent = await record(store, { askedAt: now - DAY });
    await store.vote(old.id, store.memberHash('m'), -1, 'old', now - 100 * DAY);
    await store.report(old.id, store.memberHash('m'), 'bad', 'old', now - 99 * DAY);
    await store.recordThread('t-old', 'g1', old.id, now - 100 * DAY);
    expect(await purgeExpired(store, 90, now)).toBe(4);
    expect(await store.answer(old.id)).toBeNull();
    expect(await store.answer(recent.id)).not.toBeNull();
    expect(await store.isBotThread('t-old')).toBe(false);
  });

  it('keeps server settings across reopening', async () => {
    await store.updateSettings('g1', { channels: ['c1', 'c2', 'c1'], privateByDefault: true, cooldownSeconds: 30, logChannel: 'log' });
    await store.close();
    const reopened = new SqliteStore(file, 's'.repeat(32));
    expect(await reopened.settings('g1')).toEqual({ guildId: 'g1', channels: ['c1', 'c2'], privateByDefault: true, cooldownSeconds: 30, logChannel: 'log' });
    expect(await reopened.settings('g2')).toEqual({ guildId: 'g2', channels: [], privateByDefault: false, cooldownSeconds: null, logChannel: null });
    await reopened.close();
  });
});
