import type { QuestionAnalysis } from './analyze-question.js';
import type { AskIndex } from './ask-index.js';
import type { Facet } from './candidate.js';
import { matchesDay } from './question-dates.js';
import { scratch } from './scratch-arrays.js';

// Byte slot 0 of the scratch arrays; scoring's name marks use the slots after it.
const RETRIEVED_SLOT = 0;

/** A facet's facts join a question that already shares words or names with some facts only when there are this few. */
const FACET_ONLY_LIMIT = 200;

/**
 * The positions of the candidates that share something with the question: a term, a name, an asked facet or the day it names.
 * Any other candidate scores zero or less, below the answer threshold, so it is never worth scoring.
 */
export function relevantCandidates(index: AskIndex, q: QuestionAnalysis, facets: Facet[]): number[] {
  const marked = scratch.byte(RETRIEVED_SLOT, index.candidates.length);
  const picked: number[] = [];
  const add = (list: number[] | undefined) => {
    if (!list) return;
    for (const i of list) {
      if (marked[i]) continue;
      marked[i] = 1;
      picked.push(i);
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
