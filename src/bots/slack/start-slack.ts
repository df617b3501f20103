import { LogLevel, type App, type CustomRoute } from '@slack/bolt';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { slackSetup, type Env } from '../../env.js';
import type { SlackOAuthStore } from './slack-oauth-store.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import { createSlackApp } from './create-slack-app.js';
import type { HomeSection } from './home-section.js';
import { appLogger } from '../../log/logger.js';
import { boltLogger } from '../../log/bolt-logger.js';

const LOG_LEVELS: Record<Env['LOG_LEVEL'], LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** What main.ts may add to the Slack app beside the environment. */
export interface StartSlackOptions {
  /** Adds listeners before Strikewire's own (the editors' forms, registerEditorTools). */
  extend?: (app: App) => void;
  /** Extra HTTP routes beside /slack/events in HTTP mode (main.ts serves GET /healthz there). */
  customRoutes?: CustomRoute[];
  /** Idempotency keys in the database, so replayed clicks, submissions and commands run once. */
  claims?: InteractionClaims;
  /** Blocks at the top of a user's Home tab (the editors' section). */
  homeSection?: HomeSection;
  /** OAuth mode: the installation store and uninstall hook in the database (required with SLACK_CLIENT_ID). */
  oauth?: SlackOAuthStore;
}

/**
 * Starts the Slack app (Socket Mode with SLACK_APP_TOKEN, HTTP on PORT otherwise) and returns how to stop it.
 * `listen.host` narrows the HTTP listener (tests use 127.0.0.1); by default it listens on every interface.
 */
export async function startSlack(ctx: CommandContext, env: Env, listen: { host?: string } = {}, options: StartSlackOptions = {}): Promise<{ stop(): Promise<void>; connected(): boolean }> {
  const setup = slackSetup(env);
  if (!setup) throw new Error('Neither SLACK_BOT_TOKEN nor the Slack OAuth settings are set.');
  if (setup.kind === 'oauth' && !options.oauth) throw new Error('Slack OAuth mode needs the installation store.');
  const slack = createSlackApp(ctx, {
    ...(setup.kind === 'token' ? { botToken: setup.botToken } : {}),
    ...(setup.kind === 'oauth' && options.oauth ? { oauth: { clientId: setup.clientId, clientSecret: setup.clientSecret, stateSecret: setup.stateSecret, ...options.oauth } } : {}),
    ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
    ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
    admins: env.STRIKEWIRE_ADMINS,
    logger: boltLogger(appLogger().child({ platform: 'slack' })),
    logLevel: LOG_LEVELS[env.LOG_LEVEL],
    ...(options.extend ? { extend: options.extend } : {}),
    ...(options.customRoutes ? { customRoutes: options.customRoutes } : {}),
    ...(options.claims ? { claims: options.claims } : {}),
    ...(options.homeSection ? { homeSection: options.homeSection } : {}),
  });
  const { port } = await slack.start({ port: env.PORT, ...listen });
  slack.app.logger.info(slack.mode === 'socket' ? 'Strikewire is connected to Slack (Socket Mode).' : `Strikewire is listening for Slack on port ${port} (POST /slack/events${setup.kind === 'oauth' ? ', GET /slack/install' : ''}).`);
  return { stop: () => slack.stop(), connected: () => slack.connected() };
}
