import type { Interaction } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Clock } from '../../core/time/clock.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import type { ShareTokens } from '../../store/share-tokens.js';
import type { DiscordLogger } from './discord-logger.js';

/**
 * Sees an interaction before the /strike handler and returns true when it answered it (the editors' forms,
 * which must open a modal as the very first response). Nothing has been sent for the interaction yet.
 */
export type InteractionInterceptor = (interaction: Interaction) => Promise<boolean>;

/** What every Discord handler needs: the core context, a logger, the stores behind Share and replays, interceptors. */
export interface HandlerContext {
  ctx: CommandContext;
  logger: DiscordLogger;
  /** Share button tokens, with their owner and expiry. */
  shares: ShareTokens;
  /** One write or post per Discord interaction id, across restarts and processes. */
  claims: InteractionClaims;
  clock: Clock;
  interceptors: readonly InteractionInterceptor[];
}
