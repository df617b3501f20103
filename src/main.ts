import 'dotenv/config';
import { contextFromPack } from './core/create-context.js';
import { loadPack } from './core/knowledge/load-pack.js';
import { WGA_2023_PACK_DIR } from './content/packs.js';
import { EnvError, parseEnv } from './env.js';
import { runShell } from './bots/shell/shell.js';
import { startSlack } from './bots/slack/start-slack.js';
import { startDiscord } from './bots/discord/start-discord.js';
import { openDigestService } from './bots/digests/start-digests.js';
import { createEditorInteractionHandler } from './bots/discord/handle-editor-interactions.js';
import { createSlackEditorCheck } from './bots/slack/editor-check.js';
import { registerEditorTools } from './bots/slack/handle-editor-tools.js';
import { openEditorService } from './editors/editor-service.js';
import { openDatabase } from './store/open-database.js';
import { InteractionClaims } from './store/interaction-claims.js';

/** Starts every platform whose tokens are configured, or the local shell when none are. */
async function main(): Promise<void> {
  const env = parseEnv(process.env);
  // One database for digests and editors' updates; the knowledge is the shipped pack plus the stored updates.
  const pack = loadPack(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR);
  const db = openDatabase(env.DATABASE_PATH);
  const editors = openEditorService(db, { pack });
  // Digests: the /strike digest command needs the database from the start; the scheduler starts with the bots.
  const digests = openDigestService(env, { db, wrapChannel: editors.wrapChannel, scheduler: { corrections: editors.corrections } });
  editors.useChannels(digests.channels);
  const ctx = contextFromPack(pack, { extensions: [digests.command, ...editors.commands] });
  const sync = await editors.start(ctx);
  const running: { stop(): Promise<void> }[] = [{ stop: async () => sync.stop() }];
  const desk = editors.desk;
  const claims = new InteractionClaims(db);
  const slackEditors = { ctx, desk, editorCheck: createSlackEditorCheck(env.EDITORS_SLACK), admins: env.STRIKEWIRE_ADMINS, claims };
  if (env.SLACK_BOT_TOKEN) running.push(await startSlack(ctx, env, {}, { extend: (app) => registerEditorTools(app, slackEditors), claims }));
  if (env.DISCORD_TOKEN) running.push(await startDiscord(ctx, env, { interceptors: [createEditorInteractionHandler({ ctx, desk, editors: env.EDITORS_DISCORD })] }));
  if (!env.SLACK_BOT_TOKEN && !env.DISCORD_TOKEN) {
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
