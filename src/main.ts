import dotenv from 'dotenv';
import { contextFromPack } from './core/create-context.js';
import { loadPack } from './core/knowledge/load-pack.js';
import { PackError } from './core/knowledge/pack-error.js';
import { systemClock } from './core/time/clock.js';
import { WGA_2023_PACK_DIR } from './content/packs.js';
import { parseEnv, slackSetup } from './env.js';
import { runShell } from './bots/shell/shell.js';
import { openDigestService } from './bots/digests/start-digests.js';
import { openEditorService } from './editors/editor-service.js';
import { appLogger, configureLogger } from './log/logger.js';
import { checkDiscordToken } from './startup/check-discord.js';
import { describeStartupFailure } from './startup/describe-startup-failure.js';
import { openStoreForStart } from './startup/open-store-for-start.js';
import { openFormService } from './editors/form-service.js';
import { FormMemoStore } from './store/form-memo-store.js';
import { StoredHeldPatches } from './store/held-patch-store.js';

/** Starts every platform whose tokens are configured, or the local shell when none are. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const env = parseEnv(process.env);
  const secrets = [env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_CLIENT_SECRET, env.SLACK_STATE_SECRET, env.DISCORD_TOKEN].filter((s): s is string => Boolean(s));
  const logger = configureLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, secrets });
  // One store for digests and editors' updates (PostgreSQL at DATABASE_URL, else SQLite at DATABASE_PATH); the
  // knowledge is the shipped pack plus the stored updates.
  const pack = loadPack(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR);
  const store = await openStoreForStart({ databaseUrl: env.DATABASE_URL, databasePath: env.DATABASE_PATH }, systemClock());
  // Form memos and held patches live in the store too, for whichever replica the next click reaches.
  const memos = new FormMemoStore(store);
  const slack = slackSetup(env);
  const platforms = Boolean(slack || env.DISCORD_TOKEN);
  // Imported only when needed: the shell should not load Bolt.
  if (slack?.kind === 'token') await (await import('./startup/check-slack.js')).checkSlackToken(slack.botToken, env.SLACK_API_URL);
  // slack-oauth: several workspaces keep their installations in the store (the same database as everything else).
  const slackOAuth = slack?.kind === 'oauth' ? await (await import('./startup/open-slack-oauth.js')).openSlackOAuth(store) : undefined;
  if (env.DISCORD_TOKEN) await checkDiscordToken(env.DISCORD_TOKEN, env.DISCORD_API_URL);
  const editors = openEditorService(store, { pack });
  // Digests: the /strike digest command needs the database from the start; the scheduler starts with the bots.
  const digests = await openDigestService(env, { store, wrapChannel: editors.wrapChannel, scheduler: { corrections: editors.corrections }, ...(slackOAuth ? { slackInstallations: slackOAuth.installations } : {}) });
  editors.useChannels(digests.channels);
  const forms = openFormService(store, editors, new StoredHeldPatches(memos));
  const ctx = contextFromPack(pack, { extensions: [digests.command, ...editors.commands, ...forms.commands] });
  const sync = await editors.start(ctx);
  if (!platforms) {
    await runShell(ctx);
    await store.close();
    return;
  }

  await (await import('./startup/start-bot.js')).startBot({ env, ctx, store, logger, editors, forms, digests, sync, ...(slackOAuth ? { slackOAuth } : {}) });
}

main().catch((err: unknown) => {
  // The person setting up gets one line on stderr saying what to fix; details go to the log on stdout.
  if (err instanceof PackError) for (const p of err.problems) appLogger().error({ file: p.file, path: p.path }, p.problem);
  appLogger().debug({ error: err instanceof Error ? err.message : String(err) }, 'start-up failed');
  process.stderr.write(`${describeStartupFailure(err)}\n`);
  process.exit(1);
});
