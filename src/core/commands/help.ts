import { ReplyBuilder } from '../reply/reply-builder.js';
import { commandName, spellExample } from './command-name.js';
import type { CommandContext, CommandSpec, Origin } from './command-spec.js';

/** The help reply, generated from the command specs so it never drifts from what exists, in `origin`'s spelling. */
export function helpReply(ctx: CommandContext, specs: readonly CommandSpec[], origin?: Origin, intro?: string) {
  const reply = new ReplyBuilder(ctx.knowledge, 'help', `Strikewire: ${ctx.knowledge.dispute.title}`);
  if (intro) reply.text(intro);
  reply.text('Ask me where talks stand, what each side wants, who said what and what changed. Every answer comes with its sources.');
  reply.fields(specs.map((s) => ({ label: commandName(origin, `${s.name}${s.arg ? ` <${s.arg.name}>` : ''}`), value: `${s.summary} Example: ${spellExample(origin, s.example)}` })));
  reply.text(`Anything that is not a command is treated as a question, e.g. ${commandName(origin, 'ask what did the AMPTP say about mini rooms?')}`);
  return reply.build({ asOf: ctx.knowledge.asOf });
}
