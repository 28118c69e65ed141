import { pino, type Logger } from 'pino';
import { BotError } from './errors.js';

/** The levels LOG_LEVEL accepts (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function isLogLevel(level: string): level is (typeof LOG_LEVELS)[number] {
  return (LOG_LEVELS as readonly string[]).includes(level);
}

/**
 * Structured logs go to standard error, so standard output stays for answers and JSON. An unknown level is a
 * CONFIG_INVALID naming LOG_LEVEL and the levels allowed, not pino's stack.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  if (!isLogLevel(level)) {
    const shown = level.length > 40 ? `${level.slice(0, 40)}…` : level;
    throw new BotError('CONFIG_INVALID', `LOG_LEVEL is "${shown}"; use one of ${LOG_LEVELS.join(', ')}. See .env.example.`, { setting: 'LOG_LEVEL' });
  }
  return pino({ level, base: { app: 'declaration-bot' } }, pino.destination(2));
}

/**
 * The shared logger, made when the module loads: a bad LOG_LEVEL falls back to `info` here, since an import
 * cannot report it clearly; `loadConfig` (which every entry point calls first) refuses it with a clear message.
 */
export const log: Logger = createLogger(isLogLevel(process.env.LOG_LEVEL ?? 'info') ? (process.env.LOG_LEVEL ?? 'info') : 'info');
