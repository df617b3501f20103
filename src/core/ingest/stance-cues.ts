import type { Knowledge } from '../knowledge/knowledge.js';
import type { StanceKindName } from '../knowledge/schema.js';
import type { EntityHit } from '../match/entity-index.js';

/** A party's position on a proposal, as a word in a sentence suggests it. */
export interface StanceCue {
  party: string;
  proposal: string;
  stance: StanceKindName;
  /** The words that suggest it ("non-starter", "countered"). */
  cue: string;
}

/**
 * Words that signal a stance, matched on normalized text (lower case, plain apostrophes). "proposes" is resolved
 * per proposal: the side that proposed it demands it, the other side counters.
 */
const CUES: [RegExp, StanceKindName | 'proposes'][] = [
  [/\b(refus(?:e|es|ed|ing) to (?:discuss|negotiate|engage|talk about|consider)|declin(?:e|es|ed|ing) to (?:discuss|negotiate|engage)|won't discuss|will not discuss|off the table)\b/g, 'refuses-to-discuss'],
  [/\b(non-?starter|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|turn(?:s|ed)? down|shot down|rebuff(?:s|ed)?|refus(?:e|es|ed|ing))\b/g, 'rejects'],
  [/\b(counter(?:s|ed|ing)?|counterproposal|counteroffer|counter-offer|counter-proposal)\b/g, 'counters'],
  [/\b(propos(?:e|es|ed|ing)|offer(?:s|ed|ing)?|put forward|tabled)\b/g, 'proposes'],
  [/\b(agree(?:s|d)? to|accept(?:s|ed|ing)?|sign(?:s|ed)? off on|embrac(?:e|es|ed))\b/g, 'accepts'],
  [/\b(demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|won't (?:budge|bend|back down)|will not (?:budge|bend|back down)|line in the sand|hold(?:s|ing)? firm|held firm)\b/g, 'demands'],
  [/\b(open to|willing to (?:consider|discuss|look at)|signal(?:s|ed|led)? flexibility)\b/g, 'open'],
  [/\b(object(?:s|ed)? to|oppos(?:e|es|ed|ing))\b/g, 'objects'],
  [/\b(support(?:s|ed|ing)?|back(?:s|ed|ing)|endors(?:e|es|ed))\b/g, 'supports'],
];

// A cue right after one of these is denied, not stated ("did not reject", "no longer opposes").
const NEGATIONS = new Set(['not', 'no', 'never', "didn't", "doesn't", "don't", "won't", "hasn't", "haven't", 'longer', 'without']);

/** How far after a party's name an "offer" may come and still be that party's. */
const PROPOSER_DISTANCE = 2;

/** Which token a character offset in the space-joined tokens falls in. */
function tokenAt(joined: string, offset: number): number {
  return joined.slice(0, offset).split(' ').length - 1;
}

/**
 * Stance cues in one sentence: for every cue word not negated, the party acting (the nearest party or person
 * before the cue, else the quote's speaker, else the nearest after) and every proposal the sentence names.
 */
export function findStanceCues(tokens: readonly string[], hits: readonly EntityHit[], knowledge: Knowledge, speaker?: string): StanceCue[] {
  const proposals = hits.filter((h) => h.entity.kind === 'proposal').map((h) => h.entity.id);
  if (proposals.length === 0) return [];
  const actors = hits.flatMap((h) => {
    const party = h.entity.kind === 'party' ? h.entity.id : h.entity.kind === 'person' ? knowledge.people.get(h.entity.id)?.party : undefined;
    return party ? [{ party, start: h.start, end: h.end }] : [];
  });
  const taken = hits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i));
  const joined = tokens.join(' ');
  const cues: StanceCue[] = [];
  const seen = new Set<string>();
  for (const [pattern, kind] of CUES) {
    for (const m of joined.matchAll(pattern)) {
      const at = tokenAt(joined, m.index);
      // Words inside a name ("picket lines" holds no cue, but a proposal alias might) are not cues.
      if (taken.includes(at)) continue;
      if (tokens.slice(Math.max(0, at - 3), at).some((t) => NEGATIONS.has(t))) continue;
      const before = actors.filter((a) => a.end <= at).at(-1);
      // "Offer" and "proposal" are mostly nouns: they say who moved only right after a name ("the companies' offer").
      if (kind === 'proposes' && (!before || at - before.end > PROPOSER_DISTANCE)) continue;
      const after = actors.find((a) => a.start > at);
      const party = before?.party ?? (speaker ? (knowledge.partyOf(speaker)?.id ?? speaker) : undefined) ?? after?.party;
      if (!party || !knowledge.parties.has(party)) continue;
      for (const proposal of proposals) {
        const stance = kind === 'proposes' ? (knowledge.proposals.get(proposal)?.proposedBy === party ? 'demands' : 'counters') : kind;
        const key = `${party}:${proposal}:${stance}`;
        if (seen.has(key)) continue;
        seen.add(key);
        cues.push({ party, proposal, stance, cue: m[1] ?? m[0] });
      }
    }
  }
  return cues;
}
