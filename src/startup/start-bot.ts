import type { CommandContext } from '../core/commands/command-spec.js';
import { systemClock } from '../core/time/clock.js';
import { slackSetup, type Env } from '../env.js';
import type { SlackOAuthStore } from '../bots/slack/slack-oauth-store.js';
import { startSlack } from '../bots/slack/start-slack.js';
import { startDiscord } from '../bots/discord/start-discord.js';
import type { DigestService } from '../bots/digests/start-digests.js';
import { createEditorInteractionHandler } from '../bots/discord/handle-editor-interactions.js';
import { createSlackEditorCheck } from '../bots/slack/editor-check.js';
import { registerEditorTools } from '../bots/slack/handle-editor-tools.js';
import type { EditorService } from '../editors/editor-service.js';
import type { FormService } from '../editors/form-service.js';
import { registerEditorForms } from '../bots/slack/handle-editor-forms.js';
import { registerDraftShortcut } from '../bots/slack/handle-draft-shortcut.js';
import { createFormInteractionHandler } from '../bots/discord/handle-editor-forms.js';
import type { HealthSources } from '../health/evaluate-health.js';
import { handleHealthz } from '../health/health-route.js';
import { startHealthServer } from '../health/health-server.js';
import type { Logger } from '../log/logger.js';
import { probeWrite } from '../store/health-probe.js';
import { explainStartFailure } from './explain-start-failure.js';
import { stopOnSignals, type Stoppable } from './shutdown.js';
import type Database from 'better-sqlite3';

/** What main.ts has opened before the platforms start. */
export interface BotParts {
  env: Env;
  ctx: CommandContext;
  db: Database.Database;
  logger: Logger;
  editors: EditorService;
  /** The editors' forms (update, new proposal/person/party, settle) over the patch desk. */
  forms: FormService;
  digests: DigestService;
  sync: { stop(): void };
  /** slack-oauth: the installation store, when Slack runs the OAuth flow for several workspaces. */
  slackOAuth?: SlackOAuthStore & { close?(): Promise<void> };
}

/**
 * Starts Slack and/or Discord, the digest scheduler and /healthz, and stops them in order on SIGTERM. Loaded only
 * when a platform is configured, so the shell never loads Bolt or discord.js.
 */
export async function startBot({ env, ctx, db, logger, editors, forms, digests, sync, slackOAuth }: BotParts): Promise<void> {
  // Stopped in this order on SIGTERM: platforms stop taking work, then the scheduler finishes its deliveries.
  const parts: Stoppable[] = [];
  let health: HealthSources | undefined;
  const healthSources = () => health;
  stopOnSignals(() => parts, () => db.close(), logger);
  const desk = editors.desk;
  const slackEditors = { ctx, desk, editorCheck: createSlackEditorCheck(env.EDITORS_SLACK), admins: env.STRIKEWIRE_ADMINS, claims: forms.claims };
  // The forms come first: they take update, new and settle; the older handlers keep correct, verify and log.
  const slackForms = { ...slackEditors, desk: forms.desk, claims: forms.claims };
  const extendSlack = (app: Parameters<typeof registerEditorTools>[0]) => {
    registerEditorForms(app, slackForms);
    registerDraftShortcut(app, slackForms);
    registerEditorTools(app, slackEditors);
  };
  const slackHttp = Boolean(slackSetup(env) && !env.SLACK_APP_TOKEN);
  const healthz = { path: '/healthz', method: ['GET', 'HEAD'], handler: handleHealthz.bind(null, healthSources) };
  const slackFailure = { ...(slackHttp ? { portVariable: 'PORT' as const, port: env.PORT } : {}), ...listenHost(env), slackAppToken: Boolean(env.SLACK_APP_TOKEN) };
  const slack = slackSetup(env)
    ? await startSlack(ctx, env, listenHost(env), { extend: extendSlack, claims: forms.claims, ...(slackHttp ? { customRoutes: [healthz] } : {}), ...(slackOAuth ? { oauth: slackOAuth } : {}) }).catch((err: unknown) => {
        throw explainStartFailure(err, slackFailure);
      })
    : undefined;
  if (slack) parts.push({ name: 'slack', stop: () => slack.stop() });
  const discord = env.DISCORD_TOKEN ? await startDiscord(ctx, env, { db, interceptors: [createFormInteractionHandler({ ctx, desk: forms.desk, editors: env.EDITORS_DISCORD, claims: forms.claims }), createEditorInteractionHandler({ ctx, desk, editors: env.EDITORS_DISCORD, claims: forms.claims })] }) : undefined;
  if (discord) parts.push({ name: 'discord', stop: () => discord.stop() });
  const scheduled = await digests.start(ctx);
  parts.push({ name: 'editors sync', stop: () => sync.stop() }, { name: 'digest scheduler', stop: () => scheduled.scheduler.stop() });
  if (slackOAuth?.close) parts.push({ name: 'slack installations', stop: () => slackOAuth.close!() });
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
