/**
 * The audit log: who added, removed, rolled back or rebuilt what, and when. Kept behind a small interface; the one
 * implementation is an append-only JSON Lines file beside the index folder (`<INDEX_DIR>/../<name>.audit.jsonl`),
 * one object per line, never rewritten. A damaged line is skipped when reading, never fatal.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isBotError } from '../errors.js';

export type AuditAction = 'add' | 'remove' | 'rollback' | 'reindex';

/** Who did it: a terminal user, a Discord member, or the bot itself (a first build). */
export interface Actor {
  via: 'terminal' | 'discord' | 'system';
  name: string;
  /** The Discord user id, when via Discord. */
  id?: string;
}

export interface AuditEntry {
  /** ISO timestamp. */
  at: string;
  action: AuditAction;
  actor: Actor;
  ok: boolean;
  /** The build swapped in (or, when it failed, none). */
  build?: string;
  /** The build in use before. */
  previousBuild?: string | null;
  /** Article ids the build added, changed and removed against the one before. */
  changes?: { added: string[]; changed: string[]; removed: string[] };
  /** The article an add or remove was about. */
  article?: { id: string; outlet?: string; headline?: string; url?: string | null; source?: string };
  /** Corpus files that differ from a build rolled back to. */
  differs?: string[];
  error?: { code: string; message: string };
}

/** What a failed action records of its error: the BotError's code (INTERNAL for anything else) and the message. */
export function auditError(error: unknown): NonNullable<AuditEntry['error']> {
  return { code: isBotError(error) ? error.code : 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The last `limit` entries, oldest first. */
  recent(limit?: number): Promise<AuditEntry[]>;
}

/** Where the audit log of an index lives: beside the index folder, like its reindex lock. */
export function auditLogPath(indexDir: string): string {
  return path.join(path.dirname(indexDir), `${path.basename(indexDir)}.audit.jsonl`);
}

export class JsonLinesAuditLog implements AuditLog {
  constructor(readonly file: string) {}

  async append(entry: AuditEntry): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    // One write of one line with O_APPEND: concurrent writers (shards, the terminal) never interleave inside a line.
    await appendFile(this.file, `${JSON.stringify(entry)}\n`, { flag: 'a' });
  }

  async recent(limit = Number.POSITIVE_INFINITY): Promise<AuditEntry[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: AuditEntry[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as AuditEntry;
        if (typeof entry?.at === 'string' && typeof entry.action === 'string') entries.push(entry);
      } catch {
        // a line cut by a crash: skipped
      }
    }
    return Number.isFinite(limit) ? entries.slice(-limit) : entries;
  }
}

/** Describes an actor for people: "moderator (Discord)", "alice (terminal)". */
export function actorLabel(actor: Actor): string {
  return actor.via === 'system' ? actor.name : `${actor.name} (${actor.via === 'discord' ? 'Discord' : 'terminal'})`;
}
