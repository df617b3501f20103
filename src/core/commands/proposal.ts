import { ReplyBuilder } from '../reply/reply-builder.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';
import type { CommandSpec } from './command-spec.js';
import { notFoundReply } from './not-found-reply.js';
import { addStalenessNotice } from './staleness.js';
import { stanceLabel } from './stance-words.js';
import { settledText } from './status.js';

export const proposalCommand: CommandSpec = {
  name: 'proposal',
  arg: { name: 'name', description: 'A proposal’s name or alias, e.g. “mini rooms”', required: true },
  summary: 'One proposal: what it is, who proposed it, each side’s stance and its history.',
  example: '/strike proposal mini rooms',
  run(ctx, args) {
    const { knowledge, entities } = ctx;
    const query = args.trim();
    const match = query ? entities.lookup(query, ['proposal']) : undefined;
    const proposal = match ? knowledge.proposals.get(match.id) : undefined;
    if (!proposal) {
      return notFoundReply(ctx, query, {
        command: 'proposal',
        kinds: ['proposal'],
        suggestions: 3,
        unknownTitle: (q) => `No proposal called “${q}”`,
        unknownText: 'I don’t know a proposal by that name.',
        emptyTitle: 'Which proposal?',
        emptyText: 'Name a proposal, for example: /strike proposal mini rooms.',
        footer: 'See them all with /strike proposals.',
      });
    }
    const reply = new ReplyBuilder(knowledge, 'proposal', proposal.name);
    addStalenessNotice(reply, knowledge, ctx.clock);
    reply.text(proposal.summary, proposal.sources);
    const aliases = proposal.aliases.slice(0, 4).join(', ');
    reply.fields([
      { label: 'Proposed by', value: knowledge.nameOf(proposal.proposedBy) },
      { label: 'Status', value: proposal.status === 'open' ? 'open' : markUnverified(settledText(proposal), proposal), ...(proposal.outcome ? { sources: proposal.outcome.sources } : {}) },
      ...(aliases ? [{ label: 'Also called', value: aliases }] : []),
    ]);
    reply.heading('Where each side stands');
    reply.list(
      proposal.stances.map((s) => reply.line(markUnverified(`${knowledge.nameOf(s.party)} ${stanceLabel(s.stance)} (since ${formatDay(s.since)}): ${s.detail}`, s), s.sources)),
    );
    if (proposal.history.length > 0) {
      reply.heading('History');
      reply.list(proposal.history.map((m) => reply.line(markUnverified(`${formatDay(m.date)}: ${m.text}`, m), m.sources)));
    }
    for (const s of knowledge.statements.filter((st) => st.proposals.includes(proposal.id))) {
      reply.quote(markUnverified(s.quote, s), `${knowledge.nameOf(s.speaker)}, ${formatDay(s.date)}`, s.sources);
    }
    return reply.build({ asOf: knowledge.asOf });
  },
};
