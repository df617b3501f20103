import { createRequire } from 'node:module';
import { pino, type Logger, type LevelWithSilent } from 'pino';
import type PinoPretty from 'pino-pretty';
import { scrubSecrets } from './scrub-secrets.js';

export type { Logger } from 'pino';

/** How the process logs: LOG_LEVEL and LOG_FORMAT, plus the secret values to keep out of every line. */
export interface LogSettings {
  level: LevelWithSilent;
  format: 'json' | 'pretty';
  /** Tokens and signing secrets from the environment; any line containing one has it replaced. */
  secrets: readonly string[];
}

// Fields that may carry a credential whatever the message says.
const REDACT = ['token', 'botToken', 'appToken', 'signingSecret', 'authorization', 'response_url', 'responseUrl', '*.token', '*.response_url', 'headers.authorization'];

/** Builds the one pino logger: JSON lines on stdout (time, level, msg, fields), or pretty lines for people. */
export function createLogger(settings: LogSettings, destination: NodeJS.WritableStream = process.stdout): Logger {
  // Pretty output runs in-process (no worker thread): it is for a person watching, not for throughput.
  // Loaded only when asked for: JSON is the default, and every start pays for what it loads.
  const pretty = settings.format === 'pretty' ? (createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty) : undefined;
  const stream = pretty ? pretty({ destination, colorize: false, sync: true }) : destination;
  return pino(
    {
      level: settings.level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[redacted]' },
      hooks: {
        // Messages are built from library text (Bolt, discord.js): scrub them as well as the fields.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a, settings.secrets) : a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}

let root: Logger = createLogger({ level: 'info', format: 'json', secrets: [] });

/** Replaces the process logger; main.ts calls it once with the validated environment. */
export function configureLogger(settings: LogSettings, destination?: NodeJS.WritableStream): Logger {
  root = createLogger(settings, destination);
  return root;
}

/** The process logger (JSON on stdout at LOG_LEVEL once main.ts configured it). */
export function appLogger(): Logger {
  return root;
}

/** A one-argument log sink for a component (`[digests]`, `[editors]`, the scheduler), at a fixed level. */
export function componentLog(component: string, level: 'info' | 'warn' = 'warn'): (message: string) => void {
  return (message) => root[level]({ component }, message);
}
