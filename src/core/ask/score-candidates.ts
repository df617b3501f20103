import { ORIGINALLY, type QuestionAnalysis } from './analyze-question.js';
import type { AskIndex } from './ask-index.js';
import { facetBit, type Candidate, type Facet } from './candidate.js';
import { matchesDay } from './question-dates.js';
import { relevantCandidates } from './retrieve-candidates.js';
import { scratch } from './scratch-arrays.js';
import { addTerms } from './text-terms.js';

/** A candidate with its score and the facet whose sentence answers the question. */
export interface Scored {
  candidate: Candidate;
  score: number;
  facet?: Facet;
  /** Shared words or an asked-for facet, beyond a bare name match: without it a name alone is not an answer. */
  substantive: boolean;
}

/** Facets in the order they decide which sentence to state: the most specific ask wins. */
const FACET_PRIORITY: Facet[] = ['term', 'expiry', 'outcome', 'howLong', 'where', 'mood', 'keyIssues', 'next', 'strikeDay', 'whichParty', 'who', 'quote', 'stance', 'when', 'status', 'why', 'latest', 'define', 'what'];
// 'what' only picks the sentence: nearly every question has it, so it earns no points.
const SPECIFIC: Set<Facet> = new Set(FACET_PRIORITY.filter((f) => f !== 'what'));

const ENTITY_HIT = 4;
const ENTITY_MISS = 3;
/** A fact chiefly about what the question names beats one that mentions it in passing. */
const SUBJECT_HIT = 2;
const PRIMARY_FACET_HIT = 6;
const FACET_HIT = 2;
const FACET_MISS = 3;
/** Asking "which union" or "where" names the kind of answer wanted: a fact that cannot give it is a poor answer, however many words it shares. */
const ANSWER_TYPE_MISS = 8;
const ANSWER_TYPE: Set<Facet> = new Set(['whichParty', 'where', 'howLong', 'term', 'expiry', 'outcome']);
const DAY_HIT = 8;
const EXCLUDED_SUBJECT = 8;
/** "How did the guild answer...": a fact in which someone else acts answers it poorly, however many words it shares. */
const AGENT_MISS = 6;
/** "Which union ...": anything but a party of that kind is a poorer answer (a penalty, so the parties' own ranking is unchanged). */
const KIND_MISS = 4;
/** A settled proposal's old stance, below its outcome ("will the studios share viewing data?" is answered by the deal). */
const SUPERSEDED = 8;
/** "Who is X?", "what does X do?": a person's own description beats the events they merely took part in. */
const OWN_DESCRIPTION = 3;
const DESCRIPTION = /^person:/;
// "What does the AMPTP do?" asks what a party is; "who sat across the table for the AMPTP" does not.
const WHAT_IT_DOES = /^what (does|do) .+ do( for a living)?$/;
// Only what someone does or says has an actor; a party's or person's description is not their act.
const ACTED = /^(statement|event|stance):/;

/**
 * Ranks the candidates for a question: shared rare words, the names and days it mentions, and the facet it asks for.
 * Returns the leaders only (every answer is drawn from them), best first.
 */
export function scoreCandidates(index: AskIndex, q: QuestionAnalysis): Scored[] {
  const asked = FACET_PRIORITY.filter((f) => q.facets.has(f));
  const specificAsked = asked.filter((f) => SPECIFIC.has(f));
  const pool = relevantCandidates(index, q, specificAsked);
  // Scores go into flat arrays, posting by posting; objects are made only for the leaders, so 10,000 facts stay fast.
  const terms = q.terms.filter((t) => idfOf(index, t) > 0);
  const lexical = lexicalScores(index, terms);
  const named = q.entities.map((h) => ({ id: h.entity.id, excluded: q.excluded.includes(h.entity.id) }));
  const marks = named.map(({ id }, n) => nameMarks(index, id, NAME_SLOT + n));
  const bits = specificAsked.map(facetBit);
  const missed = specificAsked.length === 0 ? 0 : ANSWER_TYPE.has(specificAsked[0]!) ? ANSWER_TYPE_MISS : FACET_MISS;
  const originally = ORIGINALLY.test(q.text);
  const whatItDoes = WHAT_IT_DOES.test(q.text);
  const describes = specificAsked[0] === 'who' || specificAsked[0] === 'define';
  const scores = scratch.float(SCORES_SLOT, pool.length);
  for (let k = 0; k < pool.length; k++) {
    const i = pool[k]!;
    const candidate = index.candidates[i]!;
    let score = lexical[i]!;
    for (let n = 0; n < named.length; n++) {
      const mark = marks[n]![i]!;
      if (named[n]!.excluded) {
        if (mark & SUBJECT) score -= EXCLUDED_SUBJECT;
        continue;
      }
      score += mark & MENTIONED ? ENTITY_HIT : -ENTITY_MISS;
      if (mark & SUBJECT) score += SUBJECT_HIT;
      if (mark & SUBJECT && describes && (DESCRIPTION.test(candidate.id) || (whatItDoes && candidate.id.startsWith('party:')))) score += OWN_DESCRIPTION;
    }
    if (q.agents.length > 0 && candidate.actors.size > 0 && ACTED.test(candidate.id)) for (const id of q.agents) if (!candidate.actors.has(id)) score -= AGENT_MISS;
    if (q.partyKind && candidate.partyKind !== q.partyKind) score -= KIND_MISS;
    if (q.bothSides && candidate.bothSides) score += ENTITY_HIT;
    if (candidate.superseded && !q.earlier) score -= SUPERSEDED;
    else if (originally && candidate.id.startsWith('outcome:')) score -= SUPERSEDED;
    if (q.days.length > 0 && q.days.some((d) => matchesDay(candidate.date, d))) score += DAY_HIT;
    const mask = index.facetMasks[i]!;
    let specific = 0;
    while (specific < bits.length && (mask & bits[specific]!) === 0) specific++;
    if (specific < bits.length) score += specific === 0 ? PRIMARY_FACET_HIT : FACET_HIT;
    else score -= missed;
    scores[k] = score;
  }
  const leaders = leadersOf(index, pool, scores).map((k): Scored => {
    const i = pool[k]!;
    const candidate = index.candidates[i]!;
    const onDay = q.days.some((d) => matchesDay(candidate.date, d));
    const facet = asked.find((f) => candidate.facets[f] !== undefined);
    const specific = specificAsked.find((f) => candidate.facets[f] !== undefined);
    // "What did the mayor call for?": a fact in which the one asked about acts answers what they did.
    const acting = q.agents.some((id) => candidate.subjects.has(id)) && /^(event|statement):/.test(candidate.id);
    return { candidate, score: scores[k]!, substantive: lexical[i]! > 0 || onDay || specific !== undefined || acting, ...(facet ? { facet } : {}) };
  });
  // A loose ask ("what came out of it") shows the sentence that shares most words with the question.
  for (const s of leaders) {
    if (s.facet && !LOOSE_FACETS.has(s.facet)) continue;
    const closest = closestFacet(s.candidate, q.terms);
    if (closest) s.facet = closest;
  }
  return leaders;
}

const MENTIONED = 1;
const SUBJECT = 2;
// Scratch slots: each array a question's scoring holds at once has its own (byte slots from NAME_SLOT on are one per name).
const LEXICAL_SLOT = 0;
const SCORES_SLOT = 1;
const SORTED_SLOT = 2;
const NAME_SLOT = 1;

/** The scores in ascending order, in a scratch copy. */
function sortedCopy(scores: Float64Array): Float64Array {
  const copy = scratch.float(SORTED_SLOT, scores.length);
  copy.set(scores);
  return copy.sort();
}

/** Each candidate's shared rare words' weight, by position, summed over the terms' postings in the question's order. */
function lexicalScores(index: AskIndex, terms: string[]): Float64Array {
  const scores = scratch.float(LEXICAL_SLOT, index.candidates.length);
  for (const t of terms) {
    const idf = idfOf(index, t);
    const list = index.byTerm.get(t)!;
    const weights = index.termWeights.get(t)!;
    for (let p = 0; p < list.length; p++) scores[list[p]!]! += idf * weights[p]!;
  }
  return scores;
}

/** Which candidates mention a name (MENTIONED) and which are chiefly about it (SUBJECT), by position. */
function nameMarks(index: AskIndex, id: string, slot: number): Uint8Array {
  const marks = scratch.byte(slot, index.candidates.length);
  for (const i of index.byEntity.get(id) ?? []) marks[i]! |= MENTIONED;
  for (const i of index.bySubject.get(id) ?? []) marks[i]! |= SUBJECT;
  return marks;
}

/**
 * The positions in the pool of the best SHOWN_LEADERS facts, best first: higher score, then the newer fact, then
 * the one retrieved first. Only these can reach an answer, so only these become objects and get sorted.
 */
function leadersOf(index: AskIndex, pool: number[], scores: Float64Array): number[] {
  // slice, not Float64Array.from: from() walks the array through the iterator protocol, which cost more than the sort.
  const threshold = pool.length > SHOWN_LEADERS ? sortedCopy(scores)[pool.length - SHOWN_LEADERS]! : -Infinity;
  const above: number[] = [];
  for (let k = 0; k < pool.length; k++) if (scores[k]! >= threshold) above.push(k);
  const ranks = index.dateRanks;
  // Ties go to the newer fact, then to the one retrieved first (as a stable sort of the pool would leave them).
  above.sort((a, b) => scores[b]! - scores[a]! || ranks[pool[b]!]! - ranks[pool[a]!]! || a - b);
  return above.length > SHOWN_LEADERS ? above.slice(0, SHOWN_LEADERS) : above;
}

/** How rare a term is over the facts (inverse document frequency); 0 for a term no fact holds. */
function idfOf(index: AskIndex, term: string): number {
  return index.idf.get(term) ?? 0;
}

/** How many of the best-scored facts may end up in an answer (the best and its companions come from these). */
const SHOWN_LEADERS = 50;


// Only sentences that carry the whole fact; a bare date or place line is shown only when asked for.
const LOOSE_FACETS: Set<Facet> = new Set(['define', 'what']);
const FULL_SENTENCE_FACETS: Set<Facet> = new Set(['what', 'why', 'mood', 'quote', 'stance', 'define']);

/** With no facet asked, the facet sentence sharing most words with the question ("hoping" finds the sentence about hopes). */
function closestFacet(candidate: Candidate, terms: string[]): Facet | undefined {
  let best: { facet: Facet; shared: number } | undefined;
  for (const [facet, facetTerms] of Object.entries(facetTermsOf(candidate)) as [Facet, Set<string>][]) {
    if (!FULL_SENTENCE_FACETS.has(facet)) continue;
    const shared = terms.filter((t) => facetTerms.has(t)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { facet, shared };
  }
  return best?.facet;
}

/** The terms of each of a candidate's facet sentences, computed once. */
function facetTermsOf(candidate: Candidate): Partial<Record<Facet, Set<string>>> {
  if (!candidate.facetTerms) {
    const all: Partial<Record<Facet, Set<string>>> = {};
    for (const [facet, sentence] of Object.entries(candidate.facetSource) as [Facet, string][]) {
      const terms = new Map<string, number>();
      addTerms(terms, sentence, 1);
      all[facet] = new Set(terms.keys());
    }
    candidate.facetTerms = all;
  }
  return candidate.facetTerms;
}


/** The sentence a scored candidate contributes to an answer. */
export function sentenceOf(s: Scored): string {
  return (s.facet && s.candidate.facets[s.facet]) || s.candidate.sentence;
}
