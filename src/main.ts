import dotenv from 'dotenv';
import { contextFromPack } from './core/create-context.js';
import { loadPack } from './core/knowledge/load-pack.js';
import { PackError } from './core/knowledge/pack-error.js';
import { systemClock } from './core/time/clock.js';
import { WGA_2023_PACK_DIR } from './content/packs.js';
import { parseEnv, type Env } from './env.js';
import { runShell } from './bots/shell/shell.js';
import { startSlack } from './bots/slack/start-slack.js';
import { startDiscord } from './bots/discord/start-discord.js';
import { openDigestService } from './bots/digests/start-digests.js';
import { createEditorInteractionHandler } from './bots/discord/handle-editor-interactions.js';
import { createSlackEditorCheck } from './bots/slack/editor-check.js';
import { registerEditorTools } from './bots/slack/handle-editor-tools.js';
import { openEditorService } from './editors/editor-service.js';
import type { HealthSources } from './health/evaluate-health.js';
import { handleHealthz } from './health/health-route.js';
import { startHealthServer } from './health/health-server.js';
import { appLogger, configureLogger } from './log/logger.js';
import { probeWrite } from './store/health-probe.js';
import { checkDiscordToken } from './startup/check-discord.js';
import { checkSlackToken } from './startup/check-slack.js';
import { describeStartupFailure } from './startup/describe-startup-failure.js';
import { explainStartFailure } from './startup/explain-start-failure.js';
import { openDatabaseForStart } from './startup/open-database-for-start.js';
import { stopOnSignals, type Stoppable } from './startup/shutdown.js';

/** Starts every platform whose tokens are configured, or the local shell when none are. */
async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const env = parseEnv(process.env);
  const secrets = [env.SLACK_BOT_TOKEN, env.SLACK_APP_TOKEN, env.SLACK_SIGNING_SECRET, env.DISCORD_TOKEN].filter((s): s is string => Boolean(s));
  const logger = configureLogger({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, secrets });
  // One database for digests and editors' updates; the knowledge is the shipped pack plus the stored updates.
  const pack = loadPack(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR);
  const db = openDatabaseForStart(env.DATABASE_PATH, systemClock());
  const platforms = Boolean(env.SLACK_BOT_TOKEN || env.DISCORD_TOKEN);
  if (env.SLACK_BOT_TOKEN) await checkSlackToken(env.SLACK_BOT_TOKEN, env.SLACK_API_URL);
  if (env.DISCORD_TOKEN) await checkDiscordToken(env.DISCORD_TOKEN, env.DISCORD_API_URL);
  const editors = openEditorService(db, { pack });
  // Digests: the /strike digest command needs the database from the start; the scheduler starts with the bots.
  const digests = openDigestService(env, { db, wrapChannel: editors.wrapChannel, scheduler: { corrections: editors.corrections } });
  editors.useChannels(digests.channels);
  const ctx = contextFromPack(pack, { extensions: [digests.command, ...editors.commands] });
  const sync = await editors.start(ctx);
  if (!platforms) {
    await runShell(ctx);
    db.close();
    return;
  }

  // Stopped in this order on SIGTERM: platforms stop taking work, then the scheduler finishes its deliveries.
  const parts: Stoppable[] = [];
  let health: HealthSources | undefined;
  const healthSources = () => health;
  stopOnSignals(() => parts, () => db.close(), logger);
  const desk = editors.desk;
  const slackEditors = { ctx, desk, editorCheck: createSlackEditorCheck(env.EDITORS_SLACK), admins: env.STRIKEWIRE_ADMINS };
  const slackHttp = Boolean(env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN);
  const healthz = { path: '/healthz', method: ['GET', 'HEAD'], handler: handleHealthz.bind(null, healthSources) };
  const slackFailure = { ...(slackHttp ? { portVariable: 'PORT' as const, port: env.PORT } : {}), ...listenHost(env), slackAppToken: Boolean(env.SLACK_APP_TOKEN) };
  const slack = env.SLACK_BOT_TOKEN
    ? await startSlack(ctx, env, listenHost(env), { extend: (app) => registerEditorTools(app, slackEditors), ...(slackHttp ? { customRoutes: [healthz] } : {}) }).catch((err: unknown) => {
        throw explainStartFailure(err, slackFailure);
      })
    : undefined;
  if (slack) parts.push({ name: 'slack', stop: () => slack.stop() });
  const discord = env.DISCORD_TOKEN ? await startDiscord(ctx, env, { interceptors: [createEditorInteractionHandler({ ctx, desk, editors: env.EDITORS_DISCORD })] }) : undefined;
  if (discord) parts.push({ name: 'discord', stop: () => discord.stop() });
  const scheduled = await digests.start(ctx);
  parts.push({ name: 'editors sync', stop: () => sync.stop() }, { name: 'digest scheduler', stop: () => scheduled.scheduler.stop() });
  if (!slackHttp && env.HEALTH_PORT !== undefined) {
    const healthPort = env.HEALTH_PORT;
    const server = await startHealthServer(healthSources, { port: healthPort, ...listenHost(env) }).catch((err: unknown) => {
      throw explainStartFailure(err, { portVariable: 'HEALTH_PORT', port: healthPort, ...listenHost(env) });
    });
    parts.unshift({ name: 'health server', stop: () => server.stop() });
    logger.info({ port: server.port }, `health check on GET /healthz, port ${server.port}`);
  }
  const readyAt = systemClock();
  health = {
    clock: systemClock,
    readyAt: () => readyAt,
    database: () => probeWrite(db, systemClock()),
    ...(slack ? { slack: () => slack.connected() } : {}),
    ...(discord ? { discord: () => discord.connected() } : {}),
    scheduler: () => scheduled.scheduler.lastTickAt,
  };
  logger.info({ slack: Boolean(slack), discord: Boolean(discord) }, 'Strikewire is ready');
}

function listenHost(env: Env): { host?: string } {
  return env.HOST ? { host: env.HOST } : {};
}

main().catch((err: unknown) => {
  // The person setting up gets one line on stderr saying what to fix; details go to the log on stdout.
  if (err instanceof PackError) for (const p of err.problems) appLogger().error({ file: p.file, path: p.path }, p.problem);
  appLogger().debug({ error: err instanceof Error ? err.message : String(err) }, 'start-up failed');
  process.stderr.write(`${describeStartupFailure(err)}\n`);
  process.exit(1);
});
