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
const FACET_PRIORITY: Facet[] = ['howLong', 'where', 'mood', 'keyIssues', 'next', 'strikeDay', 'who', 'quote', 'stance', 'when', 'status', 'why', 'latest', 'define', 'what'];
// 'what' only picks the sentence: nearly every question has it, so it earns no points.
const SPECIFIC: Set<Facet> = new Set(FACET_PRIORITY.filter((f) => f !== 'what'));

const ENTITY_HIT = 4;
const ENTITY_MISS = 3;
/** A fact chiefly about what the question names beats one that mentions it in passing. */
const SUBJECT_HIT = 2;
const PRIMARY_FACET_HIT = 6;
const FACET_HIT = 2;
const FACET_MISS = 3;
const DAY_HIT = 8;
const EXCLUDED_SUBJECT = 8;

/** Ranks every candidate for a question: shared rare words, the names and days it mentions, and the facet it asks for. */
export function scoreCandidates(index: AskIndex, q: QuestionAnalysis): Scored[] {
  const asked = FACET_PRIORITY.filter((f) => q.facets.has(f));
  const specificAsked = asked.filter((f) => SPECIFIC.has(f));
  const scored = index.candidates.map((candidate) => {
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
    else if (specificAsked.length > 0) score -= FACET_MISS;
    return { candidate, score, substantive: lexical > 0 || onDay || specific !== undefined, ...(facet ? { facet } : {}) };
  });
  return scored.sort((a, b) => b.score - a.score || (b.candidate.date ?? '').localeCompare(a.candidate.date ?? ''));
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
