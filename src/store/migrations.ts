/**
 * The database schema as numbered migrations. The database's `user_version` says how many have run; opening a
 * store runs the missing ones in order, each in one IMMEDIATE transaction that re-reads the version first, so
 * several processes opening one database at once migrate it exactly once. A migration is never edited after
 * release: a change to the schema is a new entry at the end.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'answers, votes, reports and per-server settings',
    sql: `
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        guild_id TEXT,
        channel_id TEXT,
        member TEXT,
        asked_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'refused', 'other')),
        reason TEXT,
        question TEXT,
        question_key TEXT,
        outlets TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX answers_guild_time ON answers (guild_id, asked_at);
      CREATE INDEX answers_member ON answers (member);
      CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        member TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
        voted_at INTEGER NOT NULL,
        PRIMARY KEY (answer_id, member)
      );
      CREATE INDEX votes_member ON votes (member);
      CREATE TABLE reports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        answer_id TEXT NOT NULL,
        member TEXT NOT NULL,
        comment TEXT NOT NULL,
        reported_at INTEGER NOT NULL
      );
      CREATE INDEX reports_answer ON reports (answer_id);
      CREATE INDEX reports_member ON reports (member);
      CREATE TABLE guild_settings (
        guild_id TEXT PRIMARY KEY,
        channels TEXT NOT NULL DEFAULT '[]',
        private_by_default INTEGER NOT NULL DEFAULT 0,
        cooldown_seconds INTEGER,
        log_channel TEXT,
        updated_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'threads the bot started for follow-up questions',
    sql: `
      CREATE TABLE threads (
        thread_id TEXT PRIMARY KEY,
        guild_id TEXT,
        answer_id TEXT NOT NULL,
        started_at INTEGER NOT NULL
      );
      CREATE INDEX threads_time ON threads (started_at);
    `,
  },
];

/** The schema version the code expects: the last migration's. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
