import type { Pack } from '../knowledge/schema.js';
import type { Provenance } from './apply-patch.js';
import { describeChanges, type PatchChange } from './patch-changes.js';
import { futureDateProblems } from './patch-dates.js';
import type { Patch } from './patch-schema.js';
import type { PatchProblem } from './patch-problem.js';
import { mergePatches, parsePatch } from './validate-patch.js';

/** A patch that may be stored: the parsed patch, the knowledge with it, and each change before and after. */
export interface CheckedPatch {
  ok: true;
  patch: Patch;
  pack: Pack;
  changes: PatchChange[];
}

/**
 * Validates a new patch against the current merged knowledge: its shape, its dates against `now` (nothing that
 * happened may be dated after today everywhere on Earth), and the merged result with the pack's schemas and
 * cross-references. Problems are named by their path inside the patch; a problem the patch causes elsewhere
 * (in the merged knowledge) names the pack file and path there.
 */
export function checkPatch(current: Pack, raw: unknown, options: { now: Date; provenance: Provenance }): CheckedPatch | { ok: false; problems: PatchProblem[] } {
  const parsed = parsePatch(raw);
  if (!parsed.ok) return { ok: false, problems: [...parsed.problems, ...datesOfMalformed(raw, options.now)] };
  const problems = futureDateProblems(parsed.patch, options.now);
  const merged = mergePatches(current, [{ patchId: options.provenance.updateId, provenance: options.provenance, patch: parsed.patch }]);
  if (!merged.ok) {
    for (const p of merged.problems) {
      problems.push(p.origin ? { path: p.origin.path, problem: p.pack.problem } : { path: `(merged knowledge) ${p.pack.file} at ${p.pack.path || '(top)'}`, problem: p.pack.problem });
    }
  }
  if (problems.length > 0 || !merged.ok) return { ok: false, problems: dedupe(problems) };
  return { ok: true, patch: parsed.patch, pack: merged.pack, changes: describeChanges(current, merged.pack, parsed.patch, merged.same.get(options.provenance.updateId)) };
}

// The dates of a patch whose shape is wrong elsewhere, so an editor learns of every problem at once.
function datesOfMalformed(raw: unknown, now: Date): PatchProblem[] {
  try {
    return futureDateProblems(raw as Patch, now);
  } catch {
    return [];
  }
}

function dedupe(problems: PatchProblem[]): PatchProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
