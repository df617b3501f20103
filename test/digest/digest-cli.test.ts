import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';

// A database path that does not exist: the digest is built from the pack alone.
const env = { DIGEST_TZ: 'Europe/London', NO_COLOR: '1', DATABASE_PATH: '/nonexistent/strikewire-test.db' };

describe('cli digest', () => {
  it('prints the digest for a window, in DIGEST_TZ', async () => {
    const { out, code } = await runCli(['digest', '--since', '2023-08-04T08:00:00Z', '--now', '2023-08-05T08:00:00Z'], env);
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toBe('Daily digest for Saturday, Aug 5, 2023');
    expect(out).toContain('NEW SINCE FRIDAY, AUG 4, 2023');
    expect(out).toContain('Dates are in Europe/London.');
  });

  it('prints the reply as JSON with --json, and --tz overrides the zone', async () => {
    const { out, code } = await runCli(['--json', 'digest', '--now', '2023-08-10T12:00:00Z', '--since', '2023-08-09T12:00:00Z', '--tz', 'asia/tokyo'], env);
    expect(code).toBe(0);
    const reply = JSON.parse(out) as { command: string; title: string; fallbackText: string };
    expect(reply.command).toBe('digest');
    expect(reply.title).toBe('Daily digest for Thursday, Aug 10, 2023');
    expect(reply.fallbackText).toContain('No new developments since Wednesday, Aug 9, 2023.');
  });

  it('rejects bad dates and zones with exit code 2', async () => {
    expect(await runCli(['digest', '--now', 'soon'], env)).toMatchObject({ code: 2, out: expect.stringContaining('--now must be an ISO date') });
    expect(await runCli(['digest', '--since', '2023-08-06', '--now', '2023-08-05'], env)).toMatchObject({ code: 2, out: '--since must not be after --now.' });
    expect(await runCli(['digest', '--tz', 'Mars/Olympus'], env)).toMatchObject({ code: 2 });
    expect(await runCli(['digest', '--bogus'], env)).toMatchObject({ code: 2, out: expect.stringContaining('Usage: cli digest') });
  });

  it('leaves the other commands alone', async () => {
    const { out, code } = await runCli(['status', '--now', '2023-08-05'], env);
    expect(code).toBe(0);
    expect(out).toContain('day 95 of the strike');
  });
});
