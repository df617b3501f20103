import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Env } from '../../env.js';

/** Starts the Slack app (Socket Mode with SLACK_APP_TOKEN, HTTP otherwise). Filled in by the Slack adapter. */
export async function startSlack(_ctx: CommandContext, _env: Env): Promise<{ stop(): Promise<void> }> {
  throw new Error('The Slack adapter is not built yet.');
}
