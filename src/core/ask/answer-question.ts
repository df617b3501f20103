import type { CommandContext } from '../commands/command-spec.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';

/** Answers a free question from the knowledge, or declines. */
export function answerQuestion(ctx: CommandContext, question: string): Reply {
  const reply = new ReplyBuilder(ctx.knowledge, 'ask', question.slice(0, 120) || 'Ask me something');
  reply.text('I can’t answer that yet.');
  return reply.build({ answered: false });
}
