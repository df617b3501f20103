import type { CommandContext } from '../commands/command-spec.js';
import { ReplyBuilder } from './reply-builder.js';
import type { Reply } from './reply.js';

/** Storage trouble a user can be told about: a lock held elsewhere, or a database that cannot be written. */
export type StorageTrouble = 'busy' | 'read-only';

/** What users are told, word for word. */
export const STORAGE_TEXT: Record<StorageTrouble, { title: string; text: string }> = {
  busy: { title: 'The database is busy', text: 'The database is busy, try again in a minute. Nothing was changed.' },
  'read-only': { title: 'Storage is read-only', text: 'Storage is read-only, tell your admin. Nothing was changed.' },
};

/** The private answer for a command that could not reach storage, instead of a generic apology. */
export function storageReply(ctx: CommandContext, trouble: StorageTrouble): Reply {
  const words = STORAGE_TEXT[trouble];
  return new ReplyBuilder(ctx.knowledge, 'error', words.title).text(words.text).build({ answered: false });
}
