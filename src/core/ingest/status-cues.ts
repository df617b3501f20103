import type { DisputeStatus } from '../knowledge/schema.js';
import type { z } from 'zod';
import type { Clause } from './article-clauses.js';

/** A status an article's cue names: the pack's own statuses (`strike-ended` included). */
export type DraftStatusName = z.infer<typeof DisputeStatus>;

/** A change of the dispute's status, as a clause's words state it. */
export interface StatusCue {
  status: DraftStatusName;
  /** The words that state it ("reached a tentative agreement"). */
  cue: string;
  /** The clause it was read from, for its date. */
  clause: Clause;
}

/** Clear statements only, in the past tense or as a fixed "will end" with a date; strongest first. */
const STATUS_CUES: [RegExp, DraftStatusName][] = [
  [/\b(ratified|voted to ratify|voted to approve (?:the|a|their) (?:new )?(?:contract|agreement|deal))\b/g, 'ratified'],
  [/\b((?:strike|walkout) (?:ended|ends|is over|was over|will end)|ended (?:the|their|a|its) (?:\d+-day )?(?:strike|walkout)|called off (?:the|their) strike|lifted (?:the|their) strike|return(?:ed|s)? to work|went back to work|back at work|will return to work)\b/g, 'strike-ended'],
  [/\b((?:reached|struck|announced|clinched|secured|reach|reaches|strike) (?:a |an )?tentative (?:agreement|deal|contract)|tentative (?:agreement|deal) (?:was|has been|had been) reached)\b/g, 'tentative-agreement'],
];
// Words before a cue that make it a hope, a denial or a question rather than a fact.
const NOT_STATED = new Set(['not', 'no', 'never', "didn't", "hasn't", "haven't", "won't", 'could', 'might', 'may', 'would', 'should', 'if', 'whether', 'unless', 'hope', 'hopes', 'hoped', 'hoping', 'near', 'nearing', 'close', 'closer', 'toward', 'towards', 'before', 'until', 'since', 'after', 'once', 'when', 'refused', 'refuse', 'aim', 'aims', 'try', 'trying', 'seek', 'seeking', 'urged', 'want', 'wants', 'to']);

/** Status changes stated in a sentence's clauses: at most one per status, strongest statement first. */
export function findStatusCues(clauses: readonly Clause[]): StatusCue[] {
  const found = new Map<DraftStatusName, StatusCue>();
  for (const clause of clauses) {
    const joined = clause.tokens.join(' ');
    for (const [pattern, status] of STATUS_CUES) {
      if (found.has(status)) continue;
      for (const m of joined.matchAll(pattern)) {
        const before = joined.slice(Math.max(0, m.index - 40), m.index).trim().split(' ').slice(-4);
        if (before.some((w) => NOT_STATED.has(w))) continue;
        found.set(status, { status, cue: m[1] ?? m[0], clause });
        break;
      }
    }
  }
  // "ratified the tentative agreement" reports the vote, not a new deal.
  if (found.has('ratified')) found.delete('tentative-agreement');
  return [...found.values()];
}
