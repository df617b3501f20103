import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { applyReplay, REPLAY_DIR, replayEnv, replayPatchFiles, type AppliedPatch } from './apply-replay.js';

// The replay of Aug 11 to Oct 9, 2023 (issue 9), applied through `cli desk apply` on a fresh SQLite file, then read
// as of Oct 10, 2023. What is expected comes from the replay's own patches, not from the engine's answers.
const NOW = '2023-10-10T12:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'strikewire-replay-test-'));
const env = replayEnv(join(dir, 'replay.db'));

interface PatchPerson { id: string; name: string; role: string }
interface PatchProposal { id: string; name?: string; status?: string; outcome?: { text: string; date: string } }
interface Patch { people?: PatchPerson[]; proposals?: PatchProposal[] }

const patches = replayPatchFiles().map((f) => parse(readFileSync(join(REPLAY_DIR, f), 'utf8')) as Patch);
const people = patches.flatMap((p) => p.people ?? []);
const settled = patches.flatMap((p) => p.proposals ?? []).filter((p) => p.outcome);
const shippedProposals = parse(readFileSync(join(import.meta.dirname, '../../src/content/wga-2023/proposals.yaml'), 'utf8')) as PatchProposal[];
const nameOf = (id: string) => [...shippedProposals, ...patches.flatMap((p) => p.proposals ?? [])].find((p) => p.id === id && p.name)?.name;

async function read(...args: string[]): Promise<string> {
  const { out, code } = await runCli([...args, '--now', NOW], env);
  expect(code).toBe(0);
  return out;
}
const count = (text: string, part: string) => text.split(part).length - 1;

let applied: AppliedPatch[] = [];
beforeAll(() => {
  applied = applyReplay(env.DATABASE_PATH!);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the 2023 WGA replay, Aug 11 to Oct 9, through cli desk apply', () => {
  it('stores every patch without a validation problem', () => {
    expect(applied.map((a) => [a.file, a.code, a.code === 0 ? '' : a.out])).toEqual(replayPatchFiles().map((f) => [f, 0, '']));
  });

  it('has status say the strike ended Sep 27 after 148 days, members ratified on Oct 9, and the contract term', async () => {
    const status = await read('status');
    expect(status).toContain('Contract ratified');
    expect(status).toContain('Strike ended Sept 27, 2023 after 148 days; members ratified the contract on Oct 9.');
    expect(status).toContain('Contract term: May 2, 2023 to May 1, 2026');
    expect(status).not.toContain('Contract expired');
  });

  it('lists no open proposals, and each settled one once with its outcome, in status and proposals', async () => {
    expect(settled.length).toBeGreaterThanOrEqual(8);
    for (const out of [await read('status'), await read('proposals')]) {
      expect(out).toMatch(/None( open)?: every proposal has been settled or withdrawn\./);
      for (const p of settled) {
        const word = p.status === 'withdrawn' ? 'Withdrawn' : 'Agreed';
        const text = p.outcome!.text.replace(/\.$/, '');
        expect(count(out, `(${nameOf(p.id)})`), p.id).toBe(1);
        expect(out, p.id).toContain(`• ${word} Sept 24: ${text} (${nameOf(p.id)})`);
      }
    }
  });

  it('has who know each new person by role', async () => {
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['Bob Iger', 'Ted Sarandos', 'Donna Langley', 'David Zaslav']));
    for (const person of people) expect(await read('who', person.name)).toContain(`${person.name} is ${person.role}.`);
  });

  it('shows each outcome on the proposal itself', async () => {
    for (const p of settled) expect(await read('proposal', nameOf(p.id)!), p.id).toContain(p.outcome!.text.replace(/\.$/, ''));
  });
});
