import type { QuestionAnalysis } from './analyze-question.js';
import type { AskIndex } from './ask-index.js';
import type { Candidate, Facet } from './candidate.js';
import type { NamedDay } from './question-dates.js';

/** A candidate with its score and the facet whose sentence answers the question. */
export interface Scored {
  candidate: Candidate;
  score: number;
  facet?: Facet;
  /** Shared words or an asked-for facet, beyond a bare name match: without it a name alone is not an answer. */
  substantive: boolean;
}

/** Facets in the order they decide which sentence to state: the most specific ask wins. */
const FACET_PRIORITY: Facet[] = ['howLong', 'where', 'mood', 'keyIssues', 'next', 'strikeDay', 'whichParty', 'who', 'quote', 'stance', 'when', 'status', 'why', 'latest', 'define', 'what'];
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
const ANSWER_TYPE: Set<Facet> = new Set(['whichParty', 'where', 'howLong']);
const DAY_HIT = 8;
const EXCLUDED_SUBJECT = 8;

/** Ranks every candidate for a question: shared rare words, the names and days it mentions, and the facet it asks for. */
export function scoreCandidates(index: AskIndex, q: QuestionAnalysis): Scored[] {
  const asked = FACET_PRIORITY.filter((f) => q.facets.has(f));
  const specificAsked = asked.filter((f) => SPECIFIC.has(f));
  const scored = relevantCandidates(index, q, specificAsked).map((candidate) => {
    let lexical = 0;
    for (const t of q.terms) lexical += (index.idf.get(t) ?? 0) * (candidate.terms.get(t) ?? 0);
    let score = lexical;
    for (const hit of q.entities) {
      if (q.excluded.includes(hit.entity.id)) {
        if (candidate.subjects.has(hit.entity.id)) score -= EXCLUDED_SUBJECT;
        continue;
      }
      score += candidate.entities.has(hit.entity.id) ? ENTITY_HIT : -ENTITY_MISS;
      if (candidate.subjects.has(hit.entity.id)) score += SUBJECT_HIT;
    }
    const onDay = q.days.some((d) => matchesDay(candidate.date, d));
    if (onDay) score += DAY_HIT;
    const facet = asked.find((f) => candidate.facets[f] !== undefined);
    const specific = specificAsked.find((f) => candidate.facets[f] !== undefined);
    if (specific) score += specific === specificAsked[0] ? PRIMARY_FACET_HIT : FACET_HIT;
    else if (specificAsked.length > 0) score -= ANSWER_TYPE.has(specificAsked[0]!) ? ANSWER_TYPE_MISS : FACET_MISS;
    // A loose ask ("what came out of it") shows the sentence that shares most words with the question.
    const shown = facet && !LOOSE_FACETS.has(facet) ? facet : (closestFacet(candidate, q.terms) ?? facet);
    return { candidate, score, substantive: lexical > 0 || onDay || specific !== undefined, ...(shown ? { facet: shown } : {}) };
  });
  return scored.sort((a, b) => b.score - a.score || (b.candidate.date ?? '').localeCompare(a.candidate.date ?? ''));
}

/**
 * The candidates that share something with the question: a term, a name, an asked facet or the day it names.
 * Any other candidate scores zero or less, below the answer threshold, so it is never worth scoring.
 */
function relevantCandidates(index: AskIndex, q: QuestionAnalysis, facets: Facet[]): Candidate[] {
  const picked = new Set<number>();
  const add = (list: number[] | undefined) => list?.forEach((i) => picked.add(i));
  for (const t of q.terms) add(index.byTerm.get(t));
  for (const h of q.entities) add(index.byEntity.get(h.entity.id));
  for (const f of facets) add(index.byFacet.get(f));
  for (const d of q.days) {
    if (d.relation === 'on') add(index.byMonthDay.get(d.monthDay));
    else index.candidates.forEach((c, i) => matchesDay(c.date, d) && picked.add(i));
  }
  return [...picked].map((i) => index.candidates[i]!);
}

// Only sentences that carry the whole fact; a bare date or place line is shown only when asked for.
const LOOSE_FACETS: Set<Facet> = new Set(['define', 'what']);
const FULL_SENTENCE_FACETS: Set<Facet> = new Set(['what', 'why', 'mood', 'quote', 'stance', 'define']);

/** With no facet asked, the facet sentence sharing most words with the question ("hoping" finds the sentence about hopes). */
function closestFacet(candidate: Candidate, terms: string[]): Facet | undefined {
  let best: { facet: Facet; shared: number } | undefined;
  for (const [facet, facetTerms] of Object.entries(candidate.facetTerms) as [Facet, Set<string>][]) {
    if (!FULL_SENTENCE_FACETS.has(facet)) continue;
    const shared = terms.filter((t) => facetTerms.has(t)).length;
    if (shared > 0 && (!best || shared > best.shared)) best = { facet, shared };
  }
  return best?.facet;
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
