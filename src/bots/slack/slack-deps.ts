import type { CommandContext } from '../../core/commands/command-spec.js';

/** What every Slack handler needs besides Bolt's own arguments. */
export interface SlackDeps {
  ctx: CommandContext;
  /** User ids from STRIKEWIRE_ADMINS. */
  admins: readonly string[];
}
