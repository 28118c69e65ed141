import { DiscordAPIError, HTTPError } from 'discord.js';
import { isBotError, type ErrorCode } from '../errors.js';
import type { Logger } from 'pino';
import { truncate } from './text.js';

/** Errors whose own message is written for the person asking. */
const SHOWN: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'QUESTION_EMPTY',
  'QUESTION_TOO_LONG',
  'OUTLET_UNKNOWN',
  'REINDEX_IN_PROGRESS',
  'DISCORD_COMMAND_UNKNOWN',
  'DISCORD_NOT_ALLOWED',
  'DISCORD_ANSWER_EXPIRED',
  'DISCORD_BUTTON_NOT_YOURS',
  'DISCORD_OPTION_MISSING',
  'FETCH_BAD_URL',
  'FETCH_BLOCKED_ADDRESS',
  'FETCH_FAILED',
  'FETCH_TIMEOUT',
  'FETCH_TOO_LARGE',
  'FETCH_TOO_MANY_REDIRECTS',
  'FETCH_NOT_HTML',
  'FETCH_HTTP_STATUS',
  'EXTRACT_NO_ARTICLE',
  'EXTRACT_MISSING_DETAILS',
  'ARTICLE_BAD_FILE',
  'ARTICLE_DUPLICATE',
  'ARTICLE_UNKNOWN',
  'ARTICLE_NOT_INDEXED',
  'BUILD_UNKNOWN',
  'DRAFT_EXPIRED',
]);

/**
 * Errors that are the user's (or a stale or crafted client's) doing, not the bot's: logged at this level, without a
 * stack. Anything not listed is unexpected and logged as an error with its stack.
 */
const EXPECTED: ReadonlyMap<ErrorCode, 'info' | 'warn'> = new Map<ErrorCode, 'info' | 'warn'>([
  ['QUESTION_EMPTY', 'info'],
  ['QUESTION_TOO_LONG', 'info'],
  ['OUTLET_UNKNOWN', 'info'],
  ['REINDEX_IN_PROGRESS', 'info'],
  ['DISCORD_ANSWER_EXPIRED', 'info'],
  ['DISCORD_NOT_ALLOWED', 'warn'],
  ['DISCORD_BUTTON_NOT_YOURS', 'warn'],
  ['DISCORD_OPTION_MISSING', 'warn'],
  ['DISCORD_COMMAND_UNKNOWN', 'warn'],
  ['FETCH_BAD_URL', 'info'],
  ['FETCH_BLOCKED_ADDRESS', 'info'],
  ['FETCH_FAILED', 'info'],
  ['FETCH_TIMEOUT', 'info'],
  ['FETCH_TOO_LARGE', 'info'],
  ['FETCH_TOO_MANY_REDIRECTS', 'info'],
  ['FETCH_NOT_HTML', 'info'],
  ['FETCH_HTTP_STATUS', 'info'],
  ['EXTRACT_NO_ARTICLE', 'info'],
  ['EXTRACT_MISSING_DETAILS', 'info'],
  ['ARTICLE_BAD_FILE', 'info'],
  ['ARTICLE_DUPLICATE', 'info'],
  ['ARTICLE_UNKNOWN', 'info'],
  ['BUILD_UNKNOWN', 'info'],
  ['DRAFT_EXPIRED', 'info'],
]);

/** How to log a failure: expected user errors at info/warn with their code and message only, anything else at error with the stack. */
export function logFailure(log: Logger, error: unknown, fields: Record<string, unknown>, msg: string): void {
  const level = isBotError(error) ? EXPECTED.get(error.code) : undefined;
  if (isBotError(error) && level) log[level]({ ...fields, code: error.code, reason: error.message, context: error.context }, `${msg} (user error)`);
  else log.error({ ...fields, err: error }, msg);
}

const INDEX_TROUBLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['INDEX_MISSING', 'INDEX_CORRUPT', 'INDEX_EMBEDDER_MISMATCH', 'EMBEDDER_LOAD_FAILED']);

/** A short message for Discord; the full error goes to the log. */
export function userMessage(error: unknown): string {
  if (isBotError(error)) {
    if (SHOWN.has(error.code)) return truncate(error.message, 300);
    if (INDEX_TROUBLE.has(error.code)) return 'The news index is not available right now. A moderator can rebuild it with /reindex.';
    if (error.code.startsWith('CORPUS_')) return 'The corpus could not be read, so the index was not rebuilt. The details are in the log.';
  }
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    return 'Discord did not accept my reply. Please try again in a moment.';
  }
  return 'Something went wrong while answering. The error has been logged; please try again.';
}
