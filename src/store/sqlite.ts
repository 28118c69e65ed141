/**
 * The Store on SQLite (better-sqlite3). WAL mode, so readers never block the writer and several shard
 * processes can share one database file; a busy timeout, so a process that finds the database locked by
 * another waits for it instead of failing; writes that read-then-write run in IMMEDIATE transactions.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations.js';
import { hashMember } from './secret.js';
import type { AnswerRecord, GuildSettings, Insights, InsightsQuery, MemberData, Outcome, SettingsPatch, Store, VoteOutcome } from './types.js';
import { BotError } from '../errors.js';

/** How long a statement waits for another process's write lock before failing (ms). */
export const BUSY_TIMEOUT_MS = 5000;

/** What refused questions are grouped by: lower case, single spaces, no closing punctuation. */
export function questionKey(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.…]+$/u, '').trim();
}

type Db = Database.Database;

/** Runs the migrations the database lacks, each in its own IMMEDIATE transaction. Returns the versions run. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const ran: number[] = [];
  for (const migration of migrations) {
    const step = db.transaction(() => {
      const current = db.pragma('user_version', { simple: true }) as number;
      if (current >= migration.version) return false;
      if (current !== migration.version - 1) {
        throw new BotError('CONFIG_INVALID', `The database is at schema version ${current}; migration ${migration.version} needs ${migration.version - 1}.`);
      }
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (step.immediate()) ran.push(migration.version);
  }
  return ran;
}

interface AnswerRow {
  id: string;
  guild_id: string | null;
  question: string | null;
  outcome: Outcome;
}

export class SqliteStore implements Store {
  readonly db: Db;

  constructor(
    file: string,
    private readonly secret: string,
  ) {
    this.db = new Database(file);
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new BotError('CONFIG_INVALID', `The database ${file} has schema version ${version}, newer than this bot (${SCHEMA_VERSION}). Update the bot or use another STORE_PATH.`, { file });
    }
  }

  memberHash(memberId: string): string {
    return hashMember(this.secret, memberId);
  }

  async recordAnswer(r: AnswerRecord): Promise<void> {
    const kept = r.outcome === 'refused';
    this.db
      .prepare(
        `INSERT INTO answers (id, guild_id, channel_id, member, asked_at, kind, outcome, reason, question, question_key, outlets)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(r.id, r.guildId, r.channelId, r.member, r.askedAt, r.kind, r.outcome, r.reason, kept ? r.question : null, kept ? questionKey(r.question) : null, JSON.stringify(r.outlets));
  }

  async answer(id: string): Promise<{ guildId: string | null; question: string | null; outcome: Outcome } | null> {
    const row = this.db.prepare('SELECT id, guild_id, question, outcome FROM answers WHERE id = ?').get(id) as AnswerRow | undefined;
    return row ? { guildId: row.guild_id, question: row.question, outcome: row.outcome } : null;
  }

  /** Keeps the question's text on an answer that now serves moderators (thumbs down or a report). */
  private keepQuestion(answerId: string, question: string | null): void {
    if (question === null || question.trim() === '') return;
    this.db.prepare('UPDATE answers SET question = ?, question_key = ? WHERE id = ? AND question IS NULL').run(question, questionKey(question), answerId);
  }

  /** Drops the text again once nothing justifies keeping it: not refused, no thumbs down, no report. */
  private dropQuestionIfUnneeded(answerId: string): void {
    this.db
      .prepare(
        `UPDATE answers SET question = NULL, question_key = NULL
         WHERE id = ? AND outcome <> 'refused'
           AND NOT EXISTS (SELECT 1 FROM votes WHERE answer_id = answers.id AND vote = -1)
           AND NOT EXISTS (SELECT 1 FROM reports WHERE answer_id = answers.id)`,
      )
      .run(answerId);
  }

  async vote(answerId: string, member: string, vote: 1 | -1, question: string | null, at = Date.now()): Promise<VoteOutcome> {
    return this.db
      .transaction((): VoteOutcome => {
        const before = this.db.prepare('SELECT vote FROM votes WHERE answer_id = ? AND member = ?').get(answerId, member) as { vote: 1 | -1 } | undefined;
        this.db
          .prepare('INSERT INTO votes (answer_id, member, vote, voted_at) VALUES (?, ?, ?, ?) ON CONFLICT (answer_id, member) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at')
          .run(answerId, member, vote, at);
        if (vote === -1) this.keepQuestion(answerId, question);
        else this.dropQuestionIfUnneeded(answerId);
        const counts = this.db
          .prepare('SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM votes WHERE answer_id = ?')
          .get(answerId) as { up: number; down: number };
        return { vote, changed: before?.vote !== vote, up: counts.up, down: counts.down };
      })
      .immediate();
  }

  async report(answerId: string, member: string, comment: string, question: string | null, at = Date.now()): Promise<void> {
    this.db
      .transaction(() => {
        this.db.prepare('INSERT INTO reports (answer_id, member, comment, reported_at) VALUES (?, ?, ?, ?)').run(answerId, member, comment, at);
        this.keepQuestion(answerId, question);
      })
      .immediate();
  }

  async settings(guildId: string): Promise<GuildSettings> {
    return this.readSettings(guildId);
  }

  private readSettings(guildId: string): GuildSettings {
    const row = this.db.prepare('SELECT * FROM guild_settings WHERE guild_id = ?').get(guildId) as
      | { channels: string; private_by_default: number; cooldown_seconds: number | null; log_channel: string | null }
      | undefined;
    if (!row) return { guildId, channels: [], privateByDefault: false, cooldownSeconds: null, logChannel: null };
    return {
      guildId,
      channels: JSON.parse(row.channels) as string[],
      privateByDefault: row.private_by_default === 1,
      cooldownSeconds: row.cooldown_seconds,
      logChannel: row.log_channel,
    };
  }

  async updateSettings(guildId: string, patch: SettingsPatch): Promise<GuildSettings> {
    return this.db
      .transaction(() => {
        const next = { ...this.readSettings(guildId), ...patch, guildId };
        this.db
          .prepare(
            `INSERT INTO guild_settings (guild_id, channels, private_by_default, cooldown_seconds, log_channel, updated_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (guild_id) DO UPDATE SET channels = excluded.channels, private_by_default = excluded.private_by_default,
               cooldown_seconds = excluded.cooldown_seconds, log_channel = excluded.log_channel, updated_at = excluded.updated_at`,
          )
          .run(guildId, JSON.stringify([...new Set(next.channels)]), next.privateByDefault ? 1 : 0, next.cooldownSeconds, next.logChannel, Date.now());
        return this.readSettings(guildId);
      })
      .immediate();
  }

  async insights({ guildId, since, limit = 5 }: InsightsQuery): Promise<Insights> {
    const scope = guildId === null ? 'asked_at >= @since' : 'asked_at >= @since AND guild_id = @guild';
    const params = { since, guild: guildId };
    const counts = this.db
      .prepare(
        `SELECT COUNT(*) AS asked, COALESCE(SUM(outcome = 'answered'), 0) AS answered, COALESCE(SUM(outcome = 'refused'), 0) AS refused,
                COALESCE(SUM(outcome = 'other'), 0) AS other FROM answers WHERE ${scope}`,
      )
      .get(params) as { asked: number; answered: number; refused: number; other: number };
    const topRefused = this.db
      .prepare(
        `SELECT MIN(question) AS question, COUNT(*) AS count, MAX(reason) AS reason FROM answers
         WHERE ${scope} AND outcome = 'refused' AND question_key IS NOT NULL
         GROUP BY question_key ORDER BY count DESC, MAX(asked_at) DESC LIMIT @limit`,
      )
      .all({ ...params, limit }) as { question: string; count: number; reason: string | null }[];
    const rated = this.db
      .prepare(
        `SELECT a.id, a.question, a.asked_at AS askedAt,
                COALESCE((SELECT SUM(vote = 1) FROM votes v WHERE v.answer_id = a.id), 0) AS up,
                COALESCE((SELECT SUM(vote = -1) FROM votes v WHERE v.answer_id = a.id), 0) AS down,
                (SELECT COUNT(*) FROM reports r WHERE r.answer_id = a.id) AS nreports
         FROM answers a WHERE ${scope.replace(/asked_at|guild_id/g, (c) => `a.${c}`)}
           AND (EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.vote = -1) OR EXISTS (SELECT 1 FROM reports r WHERE r.answer_id = a.id))
         ORDER BY (down - up) DESC, nreports DESC, a.asked_at DESC LIMIT @limit`,
      )
      .all({ ...params, limit }) as { id: string; question: string | null; askedAt: number; up: number; down: number }[];
    const reportsOf = this.db.prepare('SELECT comment FROM reports WHERE answer_id = ? ORDER BY reported_at');
    const lowestRated = rated.map((r) => ({ ...r, reports: (reportsOf.all(r.id) as { comment: string }[]).map((x) => x.comment) }));
    const outlets = this.db
      .prepare(
        `SELECT j.value AS outlet, COUNT(*) AS count FROM answers, json_each(answers.outlets) AS j
         WHERE ${scope} GROUP BY j.value ORDER BY count DESC, outlet LIMIT @limit`,
      )
      .all({ ...params, limit }) as { outlet: string; count: number }[];
    const votes = this.db
      .prepare(
        `SELECT COALESCE(SUM(v.vote = 1), 0) AS up, COALESCE(SUM(v.vote = -1), 0) AS down FROM votes v JOIN answers a ON a.id = v.answer_id
         WHERE ${scope.replace(/asked_at|guild_id/g, (c) => `a.${c}`)}`,
      )
      .get(params) as { up: number; down: number };
    return { ...counts, topRefused, lowestRated, outlets, votes };
  }

  async memberData(member: string): Promise<MemberData> {
    const questions = (
      this.db.prepare('SELECT asked_at AS askedAt, outcome, question FROM answers WHERE member = ? ORDER BY asked_at').all(member) as MemberData['questions']
    ).map((q) => ({ askedAt: q.askedAt, outcome: q.outcome, question: q.question }));
    const votes = this.db.prepare('SELECT answer_id AS answerId, vote, voted_at AS votedAt FROM votes WHERE member = ? ORDER BY voted_at').all(member) as MemberData['votes'];
    const reports = this.db
      .prepare('SELECT answer_id AS answerId, comment, reported_at AS reportedAt FROM reports WHERE member = ? ORDER BY reported_at')
      .all(member) as MemberData['reports'];
    return { questions, votes, reports };
  }

  async forgetMember(member: string): Promise<number> {
    return this.db
      .transaction(() => {
        const answers = this.db.prepare('SELECT DISTINCT answer_id AS id FROM votes WHERE member = ? UNION SELECT DISTINCT answer_id FROM reports WHERE member = ?').all(member, member) as { id: string }[];
        let changed = this.db.prepare('DELETE FROM votes WHERE member = ?').run(member).changes;
        changed += this.db.prepare('DELETE FROM reports WHERE member = ?').run(member).changes;
        changed += this.db.prepare('UPDATE answers SET member = NULL, question = NULL, question_key = NULL WHERE member = ?').run(member).changes;
        // Answers someone else asked keep their text only while other members' thumbs down or reports justify it.
        for (const { id } of answers) this.dropQuestionIfUnneeded(id);
        return changed;
      })
      .immediate();
  }

  async recordThread(threadId: string, guildId: string | null, answerId: string, at = Date.now()): Promise<void> {
    this.db.prepare('INSERT INTO threads (thread_id, guild_id, answer_id, started_at) VALUES (?, ?, ?, ?) ON CONFLICT (thread_id) DO NOTHING').run(threadId, guildId, answerId, at);
  }

  async isBotThread(threadId: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM threads WHERE thread_id = ?').get(threadId) !== undefined;
  }

  async purge(before: number): Promise<number> {
    return this.db
      .transaction(() => {
        const old = "(SELECT id FROM answers WHERE asked_at < @before)";
        let n = this.db.prepare(`DELETE FROM votes WHERE answer_id IN ${old} OR voted_at < @before`).run({ before }).changes;
        n += this.db.prepare(`DELETE FROM reports WHERE answer_id IN ${old} OR reported_at < @before`).run({ before }).changes;
        n += this.db.prepare('DELETE FROM answers WHERE asked_at < @before').run({ before }).changes;
        n += this.db.prepare('DELETE FROM threads WHERE started_at < @before').run({ before }).changes;
        return n;
      })
      .immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
