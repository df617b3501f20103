import { ReplyBuilder } from '../reply/reply-builder.js';
import type { CommandSpec } from './command-spec.js';
import { addStalenessNotice } from './staleness.js';
import { markUnverified } from '../updates/unverified-label.js';
import { proposalStanceLine, settledText } from './status.js';

export const proposalsCommand: CommandSpec = {
  name: 'proposals',
  summary: 'Every proposal on the table, with each side’s stance.',
  example: '/strike proposals',
  run(ctx) {
    const { knowledge } = ctx;
    const reply = new ReplyBuilder(knowledge, 'proposals', 'Proposals on the table');
    addStalenessNotice(reply, knowledge, ctx.clock);
    const open = knowledge.openProposals();
    if (open.length === 0) reply.text('None open: every proposal has been settled or withdrawn.');
    reply.list(open.map((p) => proposalStanceLine(reply, knowledge, p)));
    const settled = knowledge.pack.proposals.filter((p) => p.status !== 'open');
    if (settled.length > 0) {
      reply.heading('Settled');
      reply.list(settled.map((p) => reply.line(markUnverified(settledText(p), p), p.outcome?.sources ?? p.sources)));
    }
    reply.text('Ask for one by name for the detail, e.g. /strike proposal mini rooms.');
    return reply.build({ asOf: knowledge.asOf, more: '/strike proposal <name>' });
  },
};
