import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { runShell } from '../../src/bots/shell/shell.js';
import { shippedContext } from '../support/core-context.js';

const env = { NO_COLOR: '1' };

describe('cli', () => {
  it('prints exactly one JSON object for ask --json', async () => {
    const { out, code } = await runCli(['ask', "who is the AMPTP's chief executive?", '--json', '--now', '2023-08-05'], env);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['answered', 'citations', 'text']);
    expect(json).toMatchObject({ answered: true, text: expect.stringContaining('Carol Lombardini'), citations: [{ sourceId: 'trade-report-2023-08-04', outlet: 'Trade press report', date: '2023-08-04' }] });
  });

  it('prints the reply object for other commands with --json', async () => {
    const { out } = await runCli(['status', '--json', '--now', '2023-08-05'], env);
    expect(JSON.parse(out)).toMatchObject({ command: 'status', asOf: '2023-08-04', visibility: 'private' });
  });

  it('uses --now as the clock', async () => {
    const fresh = await runCli(['status', '--now', '2023-08-05'], env);
    const stale = await runCli(['status', '--now', '2025-08-05'], env);
    expect(fresh.out).not.toContain('years old');
    expect(stale.out).toContain('This information is 2 years old');
  });

  it('exits non-zero on an unknown command, naming the commands', async () => {
    const { out, code } = await runCli(['stats'], env);
    expect(code).toBe(2);
    expect(out).toContain('Commands: status, proposals, proposal, timeline, who, sources, ask, help');
  });

  it('rejects a --now that is not a date', async () => {
    const { out, code } = await runCli(['status', '--now', 'tomorrow'], env);
    expect(code).toBe(2);
    expect(out).toContain('--now must be an ISO date');
  });
});

describe('interactive shell', () => {
  it('answers a transcript of commands, then quits', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = '';
    output.on('data', (d: Buffer) => (transcript += d.toString()));
    const done = runShell(shippedContext(), input, output);
    input.end(['/strike status', '/strike ask who is the AMPTP\'s chief executive?', '/strike bogus', 'quit', '/strike never reached'].join('\n'));
    await done;
    expect(transcript).toContain('Strikewire shell: 2023 Writers Guild of America strike');
    expect(transcript).toContain('day 95 of the strike');
    expect(transcript).toContain('Carol Lombardini is chief executive (CEO) of the AMPTP.');
    expect(transcript).toContain('I don’t know the command “bogus”');
    expect(transcript).not.toContain('never reached');
  });
});
