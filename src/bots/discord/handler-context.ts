import type { CommandContext } from '../../core/commands/command-spec.js';
import type { DiscordLogger } from './discord-logger.js';
import type { ShareMemory } from './share-button.js';

/** What every Discord handler needs: the core context, a logger and the memory behind long Share buttons. */
export interface HandlerContext {
  ctx: CommandContext;
  logger: DiscordLogger;
  shareMemory: ShareMemory;
}
