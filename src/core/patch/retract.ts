import type { Pack } from '../knowledge/schema.js';
import { ENTRY_SECTIONS, type EntrySection } from './patch-schema.js';
import type { PatchProblem } from './patch-problem.js';

/** What one section's entries are called in messages. */
export const ENTRY_WORDS: Record<EntrySection, string> = {
  sources: 'source',
  parties: 'party',
  people: 'person',
  proposals: 'proposal',
  events: 'event',
  statements: 'statement',
};

/** The section holding an id, if any: ids are unique across the whole pack. */
export function sectionOf(pack: Pack, id: string): EntrySection | undefined {
  return ENTRY_SECTIONS.find((section) => (pack[section] as { id: string }[]).some((e) => e.id === id));
}

/**
 * Removes the entries a patch retracts, shipped or stored, before anything it adds. An id nothing holds is a
 * problem; a reference left dangling is found later by the cross-reference check and blamed on the retract.
 */
export function retractEntries(pack: Pack, ids: readonly string[]): { pack: Pack; problems: PatchProblem[]; removed: Map<string, string> } {
  const problems: PatchProblem[] = [];
  const removed = new Map<string, string>();
  const bySection = new Map<EntrySection, Set<string>>();
  ids.forEach((id, i) => {
    const section = sectionOf(pack, id);
    if (!section) problems.push({ path: `retract[${i}]`, problem: `there is no entry "${id}" to retract` });
    else {
      bySection.set(section, (bySection.get(section) ?? new Set()).add(id));
      removed.set(id, `retract[${i}]`);
    }
  });
  if (bySection.size === 0) return { pack, problems, removed };
  const next = { ...pack };
  for (const [section, gone] of bySection) (next as Record<EntrySection, { id: string }[]>)[section] = (pack[section] as { id: string }[]).filter((e) => !gone.has(e.id));
  return { pack: next, problems, removed };
}
