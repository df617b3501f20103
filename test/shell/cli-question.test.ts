import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'strikewire-cli-question-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { DATABASE_PATH: join(tmp, 'cli.db') };
const NOW = ['--now', '2023-08-05T12:00:00Z'];

describe('one-shot cli: text that is not a command is a question, as /strike staffing is', () => {
  it.each([[['staffing']], [['what', 'did', 'the', 'studios', 'offer?']], [['is the guild still on strike?']]])('cli %j answers as cli ask would', async (words) => {
    const asked = await runCli(['ask', words.join(' '), ...NOW], env);
    const bare = await runCli([...words, ...NOW], env);
    expect(bare.code).toBe(0);
    expect(bare.out).toBe(asked.out);
    expect(bare.out).not.toMatch(/Unknown command/);
  });

  it('--json of a bare question is the ask answer’s JSON', async () => {
    const bare = JSON.parse((await runCli(['staffing', '--json', ...NOW], env)).out) as Record<string, unknown>;
    expect(bare).toEqual(JSON.parse((await runCli(['ask', 'staffing', '--json', ...NOW], env)).out));
  });

  it('a bare word within two letters of a command is a typo: exit 2 with did-you-mean, and nothing answered', async () => {
    const typo = await runCli(['stauts', ...NOW], env);
    expect(typo.code).toBe(2);
    expect(typo.out).toContain('Unknown command “stauts”. Did you mean cli status?');
    expect((await runCli(['timelin'], env)).out).toContain('Did you mean cli timeline?');
  });

  it('commands with arguments and --help still work', async () => {
    expect((await runCli(['proposal', 'staffing', ...NOW], env)).out.split('\n')[0]).toBe('Minimum staffing in episodic TV');
    const help = await runCli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: npm run --silent cli -- <command>');
  });
});
