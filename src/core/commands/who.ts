import type { Knowledge } from '../knowledge/knowledge.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';
import type { CommandSpec } from './command-spec.js';
import { notFoundReply } from './not-found-reply.js';
import { addStalenessNotice } from './staleness.js';
import { stanceLabel } from './stance-words.js';

function addStatementsAndEvents(reply: ReplyBuilder, knowledge: Knowledge, actorId: string): void {
  const said = knowledge.statementsBy(actorId);
  if (said.length > 0) reply.heading('What they said');
  for (const s of said) reply.quote(markUnverified(s.quote, s), `${knowledge.nameOf(s.speaker)}, ${s.where}, ${formatDay(s.date)}`, s.sources);
  const events = knowledge.eventsWith(actorId);
  if (events.length > 0) {
    reply.heading('Took part in');
    reply.list(events.map((e) => reply.line(markUnverified(`${formatDay(e.date)}: ${e.title}`, e), e.sources)));
  }
}

export const whoCommand: CommandSpec = {
  name: 'who',
  arg: { name: 'name', description: 'A person or party, e.g. “Lombardini” or “the studios”', required: true },
  summary: 'A person or party: who they are, their positions and what they said.',
  example: '/strike who Carol Lombardini',
  run(ctx, args) {
    const { knowledge, entities } = ctx;
    const query = args.trim();
    const match = query ? entities.lookup(query, ['person', 'party']) : undefined;
    if (!match) {
      return notFoundReply(ctx, query, {
        command: 'who',
        kinds: ['person', 'party'],
        suggestions: 4,
        unknownTitle: (q) => `I don’t know “${q}”`,
        unknownText: 'Nobody by that name is in what I know.',
        emptyTitle: 'Who?',
        emptyText: 'Name a person or party, for example: /strike who Ellen Stutzman.',
      });
    }
    const person = knowledge.people.get(match.id);
    if (person && match.kind === 'person') {
      const reply = new ReplyBuilder(knowledge, 'who', person.name);
      addStalenessNotice(reply, knowledge, ctx.clock);
      reply.text(`${person.name} is ${person.role}.`, person.sources);
      addStatementsAndEvents(reply, knowledge, person.id);
      return reply.build({ asOf: knowledge.asOf });
    }
    const party = knowledge.parties.get(match.id)!;
    const reply = new ReplyBuilder(knowledge, 'who', `${party.name} (${party.shortName})`);
    addStalenessNotice(reply, knowledge, ctx.clock);
    reply.text(party.description, party.sources);
    const people = [...knowledge.people.values()].filter((p) => p.party === party.id);
    if (people.length > 0) reply.fields(people.map((p) => ({ label: p.name, value: p.role, sources: p.sources })));
    const stances = knowledge.pack.proposals.flatMap((p) => p.stances.filter((s) => s.party === party.id).map((s) => ({ p, s })));
    if (stances.length > 0) {
      reply.heading('Positions');
      reply.list(stances.map(({ p, s }) => reply.line(markUnverified(`${p.name}: ${stanceLabel(s.stance)}`, s), s.sources)));
    }
    addStatementsAndEvents(reply, knowledge, party.id);
    return reply.build({ asOf: knowledge.asOf });
  },
};
