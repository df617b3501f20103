import { ReplyBuilder } from '../reply/reply-builder.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';
import type { CommandSpec } from './command-spec.js';
import { addStalenessNotice } from './staleness.js';

export const timelineCommand: CommandSpec = {
  name: 'timeline',
  summary: 'What happened when, oldest first.',
  example: '/strike timeline',
  run(ctx) {
    const { knowledge } = ctx;
    const reply = new ReplyBuilder(knowledge, 'timeline', 'Timeline');
    addStalenessNotice(reply, knowledge, ctx.clock);
    reply.list(
      knowledge.events.map((e) => {
        const when = [formatDay(e.date), e.time].filter(Boolean).join(', ');
        return reply.line(markUnverified(`${when}: ${e.title}. ${e.text}`, e), e.sources);
      }),
    );
    return reply.build({ asOf: knowledge.asOf, more: '/strike timeline' });
  },
};
