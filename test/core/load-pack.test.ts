import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { PackError } from '../../src/core/knowledge/pack-error.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';

const dirs: string[] = [];
/** A copy of the shipped pack with one file edited. */
function brokenPack(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  dirs.push(dir);
  cpSync(WGA_2023_PACK_DIR, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function problemsOf(dir: string) {
  try {
    loadPack(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(PackError);
    return (err as PackError).problems;
  }
  throw new Error('expected the pack to be rejected');
}

describe('loadPack', () => {
  it('loads the shipped WGA 2023 pack', () => {
    const pack = loadPack(WGA_2023_PACK_DIR);
    expect(pack.dispute.id).toBe('wga-2023');
    expect(pack.proposals.map((p) => p.id)).toContain('tv-minimum-staffing');
  });

  it('names the file, path and problem for an invalid date', () => {
    const dir = brokenPack('events.yaml', (t) => t.replace('date: 2023-07-14', 'date: 2023-07-45'));
    expect(problemsOf(dir)).toContainEqual({ file: 'events.yaml', path: '[2].date', problem: 'not a real calendar date' });
  });

  it('rejects a fact with no source', () => {
    const dir = brokenPack('people.yaml', (t) => t.replace('role: the WGA\'s chief negotiator\n  sources: [trade-report-2023-08-04]', "role: the WGA's chief negotiator\n  sources: []"));
    expect(problemsOf(dir)).toContainEqual({ file: 'people.yaml', path: '[0].sources', problem: 'every fact needs at least one source' });
  });

  it('rejects cross-references to unknown people, proposals and sources', () => {
    const dir = brokenPack('statements.yaml', (t) => t.replace('speaker: carol-lombardini', 'speaker: carol-lombardino').replace('proposals: [tv-minimum-staffing, tv-guaranteed-weeks]', 'proposals: [tv-minimum-staffing, tv-weeks]'));
    const problems = problemsOf(dir);
    expect(problems).toContainEqual({ file: 'statements.yaml', path: '[2].speaker', problem: 'unknown person or party "carol-lombardino"' });
    expect(problems).toContainEqual({ file: 'statements.yaml', path: '[5].proposals[1]', problem: 'unknown proposal "tv-weeks"' });
  });

  it('rejects an unknown source id', () => {
    const dir = brokenPack('parties.yaml', (t) => t.replace('sources: [la-mayor-statement-2023-08-04]', 'sources: [no-such-source]'));
    expect(problemsOf(dir)).toContainEqual({ file: 'parties.yaml', path: '[4].sources[0]', problem: 'unknown source "no-such-source"' });
  });

  it('rejects duplicate ids', () => {
    const dir = brokenPack('people.yaml', (t) => t.replace('id: tony-segall', 'id: ellen-stutzman'));
    expect(problemsOf(dir)).toContainEqual({ file: 'people.yaml', path: '[1].id', problem: 'duplicate id "ellen-stutzman"' });
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = brokenPack('proposals.yaml', (t) => `${t}\n- id: [unclosed\n`);
    const [problem] = problemsOf(dir);
    expect(problem?.file).toBe('proposals.yaml');
    expect(problem?.path).toMatch(/^line \d+, column \d+$/);
  });

  it('reports a missing required file', () => {
    const dir = brokenPack('sources.yaml', (t) => t);
    unlinkSync(join(dir, 'sources.yaml'));
    expect(problemsOf(dir)).toContainEqual({ file: 'sources.yaml', path: '', problem: 'file is missing' });
  });

  it('puts every problem in the error message, one per line', () => {
    const dir = brokenPack('events.yaml', (t) => t.replace('date: 2023-07-14', 'date: July 14'));
    expect(() => loadPack(dir)).toThrow(/events\.yaml at \[2\]\.date: expected a date as YYYY-MM-DD/);
  });
});
