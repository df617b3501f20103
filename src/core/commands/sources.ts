import { ReplyBuilder } from '../reply/reply-builder.js';
import type { CommandSpec } from './command-spec.js';

export const sourcesCommand: CommandSpec = {
  name: 'sources',
  summary: 'Every source the knowledge is built from.',
  example: '/strike sources',
  run(ctx) {
    const { knowledge } = ctx;
    const reply = new ReplyBuilder(knowledge, 'sources', 'Sources');
    reply.list(
      knowledge.pack.sources.map((s) => reply.line(`${s.kind} source${s.note ? `. ${s.note}` : ''}`, [s.id])),
    );
    return reply.build({ asOf: knowledge.asOf });
  },
};
