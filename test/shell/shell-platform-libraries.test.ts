import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;
const LOG_LOADS = pathToFileURL(fileURLToPath(new URL('../support/log-package-loads.mjs', import.meta.url))).href;
const tmp = mkdtempSync(join(tmpdir(), 'shell-libs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the shell (no platform tokens) for one question; its output and the packages the application imported. */
function runShellOnce(): Promise<{ out: string; packages: Set<string>; code: number | null }> {
  const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', DATABASE_PATH: join(tmp, 'shell.db') };
  const child = spawn(process.execPath, ['--import', TSX_LOADER, '--import', LOG_LOADS, MAIN], { cwd: tmp, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  child.stdin.end("/strike ask who is the AMPTP's chief executive?\nquit\n");
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve({ out, code, packages: new Set([...err.matchAll(/^package-load (\S+)$/gm)].map((m) => m[1]!)) }));
  });
}

describe('the shell', () => {
  it('answers without loading Bolt or discord.js (they are imported only when a platform is configured)', async () => {
    const { out, packages, code } = await runShellOnce();
    expect(code).toBe(0);
    expect(out).toContain('Carol Lombardini');
    // The hook sees the libraries the shell does use, so an empty list cannot pass for a clean one.
    expect(packages).toContain('better-sqlite3');
    expect([...packages].filter((p) => p === 'discord.js' || p.startsWith('@slack/') || p.startsWith('@discordjs/'))).toEqual([]);
  }, 60_000);
});
