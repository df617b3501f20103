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
import { homeEditorSection, registerHomeEditorForms } from '../bots/slack/handle-home-editor-forms.js';
import { createFormInteractionHandler } from '../bots/discord/handle-editor-forms.js';
import { DISCORD_INTERACTIONS_PATH } from '../bots/discord/interactions-endpoint.js';
import type { RequestListener } from 'node:http';
import type { HealthSources } from '../health/evaluate-health.js';
import { handleHealthz } from '../health/health-route.js';
import { startHealthServer } from '../health/health-server.js';
import type { Logger } from '../log/logger.js';
import { probeWrite } from '../store/health-probe.js';
import { explainStartFailure } from './explain-start-failure.js';
import { stopOnSignals, type Stoppable } from './shutdown.js';
import { FormMemoStore } from '../store/form-memo-store.js';
import type { Store } from '../store/open-store.js';

/** What main.ts has opened before the platforms start. */
export interface BotParts {
  env: Env;
  ctx: CommandContext;
  store: Store;
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
export async function startBot({ env, ctx, store, logger, editors, forms, digests, sync, slackOAuth }: BotParts): Promise<void> {
  // Stopped in this order on SIGTERM: platforms stop taking work, then the scheduler finishes its deliveries.
  const parts: Stoppable[] = [];
  let health: HealthSources | undefined;
  const healthSources = () => health;
  stopOnSignals(() => parts, () => store.close(), logger);
  const desk = editors.desk;
  const slackEditors = { ctx, desk, editorCheck: createSlackEditorCheck(env.EDITORS_SLACK), admins: env.STRIKEWIRE_ADMINS, claims: forms.claims };
  // The forms come first: they take update, new and settle; the older handlers keep correct, verify and log.
  const slackForms = { ...slackEditors, desk: forms.desk, claims: forms.claims };
  // The Home tab's editor buttons open the same forms; its count of unverified records reads the desk's last sync.
  const slackHome = { ...slackForms, records: desk };
  const extendSlack = (app: Parameters<typeof registerEditorTools>[0]) => {
    registerEditorForms(app, slackForms);
    registerDraftShortcut(app, slackForms);
    registerHomeEditorForms(app, slackHome);
    registerEditorTools(app, slackEditors);
  };
  const slackHttp = Boolean(slackSetup(env) && !env.SLACK_APP_TOKEN);
  const healthz = { path: '/healthz', method: ['GET', 'HEAD'], handler: handleHealthz.bind(null, healthSources) };
  // Discord's interactions endpoint shares the Slack port; Slack starts first, so the route finds its handler late.
  let discordInteractions: RequestListener | undefined;
  const interactionsRoute = {
    path: DISCORD_INTERACTIONS_PATH,
    method: ['POST'],
    handler: (req: Parameters<RequestListener>[0], res: Parameters<RequestListener>[1]) => (discordInteractions ? discordInteractions(req, res) : res.writeHead(503, { 'retry-after': '1' }).end()),
  };
  const slackRoutes = [healthz, ...(env.DISCORD_PUBLIC_KEY ? [interactionsRoute] : [])];
  const slackFailure = { ...(slackHttp ? { portVariable: 'PORT' as const, port: env.PORT } : {}), ...listenHost(env), slackAppToken: Boolean(env.SLACK_APP_TOKEN) };
  const slack = slackSetup(env)
    ? await startSlack(ctx, env, listenHost(env), { extend: extendSlack, homeSection: homeEditorSection(slackHome), claims: forms.claims, ...(slackHttp ? { customRoutes: slackRoutes } : {}), ...(slackOAuth ? { oauth: slackOAuth } : {}) }).catch((err: unknown) => {
        throw explainStartFailure(err, slackFailure);
      })
    : undefined;
  if (slack) parts.push({ name: 'slack', stop: () => slack.stop() });
  const memos = new FormMemoStore(store);
  const discord = env.DISCORD_TOKEN ? await startDiscord(ctx, env, { store, election: { store }, interceptors: [createFormInteractionHandler({ ctx, desk: forms.desk, editors: env.EDITORS_DISCORD, claims: forms.claims, memos }), createEditorInteractionHandler({ ctx, desk, editors: env.EDITORS_DISCORD, claims: forms.claims, memos })] }) : undefined;
  if (discord) parts.push({ name: 'discord', stop: () => discord.stop() });
  discordInteractions = discord?.interactions;
  const scheduled = await digests.start(ctx);
  parts.push({ name: 'editors sync', stop: () => sync.stop() }, { name: 'digest scheduler', stop: () => scheduled.scheduler.stop() });
  // Without Slack's HTTP server, the bot's own serves /healthz and the interactions endpoint (on PORT unless HEALTH_PORT).
  if (!slackHttp && (env.HEALTH_PORT !== undefined || discordInteractions)) {
    const listen = env.HEALTH_PORT !== undefined ? { portVariable: 'HEALTH_PORT' as const, port: env.HEALTH_PORT } : { portVariable: 'PORT' as const, port: env.PORT };
    const routes: Record<string, RequestListener> = discordInteractions ? { [DISCORD_INTERACTIONS_PATH]: discordInteractions } : {};
    const server = await startHealthServer(healthSources, { port: listen.port, ...listenHost(env) }, routes).catch((err: unknown) => {
      throw explainStartFailure(err, { ...listen, ...listenHost(env) });
    });
    parts.unshift({ name: 'health server', stop: () => server.stop() });
    logger.info({ port: server.port }, `health check on GET /healthz, port ${server.port}`);
    if (discordInteractions) logger.info({ port: server.port }, `Discord interactions on POST ${DISCORD_INTERACTIONS_PATH}, port ${server.port}`);
  }
  const readyAt = systemClock();
  health = {
    clock: systemClock,
    readyAt: () => readyAt,
    database: () => probeWrite(store, systemClock()),
    ...(slack ? { slack: () => slack.connected() } : {}),
    ...(discord ? { discord: () => discord.connected() } : {}),
    scheduler: () => scheduled.scheduler.lastTickAt,
  };
  logger.info({ slack: Boolean(slack), discord: Boolean(discord) }, 'Strikewire is ready');
}

function listenHost(env: Env): { host?: string } {
  return env.HOST ? { host: env.HOST } : {};
}
