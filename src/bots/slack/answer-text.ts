import type { Logger } from '@slack/bolt';
import type { CommandContext, Origin } from '../../core/commands/command-spec.js';
import { runCommandText } from '../../core/commands/registry.js';
import { ReplyBuilder } from '../../core/reply/reply-builder.js';
import type { Reply } from '../../core/reply/reply.js';
import { storageReply } from '../../core/reply/storage-reply.js';
import { storageTrouble } from '../../store/busy-retry.js';

/**
 * Runs /strike text through the core. The core never throws on user input, so a throw is storage trouble (a locked
 * or read-only database, said as such) or a bug: the user gets a short apology instead of silence, and the log gets
 * the error (never the user's text).
 */
export async function answerText(ctx: CommandContext, text: string, origin: Origin, logger: Logger): Promise<Reply> {
  try {
    return await runCommandText(ctx, text, origin);
  } catch (err) {
    const trouble = storageTrouble(err);
    if (trouble) {
      logger.warn(`A command could not reach storage (${trouble}): ${(err as Error).message}`);
      return storageReply(ctx, trouble);
    }
    logger.error(`A command failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return new ReplyBuilder(ctx.knowledge, 'error', 'Something went wrong')
      .text('I could not answer that just now. Please try again in a moment, or try /strike help.')
      .build({ answered: false });
  }
}
