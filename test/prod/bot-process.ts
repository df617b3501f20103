import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
// By absolute URL: the bot runs in a temp folder, where a bare 'tsx' does not resolve.
const TSX_LOADER = pathToFileURL(fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;

/** A spawned `npm start` equivalent (node + tsx on src/main.ts), with its output collected. */
export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Parsed JSON log lines from stdout. */
  logs(): Record<string, unknown>[];
  /** Resolves with the first log line that matches, re-checked on each stdout chunk; rejects if the process exits first. */
  waitForLog(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A fresh working folder, so no developer's .env or database is read. */
export function emptyWorkDir(): string {
  return mkdtempSync(join(tmpdir(), 'strikewire-prod-'));
}

/** Starts the bot with exactly `env` (plus PATH), in `cwd`, with stdin closed. */
export function startBot(env: Record<string, string>, cwd = emptyWorkDir()): BotProcess {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
    cwd,
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(cwd, 'data', 'strikewire.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const w of [...waiters]) w();
  });
  child.stderr!.on('data', (chunk: Buffer) => void (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const logs = () =>
    out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    waitForLog: (match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = logs().find(match);
          if (found) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve(found);
          }
        };
        waiters.push(check);
        void exited.then(({ code }) => reject(new Error(`bot exited (${code}) before the log line; stderr: ${err}`)));
        check();
      }),
  };
}
