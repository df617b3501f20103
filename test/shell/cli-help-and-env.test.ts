import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { CLI_COMMANDS } from '../../src/bots/shell/cli-commands.js';
import { LEAVE_HINT, runShell } from '../../src/bots/shell/shell.js';
import { wrapText } from '../../src/bots/shell/wrap-text.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { shippedContext } from '../support/core-context.js';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../../src/bots/shell/cli.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;

describe('cli --help', () => {
  it('lists every command, digest, ingest and desk included', async () => {
    const { out, code } = await runCli(['--help'], {});
    expect(code).toBe(0);
    for (const name of ['status', 'proposals', 'proposal', 'timeline', 'who', 'sources', 'ask', 'digest', 'ingest', 'desk']) expect(out).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(out.split('\n').filter((l) => /^ {2}\w/.test(l))).toHaveLength(CLI_COMMANDS.length);
  });

  it('gives one command its usage, and desk its subcommands', async () => {
    expect((await runCli(['digest', '--help'], {})).out).toMatch(/^Usage: cli digest \[--since/);
    const desk = (await runCli(['desk', '--help'], {})).out;
    for (const sub of ['apply', 'list', 'show', 'verify', 'retract', 'amend', 'export']) expect(desk).toContain(`cli desk ${sub}`);
    expect(await runCli(['nonsense', '--help'], {})).toMatchObject({ code: 2, out: expect.stringContaining('Unknown command “nonsense”') });
  });
});

describe('the CLI reads .env like npm start', () => {
  it('answers from the KNOWLEDGE_PACK that .env names', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-env-'));
    const pack = join(dir, 'pack');
    cpSync(WGA_2023_PACK_DIR, pack, { recursive: true });
    const dispute = join(pack, 'dispute.yaml');
    writeFileSync(dispute, readFileSync(dispute, 'utf8').replace(/^title: .*$/m, 'title: Dispute named only in this dotenv pack'));
    writeFileSync(join(dir, '.env'), `KNOWLEDGE_PACK=${pack}\nDATABASE_PATH=${join(dir, 'none.db')}\n`);
    const { stdout } = await run(process.execPath, ['--import', TSX_LOADER, CLI, 'status'], { cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
    expect(stdout).toContain('Dispute named only in this dotenv pack');
  });
});

describe('the shell', () => {
  it('wraps at the terminal width between words and says how to leave after help', async () => {
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 40 });
    let transcript = '';
    output.on('data', (c: Buffer) => (transcript += c.toString('utf8')));
    const done = runShell(shippedContext(), input, output);
    input.end(['/strike proposal mini rooms', 'help', 'quit'].join('\n'));
    await done;
    // Colour codes take no columns. Without echo (not a real terminal) the prompt shares a line with the answer that follows it.
    const lines = transcript.split('\n').map((l) => l.replace(/\u001b\[\d+m/g, '').replace(/^(strikewire> )+/, ''));
    // Every line fits, except one made of a single word too long to break (a link).
    for (const line of lines) if (line.length > 40) expect(line.trim()).not.toContain(' ');
    const flowed = lines.join('\n').replace(/\s+/g, ' ');
    expect(flowed).toContain('the guild would not bend on minimum staffing');
    expect(flowed).toContain(LEAVE_HINT);
    expect(lines.filter((l) => l.length > 0 && l.length <= 40).length).toBeGreaterThan(20);
  });

  it('wrapText keeps every word whole and in order, with a hanging indent under bullets', () => {
    const text = '• ' + Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ') + ' https://example.org/a-very-long-link-that-cannot-be-broken-at-all';
    const wrapped = wrapText(text, 30);
    expect(wrapped.split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
    for (const line of wrapped.split('\n').slice(1)) expect(line.startsWith('  ')).toBe(true);
    expect(wrapText('x '.repeat(200_000), 50).split('\n').length).toBeGreaterThan(1000);
  });
});
