import { pino, type Logger } from 'pino';

/** Structured logs go to standard error, so standard output stays for answers and JSON. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'declaration-bot' } }, pino.destination(2));
}

export const log: Logger = createLogger();
