import type { CommandContext } from '../../../src/core/commands/command-spec.js';
import { addStalenessNotice } from '../../../src/core/commands/staleness.js';
import type { Knowledge } from '../../../src/core/knowledge/knowledge.js';
import { ReplyBuilder } from '../../../src/core/reply/reply-builder.js';
import type { Reply } from '../../../src/core/reply/reply.js';
import { analyzeQuestion, type QuestionAnalysis } from './analyze-question.js';
import { askIndexFor } from './ask-index.js';
import { matchesDay, scoreCandidates, sentenceOf, type Scored } from './score-candidates.js';

/** Below this score the best fact is only loosely related, so the bot declines rather than guess. */
export const MIN_ANSWER_SCORE = 5;
/** Extra facts join the answer only when nearly as relevant as the best one. */
const COMPANION_RATIO = 0.8;
const MAX_SENTENCES = 3;

/** Answers a free question from the knowledge in one to three cited sentences, or declines and says what it can answer. */
export function answerQuestion(ctx: CommandContext, question: string): Reply {
  const { knowledge, entities } = ctx;
  const index = askIndexFor(knowledge, entities);
  const q = analyzeQuestion(index, entities, question, knowledge.asOf);
  const shown = question.replace(/\s+/g, ' ').trim();
  const title = shown.length > 0 ? (shown.length > 120 ? `${shown.slice(0, 117)}…` : shown) : 'Ask me about the dispute';
  const reply = new ReplyBuilder(knowledge, 'ask', title);

  const ranked = scoreCandidates(index, q);
  const chosen = ranked[0] ? chooseSentences(ranked, q) : [];
  const problem = whyNotAnswerable(knowledge, q, ranked, chosen);
  if (problem) {
    reply.text(problem);
    reply.text(`I can answer questions about the ${knowledge.dispute.title}: where talks stand, each side’s position on a proposal, who said what, and what changed. Try /strike ask where did the two sides meet? or /strike proposals.`);
    return reply.build({ answered: false, asOf: knowledge.asOf });
  }
  addStalenessNotice(reply, knowledge, ctx.clock);
  for (const s of chosen) reply.text(sentenceOf(s), s.candidate.sources);
  return reply.build({ answered: true, asOf: knowledge.asOf });
}

/** The reason to decline, if any: the bot answers only when a fact covers everything the question asks. */
function whyNotAnswerable(knowledge: Knowledge, q: QuestionAnalysis, ranked: Scored[], chosen: Scored[]): string | undefined {
  if (q.text.length === 0) return 'I didn’t catch a question there.';
  if (q.personal) return 'I can only report what is known about the dispute, not advise on your own situation.';
  if (q.unknown.length > 0) return `I don’t have anything on ${q.unknown.slice(0, 3).map((w) => `“${w}”`).join(', ')} in what I know, so I won’t guess.`;
  const knownYears = new Set(ranked.flatMap((s) => (s.candidate.date ? [s.candidate.date.slice(0, 4)] : [])));
  const otherYear = q.years.find((y) => !knownYears.has(y));
  if (otherYear) return `I have nothing from ${otherYear}; what I know covers ${[...knownYears].sort().join(' and ')}.`;
  const undated = q.days.find((d) => d.relation === 'on' && !ranked.some((s) => s.candidate.date?.endsWith(d.monthDay)));
  if (undated) return `I have nothing recorded for ${undated.label}.`;
  const best = chosen[0];
  if (!best || best.score < MIN_ANSWER_SCORE || !best.substantive) return 'I don’t have a fact that answers that, so I won’t guess.';
  const uncovered = q.entities.filter((h) => !q.excluded.includes(h.entity.id) && !chosen.some((s) => s.candidate.entities.has(h.entity.id)));
  if (uncovered.length > 0) return `I have nothing on that about ${uncovered.map((h) => h.entity.name).join(' and ')}.`;
  const notActing = q.agents.filter((id) => !chosen.some((s) => actsIn(knowledge, s, id)));
  if (notActing.length > 0) return `I have no record of ${notActing.map((id) => knowledge.nameOf(id)).join(' or ')} saying or doing that.`;
  const missingDay = q.days.find((d) => d.relation === 'on' && !chosen.some((s) => matchesDay(s.candidate.date, d)));
  if (missingDay) return `I have nothing recorded for ${missingDay.label}.`;
  if (q.quantity && !best.candidate.hasQuantity) return 'I don’t have that figure, so I won’t guess one.';
  // "Will the studios accept X?" is answered by where they stand on X; other questions about the future are not.
  const stanceOnProposal = q.entities.length > 0 && best.facet === 'stance' && best.candidate.id.startsWith('stance:');
  if (q.future && !chosen.some((s) => s.facet === 'next') && !stanceOnProposal) {
    return 'That asks about the future, and I only report what has happened; I won’t predict it.';
  }
  return undefined;
}

/** A fact is about someone acting when they are its subject, or a person it names who speaks for a party that is. */
function actsIn(knowledge: Knowledge, s: Scored, id: string): boolean {
  if (s.candidate.subjects.has(id)) return true;
  const party = knowledge.people.get(id)?.party;
  return party !== undefined && s.candidate.entities.has(id) && s.candidate.subjects.has(party);
}

/** The best fact, plus up to two more that answer the same ask nearly as well (both sides of a stance, say). */
function chooseSentences(ranked: Scored[], q: QuestionAnalysis): Scored[] {
  const best = ranked[0]!;
  const chosen = [best];
  const seen = new Set([sentenceOf(best)]);
  const kind = (s: Scored) => s.candidate.id.split(':')[0];
  for (const s of ranked.slice(1, 50)) {
    if (chosen.length >= MAX_SENTENCES || s.score < best.score * COMPANION_RATIO) break;
    if (s.facet !== best.facet || kind(s) !== kind(best) || seen.has(sentenceOf(s))) continue;
    // A companion must be about every proposal and person the question names; it may be another side's view of them.
    if (!q.entities.every((h) => h.entity.kind === 'party' || s.candidate.entities.has(h.entity.id))) continue;
    chosen.push(s);
    seen.add(sentenceOf(s));
  }
  return chosen;
}
