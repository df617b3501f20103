import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { mergePatches, parsePatch } from '../../src/core/patch/validate-patch.js';
import { fixedClock } from '../../src/core/time/clock.js';

// The fictional transit dispute of test/fixtures/lifecycle, merged in process up to a step, plus any extra patches.
const FIXTURES = join(import.meta.dirname, '../fixtures/lifecycle');
const STEPS = ['01-first-talks', '02-strike', '03-mediator', '04-tentative', '05-strike-ends', '06-ratified'];

/** The transit dispute's context after `step`, with `extra` patches (raw objects) applied after it. */
export function transitAfter(step: string, extra: unknown[] = []): CommandContext {
  const files = STEPS.slice(0, STEPS.indexOf(step) + 1).map((file) => parse(readFileSync(join(FIXTURES, `${file}.yaml`), 'utf8')) as unknown);
  const items = [...files, ...extra].map((raw, i) => {
    const parsed = parsePatch(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return { patchId: i + 1, patch: parsed.patch, provenance: { updateId: i + 1, recordedAt: '2025-04-29T00:00:00.000Z' } };
  });
  const merged = mergePatches(loadPack(join(FIXTURES, 'pack')), items);
  if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
  return contextFromPack(merged.pack, { clock: fixedClock('2025-04-29T09:00:00Z') });
}
