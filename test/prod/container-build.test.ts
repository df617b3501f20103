import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// What the Dockerfile COPYs into its build stage.
const COPIED = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts', 'src'];

describe('the container build steps (scripts/container-build.sh, as the Dockerfile runs them)', () => {
  it('the Dockerfile runs the script it is tested through, as a non-root user with a volume and a health check', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/RUN sh scripts\/container-build\.sh build && sh scripts\/container-build\.sh check/);
    for (const file of COPIED) expect(dockerfile).toMatch(new RegExp(`COPY [^\\n]*\\b${file.replace('.', '\\.')}\\b`));
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*scripts\/healthcheck\.mjs/m);
  });

  // A real npm ci, build and prune in a temp copy: minutes, and far more where better-sqlite3 has to compile
  // from source because its prebuilt binary cannot be downloaded.
  it('builds, prunes to production dependencies, and the result starts the shell and answers cli status', { timeout: 1_800_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strikewire-container-'));
    for (const file of COPIED) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, npm_config_update_notifier: 'false' };
    const build = await run('sh', ['scripts/container-build.sh', 'build'], { cwd: dir, env, maxBuffer: 64 * 1024 * 1024 });
    // The install scripts better-sqlite3 and esbuild need are allowed in package.json: npm reports none skipped.
    expect(`${build.stdout}\n${build.stderr}`).not.toMatch(/(better-sqlite3|esbuild)[^\n]*(script|skipped)|(script|skipped)[^\n]*(better-sqlite3|esbuild)/i);
    expect(existsSync(join(dir, 'node_modules', 'typescript'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', 'tsx'))).toBe(false);
    await run('sh', ['scripts/container-build.sh', 'check'], { cwd: dir, env });

    const status = await run('npm', ['run', '--silent', 'cli', '--', 'status'], { cwd: dir, env: { ...env, NO_COLOR: '1' } });
    expect(status.stdout).toContain('2023 Writers Guild of America strike');
    const shell = spawn('npm', ['start'], { cwd: dir, env: { ...env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    shell.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    shell.stdin.end('/strike status\nquit\n');
    const code = await new Promise<number | null>((resolve) => shell.once('exit', resolve));
    expect(code).toBe(0);
    expect(out).toContain('Strikewire shell: 2023 Writers Guild of America strike');
    expect(out).toContain('day 95 of the strike');
  });
});
