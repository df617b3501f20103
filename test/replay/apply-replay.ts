import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The replay's folder: numbered patches in date order, and questions.yaml. */
export const REPLAY_DIR = join(import.meta.dirname, 'wga-2023');
const ROOT = join(import.meta.dirname, '../..');

/** The environment the replay's CLI runs see: the shipped pack (any KNOWLEDGE_PACK dropped) and the given database. */
export function replayEnv(databasePath: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: databasePath, NO_COLOR: '1' };
  delete env.KNOWLEDGE_PACK;
  return env;
}

/** What `cli desk apply` did with one patch file. */
export interface AppliedPatch {
  file: string;
  now: string;
  code: number;
  out: string;
}

// Only the dates are read here, to pin each patch's "today"; the CLI validates everything else.
const Dated = z.object({ sources: z.array(z.object({ date: z.string() })).min(1) });

/** The replay's patch files, in the order an editor would have applied them (their numbered names). */
export function replayPatchFiles(): string[] {
  return readdirSync(REPLAY_DIR).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort();
}

/** The evening (UTC) of the patch's latest source: the day the newsroom would have stored it. */
function appliedOn(file: string): string {
  const { sources } = Dated.parse(parse(readFileSync(join(REPLAY_DIR, file), 'utf8')));
  const latest = sources.map((s) => s.date).sort().at(-1)!;
  return `${latest}T23:00:00Z`;
}

/**
 * Applies every replay patch, one `cli desk apply` process each, as an editor's terminal would, against the
 * database at `databasePath`. Stops at the first refused patch, since later ones build on it.
 */
export function applyReplay(databasePath: string): AppliedPatch[] {
  const env = replayEnv(databasePath);
  const applied: AppliedPatch[] = [];
  for (const file of replayPatchFiles()) {
    const now = appliedOn(file);
    const args = ['--import', 'tsx', 'src/bots/shell/cli.ts', 'desk', 'apply', join(REPLAY_DIR, file), '--now', now, '--as', 'replay'];
    const run = spawnSync(process.execPath, args, { env, cwd: ROOT, encoding: 'utf8' });
    applied.push({ file, now, code: run.status ?? -1, out: `${run.stdout}${run.stderr}` });
    if (run.status !== 0) break;
  }
  return applied;
}
