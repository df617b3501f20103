import type { Knowledge } from '../knowledge/knowledge.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { sentenceOf, type Scored } from './score-candidates.js';
import { asksStrikeEnd } from './where-things-stand.js';

/** The parties of the dispute itself: its unions and employers. */
export function sidesOf(knowledge: Knowledge): Set<string> {
  return new Set([...knowledge.dispute.unions, ...knowledge.dispute.employers]);
}

/**
 * "Are the actors still on strike?": the parties outside the dispute a status question names, when it names neither side.
 * Only facts about those parties answer it; the dispute's own status, or an event that mentions them in passing, is about the writers.
 */
export function aboutOutsiders(knowledge: Knowledge, q: QuestionAnalysis): string[] | undefined {
  const sides = sidesOf(knowledge);
  const parties = q.entities.filter((h) => h.entity.kind === 'party');
  return parties.length > 0 && parties.every((h) => !sides.has(h.entity.id)) ? parties.map((h) => h.entity.id) : undefined;
}

// "When did the actors' strike end?" is answered only by a fact about them that says something ended.
const SAYS_ENDED = /\b(end|ends|ended|over|called off|settled)\b/i;

/** The ranked facts that are about those parties (and, for "when did their strike end?", say that something ended). */
export function aboutOnly(ranked: Scored[], parties: string[], text: string): Scored[] {
  const isAbout = (s: Scored) => !s.candidate.id.startsWith('dispute:') && parties.some((id) => s.candidate.subjects.has(id) || s.candidate.actors.has(id));
  return ranked.filter((s) => isAbout(s) && (!asksStrikeEnd(text) || SAYS_ENDED.test(sentenceOf(s))));
}
