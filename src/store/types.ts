/**
 * What the bot keeps between restarts, behind one interface so that another database (PostgreSQL for a large
 * deployment) can replace SQLite: per-server settings, a record of each answer (for moderators' insights),
 * members' votes and problem reports. Member ids never reach the store in clear: callers pass the HMAC the
 * store's `memberHash` makes with the per-install secret. The methods are asynchronous so that a store on a
 * database server can implement them; SQLite (src/store/sqlite.ts) resolves them at once.
 */

/** How a question went: answered from the coverage, refused (the bot abstained), or neither (small talk, a clarification). */
export type Outcome = 'answered' | 'refused' | 'other';

export interface AnswerRecord {
  /** The answer's key: the interaction or message id it was sent for. */
  id: string;
  guildId: string | null;
  channelId: string | null;
  /** HMAC of the asker's id. */
  member: string;
  askedAt: number;
  /** The answer kind (passages, statements, abstain, ...). */
  kind: string;
  outcome: Outcome;
  /** Why the bot refused (an abstention code), else null. */
  reason: string | null;
  /** The question's text: given for every answer, kept only when the answer is refused (see `keepsQuestion`). */
  question: string;
  /** Outlets the answer cites. */
  outlets: string[];
}

export interface GuildSettings {
  guildId: string;
  /** Channels where the bot answers (slash commands and mentions); empty: everywhere. */
  channels: string[];
  /** Answers are private (ephemeral) unless the member asks otherwise. */
  privateByDefault: boolean;
  /** Seconds a member waits between questions; null: the COOLDOWN_SECONDS default. */
  cooldownSeconds: number | null;
  /** Where reports and other notices for moderators are posted; null: nowhere. */
  logChannel: string | null;
}

export type SettingsPatch = Partial<Omit<GuildSettings, 'guildId'>>;

export interface VoteOutcome {
  /** The vote now recorded (+1 or -1); `changed` false when the member pressed the same button again. */
  vote: 1 | -1;
  changed: boolean;
  up: number;
  down: number;
}

export interface InsightsQuery {
  /** One server's records, or every server's (terminal) when null. */
  guildId: string | null;
  /** Records from this time (ms since the epoch) on. */
  since: number;
  /** How many entries each list holds (default 5). */
  limit?: number;
}

export interface Insights {
  asked: number;
  answered: number;
  refused: number;
  other: number;
  /** Refused questions, most frequent first (what the coverage is missing). */
  topRefused: { question: string; count: number; reason: string | null }[];
  /** Answers with the most thumbs down (net), with their reports. */
  lowestRated: { id: string; question: string | null; up: number; down: number; reports: string[]; askedAt: number }[];
  /** Outlets the answers cited, most cited first. */
  outlets: { outlet: string; count: number }[];
  /** Votes in the period. */
  votes: { up: number; down: number };
}

/** Everything kept about one member, for /privacy. */
export interface MemberData {
  /** Questions recorded (counts only, by outcome); their text where it is kept. */
  questions: { askedAt: number; outcome: Outcome; question: string | null }[];
  votes: { answerId: string; vote: 1 | -1; votedAt: number }[];
  reports: { answerId: string; comment: string; reportedAt: number }[];
}

export interface Store {
  // Every method but memberHash returns a promise: SQLite answers at once, a database server (PostgreSQL) over the network.
  /** HMAC-SHA256 of a member id with the per-install secret (hex): the only form of a member id the store holds. */
  memberHash(memberId: string): string;
  recordAnswer(record: AnswerRecord): Promise<void>;
  /** The answer record's question text (when kept), asker and guild, or null. */
  answer(id: string): Promise<{ guildId: string | null; question: string | null; outcome: Outcome } | null>;
  /**
   * Records (or changes) a member's vote on an answer. A thumbs down keeps the question's text (`question`, as
   * shown on the answer) for moderators; taking the last one back drops it again unless the answer was refused or reported.
   */
  vote(answerId: string, member: string, vote: 1 | -1, question: string | null, at?: number): Promise<VoteOutcome>;
  report(answerId: string, member: string, comment: string, question: string | null, at?: number): Promise<void>;
  settings(guildId: string): Promise<GuildSettings>;
  updateSettings(guildId: string, patch: SettingsPatch): Promise<GuildSettings>;
  insights(query: InsightsQuery): Promise<Insights>;
  memberData(member: string): Promise<MemberData>;
  /** Deletes a member's votes and reports and unlinks (and drops the text of) their questions. Returns how many records changed. */
  forgetMember(member: string): Promise<number>;
  /** Records a thread the bot started for follow-ups. */
  recordThread(threadId: string, guildId: string | null, answerId: string, at?: number): Promise<void>;
  isBotThread(threadId: string): Promise<boolean>;
  /** Deletes questions, votes, reports and threads older than `before` (ms). Returns how many rows went. */
  purge(before: number): Promise<number>;
  close(): Promise<void>;
}
