/**
 * One table of error codes, and one error class carrying a code and context.
 * Messages are written for the person at the terminal or in Discord: what happened and what to do.
 */
export const ErrorCodes = {
  CONFIG_INVALID: 'A setting is missing or invalid.',
  CORPUS_MISSING: 'The corpus folder does not exist.',
  CORPUS_EMPTY: 'The corpus holds no articles.',
  CORPUS_NOT_A_FOLDER: 'The corpus setting (CORPUS_DIR) names something that is not a folder.',
  CORPUS_BAD_FRONT_MATTER: 'A corpus file has missing or invalid front matter.',
  CORPUS_NOT_AN_ARTICLE: 'A corpus entry is not an article file (a folder, a broken link, a file that is not *.md).',
  CORPUS_UNREADABLE: 'A corpus file cannot be read.',
  CORPUS_NOT_TEXT: 'A corpus file is binary or garbled, not text.',
  CORPUS_TOO_LARGE: 'A corpus file is larger than MAX_ARTICLE_BYTES.',
  CORPUS_DUPLICATE_URL: 'A corpus file has the same url as another one.',
  INDEX_MISSING: 'No index has been built yet.',
  INDEX_CORRUPT: 'The saved index cannot be read.',
  INDEX_EMBEDDER_MISMATCH: 'The saved index was built with a different embedder.',
  REINDEX_IN_PROGRESS: 'A reindex is already running.',
  REINDEX_INTERRUPTED: 'The reindex was interrupted because the bot is stopping; the index in use is unchanged.',
  REINDEX_FAILED: 'The reindex stopped with an unexpected error; the index in use is unchanged.',
  QUESTION_EMPTY: 'The question is empty.',
  QUESTION_TOO_LONG: 'The question is too long.',
  OUTLET_UNKNOWN: 'No indexed outlet has that name.',
  EMBEDDER_LOAD_FAILED: 'The embedding model could not be loaded.',
  DISCORD_TOKEN_MISSING: 'No Discord token is set.',
  DISCORD_CLIENT_ID_MISSING: 'No Discord application (client) id is set.',
  DISCORD_COMMAND_UNKNOWN: 'The bot does not know this command; the registered commands may be out of date.',
  DISCORD_NOT_ALLOWED: 'You do not have the permission this command needs.',
  DISCORD_ANSWER_EXPIRED: 'These sources are no longer kept; ask the question again.',
  DISCORD_OPTION_MISSING: 'The command arrived without an option it requires; the registered commands may be out of date.',
  DISCORD_BUTTON_NOT_YOURS: "This button belongs to someone else's answer or to another message.",
  FETCH_BAD_URL: 'The link is not an http or https address.',
  FETCH_BLOCKED_ADDRESS: 'The link leads to a private, loopback, link-local or metadata address.',
  FETCH_FAILED: 'The page could not be fetched (the name does not resolve, or the connection failed).',
  FETCH_TIMEOUT: 'The page took too long to arrive.',
  FETCH_TOO_LARGE: 'The page is larger than FETCH_MAX_BYTES.',
  FETCH_TOO_MANY_REDIRECTS: 'The link redirects too many times (or in a loop).',
  FETCH_NOT_HTML: 'The link does not lead to an HTML page.',
  FETCH_HTTP_STATUS: 'The site answered with an error status.',
  EXTRACT_NO_ARTICLE: 'No article text could be found in the page or file.',
  EXTRACT_MISSING_DETAILS: 'The article lacks details the corpus needs (outlet, headline) or has an invalid date.',
  ARTICLE_BAD_FILE: 'The file is not an .html, .md or .txt article.',
  ARTICLE_DUPLICATE: 'An article with this link is already in the corpus.',
  ARTICLE_UNKNOWN: 'No article in the corpus has that id.',
  ARTICLE_NOT_INDEXED: 'The corpus file was written but the reindex did not take it in.',
  BUILD_UNKNOWN: 'No kept index build has that name.',
  DRAFT_EXPIRED: 'This preview is no longer kept; run the command again.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class BotError extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message ?? ErrorCodes[code], options);
    this.name = 'BotError';
    this.code = code;
    this.context = context;
  }
}

export function isBotError(error: unknown, code?: ErrorCode): error is BotError {
  return error instanceof BotError && (code === undefined || error.code === code);
}
