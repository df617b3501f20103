import { ReplyBuilder } from '../reply/reply-builder.js';
import type { CommandSpec } from './command-spec.js';
import { addStalenessNotice } from './staleness.js';
import { proposalStanceLine } from './status.js';

export const proposalsCommand: CommandSpec = {
  name: 'proposals',
  summary: 'Every proposal on the table, with each side’s stance.',
  example: '/strike proposals',
  run(ctx) {
    const { knowledge } = ctx;
    const reply = new ReplyBuilder(knowledge, 'proposals', 'Proposals on the table');
    addStalenessNotice(reply, knowledge, ctx.clock);
    reply.list(knowledge.pack.proposals.map((p) => proposalStanceLine(reply, knowledge, p)));
    reply.text('Ask for one by name for the detail, e.g. /strike proposal mini rooms.');
    return reply.build({ asOf: knowledge.asOf, more: '/strike proposal <name>' });
  },
};
