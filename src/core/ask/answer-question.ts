import type { CommandContext } from '../commands/command-spec.js';
import { addStalenessNotice } from '../commands/staleness.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';
import { answerPart, type PartAnswer } from './answer-part.js';
import { askIndexFor } from './ask-index.js';
import { clipAtWord, MAX_QUESTION_CHARS, splitQuestion } from './question-parts.js';

export { MIN_ANSWER_SCORE } from './answer-part.js';

/**
 * Answers a free question from the knowledge in cited sentences, or declines and says what it can answer. A compound
 * question is split into its parts, and each part is answered or declined on its own.
 */
export function answerQuestion(ctx: CommandContext, question: string): Reply {
  const { knowledge, entities } = ctx;
  const index = askIndexFor(knowledge, entities);
  const asked = clipAtWord(question.replace(/\s+/g, ' ').trim(), MAX_QUESTION_CHARS);
  const title = asked.length > 0 ? clipAtWord(asked, 119) + (asked.length > 119 ? '…' : '') : 'Ask me about the dispute';
  const reply = new ReplyBuilder(knowledge, 'ask', title);
  const parts = splitQuestion(asked);
  const answers: PartAnswer[] = [];
  for (const part of parts) answers.push(answerPart(ctx, index, part, answers.at(-1)?.topicWords));

  if (!answers.some((a) => a.answered)) {
    answers.forEach((a, i) => {
      if (a.answered) return;
      reply.text(parts.length > 1 ? `“${parts[i]}”: ${a.problem}` : a.problem);
      // What is known about an undisclosed detail is stated, with its sources, inside the decline.
      for (const line of a.known) reply.text(line.text, line.sources);
    });
    reply.text(`I can answer questions about the ${knowledge.dispute.title}: where talks stand, each side’s position on a proposal, who said what, and what changed. Try /strike ask where did the two sides meet? or /strike proposals.`);
    return reply.build({ answered: false, asOf: knowledge.asOf });
  }
  addStalenessNotice(reply, knowledge, ctx.clock);
  const said = new Set<string>();
  answers.forEach((a, i) => {
    if (!a.answered) {
      reply.text(`“${parts[i]}”: ${a.problem}`);
      for (const line of a.known) reply.text(line.text, line.sources);
      return;
    }
    for (const line of a.lines) {
      if (said.has(line.text)) continue;
      said.add(line.text);
      reply.text(line.text, line.sources);
    }
  });
  return reply.build({ answered: true, asOf: knowledge.asOf });
}
