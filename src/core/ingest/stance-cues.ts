import type { Knowledge } from '../knowledge/knowledge.js';
import type { StanceKindName } from '../knowledge/schema.js';
import type { Clause } from './article-clauses.js';
import type { ProposalWords } from './proposal-words.js';

/** A party's position on a proposal, as a word in a sentence suggests it. */
export interface StanceCue {
  party: string;
  proposal: string;
  stance: StanceKindName;
  /** The words that suggest it ("non-starter", "countered"). */
  cue: string;
}

/**
 * Words that signal a stance, matched on normalized text (lower case, plain apostrophes), earliest pattern first:
 * a word one pattern claims ("refused to discuss") is not read again by a later one ("refused"). "proposes" is
 * resolved per proposal: the side that proposed it demands it, the other side counters.
 */
const CUES: [RegExp, StanceKindName | 'proposes' | 'proposed'][] = [
  [/\b(refus(?:e|es|ed|ing) to (?:discuss|negotiate|engage|talk about|consider)|declin(?:e|es|ed|ing) to (?:discuss|negotiate|engage)|won't discuss|will not discuss|off the table)\b/g, 'refuses-to-discuss'],
  [/\b(non-?starter|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|turn(?:s|ed)? down|shot down|rebuff(?:s|ed)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing) to)\b/g, 'rejects'],
  [/\b(counter(?:s|ed|ing)?|counterproposal|counteroffer|counter-offer|counter-proposal)\b/g, 'counters'],
  // The past tense is a verb ("the alliance offered"); other forms are mostly nouns ("the companies' offer").
  [/\b(proposed|offered|put forward|tabled)\b/g, 'proposed'],
  [/\b(propos(?:e|es|ing)|offer(?:s|ing)?)\b/g, 'proposes'],
  [/\b(agree(?:s|d)? to|accept(?:s|ed|ing)?|sign(?:s|ed)? off on|embrac(?:e|es|ed))\b/g, 'accepts'],
  [/\b(demand(?:s|ed|ing)?|insist(?:s|ed|ing)?|won't (?:budge|bend|back down)|will not (?:budge|bend|back down)|line in the sand|hold(?:s|ing)? firm|held firm)\b/g, 'demands'],
  [/\b(open to|willing to (?:consider|discuss|look at)|signal(?:s|ed|led)? flexibility)\b/g, 'open'],
  [/\b(object(?:s|ed)? to|oppos(?:e|es|ed|ing))\b/g, 'objects'],
  [/\b(support(?:s|ed|ing)?|back(?:s|ed|ing)|endors(?:e|es|ed))\b/g, 'supports'],
];

// A cue right after one of these is denied, hypothetical or background, not stated ("did not reject", "could
// accept", "had refused for months").
const NOT_STATED = new Set(['not', 'no', 'never', "didn't", "doesn't", "don't", "won't", "hasn't", "haven't", 'longer', 'without', 'could', 'might', 'may', 'would', 'if', 'whether', 'unless', 'had']);
/** Everything after one of these in a clause is a condition, not a fact ("… if the guild drops other demands"). */
const CONDITIONS = new Set(['if', 'unless', 'whether', 'provided']);
/** A name right after one of these is an object or an attribution ("told the studios", "according to the guild"), not a subject. */
const OBJECT_MARKERS = new Set(['to', 'by', 'with', 'from', 'for', 'than', 'told', 'tell', 'tells', 'against', 'between', 'toward', 'towards', 'urged']);
/** A clause that names no proposal refers back to the clause before only with one of these ("a proposal the studios called a non-starter"). */
const REFERS_BACK = new Set(['proposal', 'plan', 'demand', 'idea', 'request', 'terms', 'it', 'which']);
const PASSIVE = new Set(['was', 'were', 'been', 'being', 'is', 'are']);
/** How far after a party's name an "offer" may come and still be that party's. */
const PROPOSER_DISTANCE = 2;

interface Actor {
  party: string;
  start: number;
  end: number;
  subject: boolean;
}

function actorsOf(clause: Clause, knowledge: Knowledge): Actor[] {
  return clause.hits.flatMap((h) => {
    const party = h.entity.kind === 'party' ? h.entity.id : h.entity.kind === 'person' ? knowledge.people.get(h.entity.id)?.party : undefined;
    return party && knowledge.parties.has(party) ? [{ party, start: h.start, end: h.end, subject: !OBJECT_MARKERS.has(clause.tokens[h.start - 1] ?? '') }] : [];
  });
}

/** Token index of every character offset's token start, so a match maps to its word in O(1). */
function tokenStarts(tokens: readonly string[]): Map<number, number> {
  const starts = new Map<number, number>();
  let at = 0;
  tokens.forEach((t, i) => {
    starts.set(at, i);
    at += t.length + 1;
  });
  return starts;
}

/**
 * Stance cues in one sentence, clause by clause. A cue belongs to the party that is the subject of its clause: the
 * nearest name before the cue that is not an object ("told the studios"), or the agent of a passive ("was rejected
 * by the guild"); a clause without one continues the sentence's last main-clause subject, else the quote's speaker.
 * A cue is about the proposals its clause names (by name, alias or a word only that proposal's summary uses), else
 * those of the clause before when it refers back ("…, a proposal the studios called a non-starter"). Denied or hypothetical cues are skipped.
 */
export function findStanceCues(clauses: readonly Clause[], knowledge: Knowledge, words: ProposalWords, speaker?: string): StanceCue[] {
  const cues: StanceCue[] = [];
  const seen = new Set<string>();
  let subject: string | undefined;
  let lastProposals: string[] = [];
  for (const clause of clauses) {
    // Each proposal once, each (party, cue kind) once: a repeated cue and name would otherwise pair up quadratically.
    const named = [...new Set(clause.hits.filter((h) => h.entity.kind === 'proposal').map((h) => h.entity.id))];
    const own = named.length > 0 ? named : words.find(clause.tokens);
    const proposals = own.length > 0 ? own : clause.tokens.some((t) => REFERS_BACK.has(t)) ? lastProposals : [];
    const actors = actorsOf(clause, knowledge);
    const clauseSubject = actors.find((a) => a.subject)?.party;
    if (proposals.length > 0) {
      const distinct = new Map<string, ReturnType<typeof cuesIn>[number]>();
      for (const c of cuesIn(clause, actors, subject ?? (speaker ? (knowledge.partyOf(speaker)?.id ?? speaker) : undefined))) if (!distinct.has(`${c.party}:${c.kind}`)) distinct.set(`${c.party}:${c.kind}`, c);
      for (const cue of distinct.values()) {
        for (const proposal of proposals) {
          const stance = cue.kind === 'proposes' || cue.kind === 'proposed' ? (knowledge.proposals.get(proposal)?.proposedBy === cue.party ? 'demands' : 'counters') : cue.kind;
          const key = `${cue.party}:${proposal}:${stance}`;
          if (seen.has(key) || !knowledge.parties.has(cue.party)) continue;
          seen.add(key);
          cues.push({ party: cue.party, proposal, stance, cue: cue.text });
        }
      }
    }
    if (clauseSubject && !clause.relative) subject = clauseSubject;
    if (named.length > 0) lastProposals = named;
  }
  return cues;
}

/** The cue words in a clause with the party acting on each; linear in the clause's length per pattern. */
function cuesIn(clause: Clause, actors: readonly Actor[], inherited: string | undefined): { party: string; kind: StanceKindName | 'proposes' | 'proposed'; text: string }[] {
  const { tokens } = clause;
  const condition = tokens.findIndex((t) => CONDITIONS.has(t));
  const joined = tokens.join(' ');
  const starts = tokenStarts(tokens);
  const claimed = new Array<boolean>(tokens.length).fill(false);
  for (const h of clause.hits) claimed.fill(true, h.start, h.end);
  const found: { party: string; kind: StanceKindName | 'proposes' | 'proposed'; text: string }[] = [];
  for (const [pattern, kind] of CUES) {
    let a = 0; // actors[a - 1] is the last actor ending at or before the cue; matches come in order.
    let lastSubject: Actor | undefined;
    for (const m of joined.matchAll(pattern)) {
      const at = starts.get(m.index);
      // Words inside a name, or claimed by an earlier pattern, are not cues.
      if (at === undefined || claimed[at]) continue;
      const length = m[0].split(' ').length;
      claimed.fill(true, at, at + length);
      if ((condition !== -1 && at > condition) || tokens.slice(Math.max(0, at - 3), at).some((t) => NOT_STATED.has(t))) continue;
      while (a < actors.length && actors[a]!.end <= at) {
        if (actors[a]!.subject) lastSubject = actors[a];
        a++;
      }
      const before = actors[a - 1];
      if (kind === 'proposes') {
        // "Offer" and "proposal" are mostly nouns: they say who moved only right after a name ("the companies' offer").
        if (before && at - before.end <= PROPOSER_DISTANCE) found.push({ party: before.party, kind, text: m[1] ?? m[0] });
        continue;
      }
      const agent = PASSIVE.has(tokens[at - 1] ?? '') && tokens[at + length] === 'by' ? actors.find((x) => x.start > at + length && x.start <= at + length + 2) : undefined;
      const party = agent?.party ?? lastSubject?.party ?? inherited;
      if (party) found.push({ party, kind, text: m[1] ?? m[0] });
    }
  }
  return found;
}
