import type { Interaction } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { DiscordLogger } from './discord-logger.js';
import type { ShareMemory } from './share-button.js';

/**
 * Sees an interaction before the /strike handler and returns true when it answered it (the editors' forms,
 * which must open a modal as the very first response). Nothing has been sent for the interaction yet.
 */
export type InteractionInterceptor = (interaction: Interaction) => Promise<boolean>;

/** What every Discord handler needs: the core context, a logger, the memory behind long Share buttons, interceptors. */
export interface HandlerContext {
  ctx: CommandContext;
  logger: DiscordLogger;
  shareMemory: ShareMemory;
  interceptors: readonly InteractionInterceptor[];
}
