import type { Knowledge } from '../knowledge/knowledge.js';
import type { Clause } from './article-clauses.js';

// Past-tense statements that the sides talked; "talks", "bargaining" or "negotiations" alone are not a meeting.
const MET = /\b(met|sat down|held talks|resumed talks|talks resumed|resumed negotiations|negotiations resumed|resumed bargaining|bargaining resumed|bargained|negotiated for|spoke by phone|talked by phone)\b/;
const NOT_STATED = new Set(['not', 'no', 'never', "didn't", "haven't", "hasn't", 'yet', 'before', 'since', 'last', 'if', 'would', 'could', 'will', 'to']);
const BOTH_SIDES = /\b(both sides|the two sides|the sides|negotiators for both)\b/;

/**
 * Whether a sentence says the sides met: a past-tense meeting verb, not denied, with a union and an employer named
 * in the sentence (or "both sides"). "No date was set for further talks" is not a meeting.
 */
export function findMeeting(clauses: readonly Clause[], knowledge: Knowledge): { cue: string; parties: string[] } | undefined {
  const parties = new Set<string>();
  for (const c of clauses)
    for (const h of c.hits) {
      const party = h.entity.kind === 'party' ? h.entity.id : h.entity.kind === 'person' ? knowledge.people.get(h.entity.id)?.party : undefined;
      if (party) parties.add(party);
    }
  const { unions, employers } = knowledge.dispute;
  const union = unions.find((u) => parties.has(u));
  const employer = employers.find((e) => parties.has(e));
  for (const c of clauses) {
    const joined = c.tokens.join(' ');
    const m = MET.exec(joined);
    if (!m) continue;
    const before = joined.slice(Math.max(0, m.index - 30), m.index).trim().split(' ').slice(-3);
    if (before.some((w) => NOT_STATED.has(w))) continue;
    if (union && employer) return { cue: m[1]!, parties: [union, employer] };
    if (BOTH_SIDES.test(joined)) return { cue: m[1]!, parties: [unions[0]!, employers[0]!] };
  }
  return undefined;
}
