import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';

// A fictional transit dispute, written for these tests, applied step by step through the real CLI on a real SQLite file.
const FIXTURES = join(import.meta.dirname, '../fixtures/lifecycle');
const dir = mkdtempSync(join(tmpdir(), 'strikewire-lifecycle-'));
const env = { ...process.env, KNOWLEDGE_PACK: join(FIXTURES, 'pack'), DATABASE_PATH: join(dir, 'desk.db'), NO_COLOR: '1' };

/** Spawns `cli desk …` as a separate process, as an editor's terminal or script would. */
function desk(...args: string[]): { code: number; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/bots/shell/cli.ts', 'desk', ...args], { env, encoding: 'utf8', cwd: join(import.meta.dirname, '../..') });
  return { code: run.status ?? -1, out: `${run.stdout}${run.stderr}` };
}

/** A read command, through the same entry point the CLI's main() calls. */
async function read(line: string, now: string, extra: NodeJS.ProcessEnv = {}): Promise<string> {
  const { out, code } = await runCli([...line.split(' '), '--now', now], { ...env, ...extra });
  expect(code).toBe(0);
  return out;
}

const apply = (file: string, now: string, ...flags: string[]) => desk('apply', join(FIXTURES, file), '--now', now, '--as', 'test-editor', ...flags);

describe('a fictional dispute from first talks to ratification, through cli desk', () => {
  beforeAll(() => {
    const first = apply('01-first-talks.yaml', '2025-02-03T20:00:00Z');
    expect(first.out).toContain('Stored #1 patch');
    expect(first.code).toBe(0);
  }, 60_000);

  it('records the first session as the last contact and drops the expected one it replaced', async () => {
    const status = await read('status', '2025-02-04T09:00:00Z');
    expect(status).toContain('Last contact: Feb 3, 2025: Negotiators meet for six hours, at the transit authority\'s headquarters');
    expect(status).not.toContain('Next contact');
    expect(await read('timeline', '2025-02-04T09:00:00Z')).toMatch(/Feb 3, 2025, afternoon: Negotiators meet for six hours/);
  });

  it('refuses a malformed patch whole, naming each problem by its path, and stores nothing', async () => {
    const shape = desk('apply', join(FIXTURES, 'bad-shape.yaml'), '--now', '2025-05-02T09:00:00Z');
    expect(shape.code).toBe(2);
    expect(shape.out).toContain('Nothing was stored.');
    expect(shape.out).toContain('bad-shape.yaml: sources[0].date: May 9, 2025 is in the future');
    expect(shape.out).toContain('bad-shape.yaml: events[0].sources: every fact needs at least one source');
    expect(shape.out).toContain('bad-shape.yaml: events[1].participants: Invalid input: expected array, received string');
    const refs = desk('apply', join(FIXTURES, 'bad-refs.yaml'), '--now', '2025-05-02T09:00:00Z');
    expect(refs.code).toBe(2);
    expect(refs.out).toContain('bad-refs.yaml: people[0].party: unknown party "dga"');
    expect(refs.out).toContain('bad-refs.yaml: proposals[0].stances[0].sources[0]: unknown source "no-such-source"');
    expect(desk('list').out.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('follows the strike, new people, a new party and a new issue, the deal, the end of the strike and ratification', async () => {
    const strike = apply('02-strike.yaml', '2025-03-01T22:00:00Z');
    expect(strike.code).toBe(0);
    // The same story twice (same outlet and title) is one source.
    expect(strike.out).toContain('not added again; the patch cites "ledger-2025-03-01"');
    const onStrike = await read('status', '2025-03-02T09:00:00Z');
    expect(onStrike).toContain('Harbor City transit dispute: On strike');
    expect(onStrike).toMatch(/Guaranteed rest breaks: TWL demands it; HCTA rejects it/);
    expect(await read('who Leo Park', '2025-03-02T09:00:00Z')).toContain('Leo Park is chief negotiator for the transit authority.');
    expect((await read('sources', '2025-03-02T09:00:00Z')).match(/Transit operators walk out/gi)).toHaveLength(1);
    const digest = await read('digest --since 2025-03-01T12:00:00Z --tz UTC', '2025-03-02T08:00:00Z');
    expect(digest).toContain('On strike');
    expect(digest).toContain('Leo Park, chief negotiator for the transit authority (HCTA)');
    expect(digest).toContain('Proposal: Guaranteed rest breaks, from TWL.');

    expect(apply('03-mediator.yaml', '2025-03-20T21:00:00Z').code).toBe(0);
    const council = await read('who Harbor City Council', '2025-03-21T09:00:00Z');
    expect(council).toContain('Ines Soto');
    expect(await read('proposal rest breaks', '2025-03-21T09:00:00Z')).toMatch(/HCTA is open to it \(since March 20, 2025\)/);

    expect(apply('04-tentative.yaml', '2025-04-12T21:00:00Z').code).toBe(0);
    const deal = await read('status', '2025-04-13T09:00:00Z');
    expect(deal).toContain('None: every proposal has been settled or withdrawn.');
    expect(deal).toContain('Agreed April 12: Pay rises in three steps over three years (Operator pay raise)');
    expect(deal).toContain('Withdrawn April 12: Left out of the deal; a joint committee will study schedules (End to split shifts)');
    expect(deal.match(/Operator pay raise/g)).toHaveLength(1);
    const dealDigest = await read('digest --since 2025-04-12T12:00:00Z --tz UTC', '2025-04-13T08:00:00Z');
    expect(dealDigest).toContain('April 12, 2025: Tentative agreement reached');
    expect(dealDigest).toContain('Agreed April 12: A paid ten-minute break');
    expect(await read('proposal pay raise', '2025-04-13T09:00:00Z')).toContain('Status: Agreed April 12: Pay rises in three steps');

    expect(apply('05-strike-ends.yaml', '2025-04-14T21:00:00Z').code).toBe(0);
    expect(await read('status', '2025-04-15T09:00:00Z')).toContain('Strike ended April 14, 2025 after 44 days; members are back at work and the ratification vote is pending.');

    expect(apply('06-ratified.yaml', '2025-04-28T21:00:00Z').code).toBe(0);
    const done = await read('status', '2025-04-29T09:00:00Z');
    expect(done).toContain('Strike ended April 14, 2025 after 44 days; members ratified the contract on April 28.');
    expect(done).toContain('Contract term: April 28, 2025 to Feb 29, 2028');
    const timeline = await read('timeline', '2025-04-29T09:00:00Z');
    expect(timeline.indexOf('Status: On strike')).toBeLessThan(timeline.indexOf('Status: Contract ratified'));
    expect(timeline).toContain('April 12, 2025: Agreed April 12: Pay rises');
  }, 240_000);

  it('holds an unverified patch out of digests, labels it, and lets desk verify release it', async () => {
    const rumour = desk('apply', join(FIXTURES, '07-rumour.yaml'), '--now', '2025-04-30T21:00:00Z', '--unverified');
    expect(rumour.code).toBe(0);
    const id = /Stored #(\d+)/.exec(rumour.out)![1]!;
    expect(await read('timeline', '2025-05-01T09:00:00Z')).toContain('Unverified: April 30, 2025: Talk of a bonus');
    const held = await read('digest --since 2025-04-30T12:00:00Z --tz UTC', '2025-05-01T08:00:00Z');
    expect(held).not.toContain('Talk of a bonus');
    expect(desk('verify', id, '--now', '2025-05-01T10:00:00Z').code).toBe(0);
    const released = await read('digest --since 2025-05-01T09:00:00Z --tz UTC', '2025-05-02T08:00:00Z');
    expect(released).toContain('Talk of a bonus');
    expect(desk('show', id).out).toMatch(/verified by shell:/);
    const retracted = desk('retract', id, '--reason', 'the official withdrew the remark', '--now', '2025-05-02T10:00:00Z');
    expect(retracted.code).toBe(0);
    expect(retracted.out).toContain('was retracted: the official withdrew the remark.');
    expect(await read('timeline', '2025-05-02T11:00:00Z')).not.toContain('Talk of a bonus');
    expect(desk('list').out).toMatch(new RegExp(`#${id} patch .*retracted`));
  }, 120_000);

  it('exports a pack folder that loads as KNOWLEDGE_PACK and gives identical replies', async () => {
    const out = join(dir, 'exported');
    const exported = desk('export', '--out', out);
    expect(exported.code).toBe(0);
    expect(desk('export', '--out', out).code).toBe(2);
    const fresh = { KNOWLEDGE_PACK: out, DATABASE_PATH: join(dir, 'none.db') };
    for (const line of ['status', 'proposals', 'timeline', 'who Ines Soto', 'proposal rest breaks', 'sources', 'ask how did the strike end']) {
      expect(await read(line, '2025-05-03T09:00:00Z', fresh)).toBe(await read(line, '2025-05-03T09:00:00Z'));
    }
  }, 120_000);
});
