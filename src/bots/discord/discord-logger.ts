/** Where the Discord adapter reports what happened; messages never contain tokens. */
export interface DiscordLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Logs to stderr at or above a level, with a "[discord]" prefix. */
export function consoleLogger(level: (typeof LEVELS)[number] = 'info'): DiscordLogger {
  const min = LEVELS.indexOf(level);
  const at = (l: (typeof LEVELS)[number]) => (message: string) => {
    if (LEVELS.indexOf(l) >= min) process.stderr.write(`[discord] ${l}: ${message}\n`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A logger that drops everything (tests and benchmarks). */
export const silentLogger: DiscordLogger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * An error in one line: name, message, HTTP status and Discord code. Deliberately leaves out the request URL,
 * which for interactions and webhooks carries a token.
 */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const extra = err as { status?: number; code?: number | string };
  const details = [extra.status !== undefined ? `status ${extra.status}` : '', extra.code !== undefined ? `code ${extra.code}` : ''].filter(Boolean);
  return `${err.name}: ${err.message}${details.length ? ` (${details.join(', ')})` : ''}`;
}
