import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Retrying } from '../../store/busy-retry.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import type { HomeSection } from './home-section.js';

/** What every Slack handler needs besides Bolt's own arguments. */
export interface SlackDeps {
  ctx: CommandContext;
  /** User ids from STRIKEWIRE_ADMINS. */
  admins: readonly string[];
  /** Idempotency keys for clicks and submissions that post or write, held in the database; waits out locks. */
  claims?: Retrying<InteractionClaims>;
  /** Blocks added to the top of a user's Home tab (the editors' section); none when unset. */
  homeSection?: HomeSection;
}
