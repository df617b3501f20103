import type { CommandContext } from '../commands/command-spec.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { analyzeQuestion, type QuestionAnalysis } from './analyze-question.js';
import type { AskIndex } from './ask-index.js';
import { formatDay } from '../time/format-date.js';
import { statesAQuantity } from './build-candidates.js';
import { aboutOnly, aboutOutsiders, sidesOf } from './outside-parties.js';
import { checkPremise } from './premises.js';
import { matchesDay } from './question-dates.js';
import { scoreCandidates, sentenceOf, type Scored } from './score-candidates.js';
import { asksStrikeStatus, asksWhereThingsStand, notEndedLine, whereThingsStandLines, type AnswerLine } from './where-things-stand.js';
import { yesNoLead } from './yes-no.js';

/** Below this score the best fact is only loosely related, so the bot declines rather than guess. */
export const MIN_ANSWER_SCORE = 5;
/** Extra facts join the answer only when nearly as relevant as the best one. */
const COMPANION_RATIO = 0.8;
const MAX_SENTENCES = 3;
/** How much one unknown everyday word weighs against what the chosen fact covers (a name counts 2, a shared word 1). */
const EVIDENCE_WEIGHT = 1.5;

/** One part of a question, answered with cited lines or declined with the reason (and what is known, if anything). */
export type PartAnswer = { answered: true; lines: AnswerLine[]; topicWords: string[] } | { answered: false; problem: string; known: AnswerLine[]; topicWords: string[] };

/** Answers one part of a question; `carried` are the topic words of the part before, for parts like "and who went?". */
export function answerPart(ctx: CommandContext, index: AskIndex, part: string, carried: string[] = []): PartAnswer {
  const { knowledge, entities } = ctx;
  let q = analyzeQuestion(index, entities, part, knowledge.asOf);
  if (carried.length > 0 && q.entities.length === 0 && q.terms.length === 0 && q.unknown.length === 0) {
    q = analyzeQuestion(index, entities, `${part} ${carried.join(' ')}`, knowledge.asOf);
  }
  const topicWords = q.topicWords;
  if (q.text.length > 0 && !q.personal && !q.future && q.unknown.length === 0 && asksWhereThingsStand(q.text, q.entities, sidesOf(knowledge))) return { answered: true, lines: whereThingsStandLines(ctx, q.text), topicWords };
  const outsiders = asksStrikeStatus(q.text) ? aboutOutsiders(knowledge, q) : undefined;
  const notEnded = q.text.length > 0 && q.unknown.length === 0 && !outsiders ? notEndedLine(knowledge, q.text) : undefined;
  if (notEnded) return { answered: true, lines: [notEnded, ...whereThingsStandLines(ctx, q.text)], topicWords };
  const premise = checkPremise(knowledge, q.text, q.entities);
  if (premise) q = analyzeQuestion(index, entities, premise.rest, knowledge.asOf);
  const ranked = outsiders ? aboutOnly(scoreCandidates(index, q), outsiders, q.text) : scoreCandidates(index, q);
  const chosen = ranked[0] ? settledFirst(index, chooseSentences(ranked, q), q) : [];
  const problem = whyNotAnswerable(knowledge, index, q, chosen);
  if (problem) return { answered: false, problem, known: problem === NO_NEW_CONTRACT ? expiryLines(index) : [], topicWords };
  const lines = chosen.map((s) => ({ text: sentenceOf(s), sources: s.candidate.sources }));
  const undisclosed = notDisclosed(q, lines);
  if (undisclosed) return { answered: false, problem: undisclosed, known: lines, topicWords };
  const lead = yesNoLead(knowledge, q, chosen);
  if (lead) lines[0] = { ...lines[0]!, text: `${lead} ${lines[0]!.text}` };
  if (premise) lines.unshift({ text: premise.note, sources: premise.sources });
  return { answered: true, lines, topicWords };
}

/** "What time exactly" or "the exact size" when the facts hold no figure: the detail was never made public. */
function notDisclosed(q: QuestionAnalysis, lines: AnswerLine[]): string | undefined {
  const said = lines.map((l) => l.text.replace(/\b(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\w* \d{1,2}, \d{4}/g, '')).join(' ');
  const asksDetail = q.quantity || q.facets.has('when') || /\b(time|size|number|figure|amount|date|terms)\b/.test(q.text);
  if (q.precise && asksDetail && !/\d/.test(said)) return 'The exact detail was not made public. What is known:';
  return undefined;
}

/** The reason to decline, if any: the bot answers only when a fact covers everything the question asks. */
function whyNotAnswerable(knowledge: Knowledge, index: AskIndex, q: QuestionAnalysis, chosen: Scored[]): string | undefined {
  if (q.text.length === 0) return 'I didn’t catch a question there.';
  if (q.personal) return 'I can only report what is known about the dispute, not advise on your own situation.';
  if (q.unknown.length > 0) return `I don’t have anything on ${q.unknown.slice(0, 3).map((w) => `“${w}”`).join(', ')} in what I know, so I won’t guess.`;
  if (q.laterMonth) return `I have nothing from ${q.laterMonth}; what I know runs to ${formatDay(knowledge.asOf)}.`;
  const knownYears = index.years;
  const otherYear = q.years.find((y) => !knownYears.has(y));
  if (otherYear) return `I have nothing from ${otherYear}; what I know covers ${[...knownYears].sort().join(' and ')}.`;
  // A yes/no question's day is a premise to confirm or correct ("wasn't it on wed?"), not a filter.
  const undated = !q.yesNo && q.days.find((d) => d.relation === 'on' && !index.byMonthDay.has(d.monthDay));
  if (undated) return `I have nothing recorded for ${undated.label}.`;
  const best = chosen[0];
  // Asked for the new contract's term or what a deal settled, only that fact answers: no other fact stands in for it.
  if (q.facets.has('term') && !best?.candidate.facets.term) {
    // "When does the Teamsters' contract run out?" asks about another party's contract, which the knowledge does not hold.
    const sides = sidesOf(knowledge);
    const others = q.entities.filter((h) => h.entity.kind === 'party' && !sides.has(h.entity.id));
    return others.length > 0 ? `I have nothing on that about ${others.map((h) => h.entity.name).join(' and ')}.` : NO_NEW_CONTRACT;
  }
  if (q.facets.has('outcome') && !best?.candidate.facets.outcome) return 'I have no record of a deal settling that, so I won’t guess.';
  if (!best || best.score < MIN_ANSWER_SCORE || !best.substantive) return 'I don’t have a fact that answers that, so I won’t guess.';
  const uncovered = q.entities.filter((h) => !q.excluded.includes(h.entity.id) && !chosen.some((s) => s.candidate.entities.has(h.entity.id)));
  if (uncovered.length > 0) return `I have nothing on that about ${uncovered.map((h) => h.entity.name).join(' and ')}.`;
  const notActing = q.agents.filter((id) => !chosen.some((s) => actsIn(knowledge, s, id)));
  if (notActing.length > 0) return `I have no record of ${notActing.map((id) => knowledge.nameOf(id)).join(' or ')} saying or doing that.`;
  // "What did Sarandos say?" asks for a person's words: a meeting they only sat in does not say what they said.
  const onlyPresent = chosen.every((s) => s.candidate.id.startsWith('event:') && !WORDS_REPORTED.test(sentenceOf(s)));
  const unquoted = SAY_ASKED.test(q.text) && onlyPresent ? q.agents.filter((id) => knowledge.people.has(id)) : [];
  if (unquoted.length > 0) return `I have no record of ${unquoted.map((id) => knowledge.nameOf(id)).join(' or ')} saying that.`;
  const missingDay = !q.yesNo && q.days.find((d) => d.relation === 'on' && !chosen.some((s) => matchesDay(s.candidate.date, d)));
  if (missingDay) return `I have nothing recorded for ${missingDay.label}.`;
  if (q.quantity && !statesAQuantity(best.candidate)) return 'I don’t have that figure, so I won’t guess one.';
  if (q.money && !chosen.some((s) => statesMoney(q, sentenceOf(s)))) return 'I don’t have that figure, so I won’t guess one.';
  if (q.evidence.length > 0 && q.evidence.length * EVIDENCE_WEIGHT >= coverage(q, best)) {
    return `I don’t have anything on ${q.evidence.slice(0, 3).map((w) => `“${w}”`).join(', ')} in what I know, so I won’t guess.`;
  }
  // "Will the studios accept X?" is answered by where they stand on X; other questions about the future are not.
  // Likewise "will the streamers share X now?" once a deal has settled X: its outcome says what they agreed to.
  const stanceOnProposal = q.entities.length > 0 && ((best.facet === 'stance' && best.candidate.id.startsWith('stance:')) || best.candidate.id.startsWith('outcome:'));
  if (q.future && !chosen.some((s) => s.facet === 'next') && !stanceOnProposal) {
    return 'That asks about the future, and I only report what has happened; I won’t predict it.';
  }
  return undefined;
}

/** A sum of money answers a money question; a percentage answers one about a raise or a rate, unless it asks for money itself. */
function statesMoney(q: QuestionAnalysis, sentence: string): boolean {
  if (/\$|\bdollars?\b|\bmillion\b|\bbillion\b/i.test(sentence)) return true;
  return /\d(\.\d+)? ?(percent|%)/i.test(sentence) && !/\b(money|dollars?|cost|costs|budget|revenue)\b|\$/.test(q.text);
}

const SAY_ASKED = /\b(say|said|says|quote|quoted|told|tell)\b/;
// An event that reports someone's words ("Bass called for...", "the guild said...").
const WORDS_REPORTED = /\b(said|says|told|called for|urged|warned|announced|stated|wrote|“)/i;

const NO_NEW_CONTRACT = 'No new contract is recorded in what I know, so I can’t give its term.';

/** The old contract's expiry, stated with its sources when a question about the new one is declined. */
function expiryLines(index: AskIndex): AnswerLine[] {
  return (index.byFacet.get('expiry') ?? []).map((i) => index.candidates[i]!).map((c) => ({ text: c.facets.expiry!, sources: c.sources }));
}

/** How much of the question the best fact covers: 2 for each name it is about, 1 for each shared word, 1 for the asked-for facet. */
function coverage(q: QuestionAnalysis, best: Scored): number {
  const names = q.entities.filter((h) => best.candidate.entities.has(h.entity.id)).length;
  const words = q.terms.filter((t) => best.candidate.terms.has(t)).length;
  const facet = best.facet && best.facet !== 'what' && q.facets.has(best.facet) ? 1 : 0;
  return 2 * names + words + facet;
}

/** A fact is about someone acting when they are its subject, or a person it names who speaks for a party that is. */
function actsIn(knowledge: Knowledge, s: Scored, id: string): boolean {
  if (s.candidate.subjects.has(id)) return true;
  const party = knowledge.people.get(id)?.party;
  return party !== undefined && s.candidate.entities.has(id) && s.candidate.subjects.has(party);
}

/**
 * A settled proposal's old stance that still wins on shared words ("would they still only consider X?") comes after
 * what the deal made of it: unless the question asks about earlier days, the outcome is the current answer.
 */
function settledFirst(index: AskIndex, chosen: Scored[], q: QuestionAnalysis): Scored[] {
  const best = chosen[0]!;
  if (!best.candidate.superseded || q.earlier) return chosen;
  const proposal = best.candidate.id.split(':')[1]!;
  const outcome = (index.byEntity.get(proposal) ?? []).map((i) => index.candidates[i]!).find((c) => c.id === `outcome:${proposal}`);
  if (!outcome) return chosen;
  return [{ candidate: outcome, score: best.score, facet: 'outcome', substantive: true }, ...chosen.filter((s) => s.candidate !== outcome).slice(0, MAX_SENTENCES - 1)];
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
