import 'dotenv/config';
import { loadContext } from './core/create-context.js';
import { WGA_2023_PACK_DIR } from './content/packs.js';
import { EnvError, parseEnv } from './env.js';
import { runShell } from './bots/shell/shell.js';
import { startSlack } from './bots/slack/start-slack.js';
import { startDiscord } from './bots/discord/start-discord.js';
import { openDigestService } from './bots/digests/start-digests.js';

/** Starts every platform whose tokens are configured, or the local shell when none are. */
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  // Digests: the /strike digest command needs the database from the start; the scheduler starts with the bots.
  const digests = openDigestService(env);
  const ctx = loadContext(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR, { extensions: [digests.command] });
  const running: { stop(): Promise<void> }[] = [];
  if (env.SLACK_BOT_TOKEN) running.push(await startSlack(ctx, env));
  if (env.DISCORD_TOKEN) running.push(await startDiscord(ctx, env));
  if (running.length === 0) {
    await runShell(ctx);
    return;
  }
  running.push(await digests.start(ctx));
  const stop = async () => {
    await Promise.allSettled(running.map((r) => r.stop()));
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // Configuration and pack errors are for the person setting up: print the message, not a stack.
  const known = err instanceof EnvError || (err instanceof Error && err.name === 'PackError');
  process.stderr.write(`${known ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
