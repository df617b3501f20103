import { ReplyBuilder } from '../reply/reply-builder.js';
import type { CommandContext, CommandSpec } from './command-spec.js';

/** The help reply, generated from the command specs so it never drifts from what exists. */
export function helpReply(ctx: CommandContext, specs: readonly CommandSpec[], intro?: string) {
  const reply = new ReplyBuilder(ctx.knowledge, 'help', `Strikewire: ${ctx.knowledge.dispute.title}`);
  if (intro) reply.text(intro);
  reply.text('Ask me where talks stand, what each side wants, who said what and what changed. Every answer comes with its sources.');
  reply.fields(specs.map((s) => ({ label: `/strike ${s.name}${s.arg ? ` <${s.arg.name}>` : ''}`, value: `${s.summary} Example: ${s.example}` })));
  reply.text('Anything else you type after /strike is treated as a question.');
  return reply.build({ asOf: ctx.knowledge.asOf });
}
