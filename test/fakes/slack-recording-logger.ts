import { EventEmitter } from 'node:events';
import { LogLevel, type Logger } from '@slack/bolt';

/** One line the app logged. */
export interface LogLine {
  level: LogLevel;
  text: string;
}

/**
 * A Bolt Logger that keeps every line (at debug level) instead of printing it, so tests can wait for what the
 * app decided ("Ignoring a repeated delivery…") and check that no secret was ever logged.
 */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = [];
  private readonly events = new EventEmitter();
  private level = LogLevel.DEBUG;

  private record(level: LogLevel, msg: unknown[]): void {
    const text = msg.map((m) => (m instanceof Error ? (m.stack ?? m.message) : typeof m === 'string' ? m : JSON.stringify(m))).join(' ');
    this.lines.push({ level, text });
    this.events.emit('line');
  }

  debug(...msg: unknown[]): void {
    this.record(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.record(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.record(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.record(LogLevel.ERROR, msg);
  }
  // Bolt sets levels on the loggers it is given; recording everything is the point, so the level is only reported.
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}

  /** Resolves with the first line matching `pattern`; rejects after timeoutMs naming what was logged. */
  waitFor(pattern: RegExp, timeoutMs = 10_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = this.lines.find((l) => pattern.test(l.text));
        if (!line) return;
        cleanup();
        resolve(line);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for a log line matching ${pattern}. Logged: ${this.lines.map((l) => l.text.slice(0, 80)).join(' | ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('line', check);
      };
      this.events.on('line', check);
      check();
    });
  }
}
