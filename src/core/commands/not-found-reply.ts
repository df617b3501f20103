import type { EntityKind } from '../match/entity-index.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';
import type { CommandContext } from './command-spec.js';

/** What a look-up command says when a name is missing or unknown. */
export interface NotFoundWords {
  command: string;
  kinds: EntityKind[];
  suggestions: number;
  /** Title and text when a name was given but matched nothing. */
  unknownTitle: (query: string) => string;
  unknownText: string;
  /** Title and text when no name was given. */
  emptyTitle: string;
  emptyText: string;
  footer?: string;
}

/** A polite "no such name" reply with the closest names, shared by the commands that look a name up. */
export function notFoundReply(ctx: CommandContext, query: string, words: NotFoundWords): Reply {
  const reply = new ReplyBuilder(ctx.knowledge, words.command, query ? words.unknownTitle(query) : words.emptyTitle);
  const closest = ctx.entities.suggest(query, words.kinds, words.suggestions).map((e) => e.name);
  reply.text(query ? `${words.unknownText} Closest: ${closest.join('; ')}.` : words.emptyText);
  if (words.footer) reply.text(words.footer);
  return reply.build({ answered: false });
}
