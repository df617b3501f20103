import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Env } from '../../env.js';

/** Logs the Discord client in and answers /strike, mentions and DMs. Filled in by the Discord adapter. */
export async function startDiscord(_ctx: CommandContext, _env: Env): Promise<{ stop(): Promise<void> }> {
  throw new Error('The Discord adapter is not built yet.');
}
