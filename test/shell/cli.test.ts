import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { runShell } from '../../src/bots/shell/shell.js';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { openStore } from '../../src/store/open-store.js';
import { UpdateStore } from '../../src/store/update-store.js';
import { meetingUpdate } from '../editors/support.js';
import { shippedContext } from '../support/core-context.js';

const tmp = mkdtempSync(join(tmpdir(), 'cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// A database path that does not exist: the CLI must not create it, and answers from the pack alone.
const env = { NO_COLOR: '1', DATABASE_PATH: join(tmp, 'none.db') };

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

  it('answers from the pack plus editors’ stored updates when the database exists, as the bots do', async () => {
    const path = join(tmp, 'with-update.db');
    const store = await openStore({ databasePath: path });
    await new UpdateStore(store).add({ update: EditorUpdateSchema.parse(meetingUpdate()), origin: 'editor', author: 'slack:U0EDITOR', at: new Date('2023-08-12T10:00:00Z') });
    await store.close();
    const withUpdate = await runCli(['status', '--now', '2023-08-12'], { ...env, DATABASE_PATH: path });
    expect(withUpdate.out).toContain('As of Aug 11, 2023');
    expect(withUpdate.out).toContain('AMPTP has countered');
    const packOnly = await runCli(['status', '--now', '2023-08-12'], env);
    expect(packOnly.out).toContain('As of Aug 4, 2023');
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
    input.end(['/strike status', '/strike ask who is the AMPTP\'s chief executive?', '/strike statsu', 'quit', '/strike never reached'].join('\n'));
    await done;
    expect(transcript).toContain('Strikewire shell: 2023 Writers Guild of America strike');
    expect(transcript).toContain('day 95 of the strike');
    expect(transcript).toContain('Carol Lombardini is chief executive (CEO) of the AMPTP.');
    expect(transcript).toContain('I don’t know the command “statsu”');
    expect(transcript).not.toContain('never reached');
  });
});
