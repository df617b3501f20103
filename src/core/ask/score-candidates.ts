import type { QuestionAnalysis } from './analyze-question.js';
import type { AskIndex } from './ask-index.js';
import type { Candidate, Facet } from './candidate.js';
import type { NamedDay } from './question-dates.js';
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
  // Scores go into a flat array first; objects are made only for the leaders, so a pack of 10,000 facts stays fast.
  const termIdf = q.terms.map((t) => [t, index.idf.get(t) ?? 0] as const).filter(([, idf]) => idf > 0);
  const named = q.entities.map((h) => ({ id: h.entity.id, excluded: q.excluded.includes(h.entity.id) }));
  const scores = new Float64Array(pool.length);
  pool.forEach((candidate, k) => {
    let score = 0;
    for (const [t, idf] of termIdf) score += idf * (candidate.terms.get(t) ?? 0);
    for (const { id, excluded } of named) {
      if (excluded) {
        if (candidate.subjects.has(id)) score -= EXCLUDED_SUBJECT;
        continue;
      }
      score += candidate.entities.has(id) ? ENTITY_HIT : -ENTITY_MISS;
      if (candidate.subjects.has(id)) score += SUBJECT_HIT;
    }
    if (ACTED.test(candidate.id)) for (const id of q.agents) if (candidate.actors.size > 0 && !candidate.actors.has(id)) score -= AGENT_MISS;
    if (q.partyKind && candidate.partyKind !== q.partyKind) score -= KIND_MISS;
    if (q.bothSides && candidate.bothSides) score += ENTITY_HIT;
    if (q.days.length > 0 && q.days.some((d) => matchesDay(candidate.date, d))) score += DAY_HIT;
    const specific = specificAsked.find((f) => candidate.facets[f] !== undefined);
    if (specific) score += specific === specificAsked[0] ? PRIMARY_FACET_HIT : FACET_HIT;
    else if (specificAsked.length > 0) score -= ANSWER_TYPE.has(specificAsked[0]!) ? ANSWER_TYPE_MISS : FACET_MISS;
    scores[k] = score;
  });
  const threshold = pool.length > SHOWN_LEADERS ? Float64Array.from(scores).sort()[pool.length - SHOWN_LEADERS]! : -Infinity;
  const leaders: Scored[] = [];
  pool.forEach((candidate, k) => {
    if (scores[k]! < threshold) return;
    let lexical = 0;
    for (const [t, idf] of termIdf) lexical += idf * (candidate.terms.get(t) ?? 0);
    const onDay = q.days.some((d) => matchesDay(candidate.date, d));
    const facet = asked.find((f) => candidate.facets[f] !== undefined);
    const specific = specificAsked.find((f) => candidate.facets[f] !== undefined);
    // "What did the mayor call for?": a fact in which the one asked about acts answers what they did.
    const acting = q.agents.some((id) => candidate.subjects.has(id)) && /^(event|statement):/.test(candidate.id);
    leaders.push({ candidate, score: scores[k]!, substantive: lexical > 0 || onDay || specific !== undefined || acting, ...(facet ? { facet } : {}) });
  });
  leaders.sort((a, b) => b.score - a.score || newerFirst(a.candidate.date, b.candidate.date));
  // A loose ask ("what came out of it") shows the sentence that shares most words with the question.
  for (const s of leaders) {
    if (s.facet && !LOOSE_FACETS.has(s.facet)) continue;
    const closest = closestFacet(s.candidate, q.terms);
    if (closest) s.facet = closest;
  }
  return leaders;
}

/** Ties go to the newer fact; ISO dates compare as plain strings. */
function newerFirst(a = '', b = ''): number {
  return a === b ? 0 : a < b ? 1 : -1;
}

/** A facet's facts join a question that already shares words or names with some facts only when there are this few. */
const FACET_ONLY_LIMIT = 200;

/** How many of the best-scored facts may end up in an answer (the best and its companions come from these). */
const SHOWN_LEADERS = 50;

/**
 * The candidates that share something with the question: a term, a name, an asked facet or the day it names.
 * Any other candidate scores zero or less, below the answer threshold, so it is never worth scoring.
 */
function relevantCandidates(index: AskIndex, q: QuestionAnalysis, facets: Facet[]): Candidate[] {
  const marked = new Uint8Array(index.candidates.length);
  const picked: Candidate[] = [];
  const add = (list: number[] | undefined) => {
    if (!list) return;
    for (const i of list) {
      if (marked[i]) continue;
      marked[i] = 1;
      picked.push(index.candidates[i]!);
    }
  };
  // On a large pack a word that most facts share ("strike") retrieves thousands of facts that rarer words and names
  // already rank; it still counts in the score of every fact retrieved. Small packs never reach the limit.
  const common = Math.max(COMMON_TERM_MIN, index.candidates.length * COMMON_TERM_SHARE);
  const rare = q.terms.filter((t) => (index.byTerm.get(t)?.length ?? 0) <= common);
  const keys = rare.length > 0 || q.entities.length > 0 ? rare : q.terms;
  for (const t of keys) add(index.byTerm.get(t));
  for (const h of q.entities) add(index.byEntity.get(h.entity.id));
  for (const d of q.days) {
    if (d.relation === 'on') add(index.byMonthDay.get(d.monthDay));
    else index.candidates.forEach((c, i) => matchesDay(c.date, d) && add([i]));
  }
  // A facet alone ("how long was it?") brings in every fact that has it, unless the question names or shares something
  // more specific: on a large pack most facts have a date, so "when" alone would bring in thousands.
  const narrowed = picked.length > 0;
  for (const f of facets) {
    const list = index.byFacet.get(f);
    if (list && (!narrowed || list.length <= FACET_ONLY_LIMIT)) add(list);
  }
  return picked;
}

/** A term held by more facts than this (and by more than this share of them) does not retrieve facts on its own. */
const COMMON_TERM_MIN = 500;
const COMMON_TERM_SHARE = 0.1;

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

/** Whether a fact's date fits a day the question names: on it, or before or after it. Undated facts (the next contact) lie ahead. */
export function matchesDay(date: string | undefined, day: NamedDay): boolean {
  if (day.relation === 'after') return date === undefined || date.slice(5) > day.monthDay;
  if (!date) return false;
  return day.relation === 'before' ? date.slice(5) < day.monthDay : date.endsWith(day.monthDay);
}

/** The sentence a scored candidate contributes to an answer. */
export function sentenceOf(s: Scored): string {
  return (s.facet && s.candidate.facets[s.facet]) || s.candidate.sentence;
}
