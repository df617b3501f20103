import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

// Bolt passes several arguments per line (objects, errors); one message keeps each line a single JSON record.
const joinArgs = (args: unknown[]): string => args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');

/** Bolt's Logger interface over pino, so Bolt and its Web API and Socket Mode clients log as JSON lines too. */
export function boltLogger(logger: Logger): BoltLogger {
  let name = 'bolt';
  return {
    debug: (...args: unknown[]) => logger.debug({ source: name }, joinArgs(args)),
    info: (...args: unknown[]) => logger.info({ source: name }, joinArgs(args)),
    warn: (...args: unknown[]) => logger.warn({ source: name }, joinArgs(args)),
    error: (...args: unknown[]) => logger.error({ source: name }, joinArgs(args)),
    // LOG_LEVEL decides the level once, for every sink; Bolt's own setLevel calls are ignored.
    setLevel: () => {},
    getLevel: () => (logger.level === 'debug' || logger.level === 'trace' ? LogLevel.DEBUG : logger.level === 'info' ? LogLevel.INFO : logger.level === 'warn' ? LogLevel.WARN : LogLevel.ERROR),
    setName: (next: string) => {
      name = next;
    },
  };
}
