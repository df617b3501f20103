import type { Knowledge } from '../knowledge/knowledge.js';
import { normalizeText } from '../match/normalize-text.js';

const MAX_ID_WORDS = 6;

/** Every id the knowledge uses: ids are unique across the whole pack. */
export function takenIds(knowledge: Knowledge): Set<string> {
  const { pack } = knowledge;
  return new Set([pack.dispute.id, ...[pack.sources, pack.parties, pack.people, pack.proposals, pack.events, pack.statements].flatMap((list) => list.map((e) => e.id))]);
}

/**
 * A new id from a name ("Ted Sarandos" → "ted-sarandos"), made unique against the knowledge and the ids this
 * patch already took by a numeric suffix. Linear in the name's length.
 */
export function newId(name: string, taken: Set<string>, fallback = 'entry'): string {
  const words = normalizeText(name)
    .split(' ')
    .map((w) => w.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .slice(0, MAX_ID_WORDS);
  const base = words.join('-') || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
