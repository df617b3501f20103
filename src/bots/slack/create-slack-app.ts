import type { AddressInfo } from 'node:net';
import { App, type CustomRoute, HTTPReceiver, type LogLevel, type Logger, SocketModeReceiver, webApi } from '@slack/bolt';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Clock } from '../../core/time/clock.js';
import { dropReplayedCommands } from './command-replays.js';
import { createEventDedupe, dropRetriedEvents, storedEventDedupe } from './event-dedupe.js';
import { registerAppHome } from './handle-app-home.js';
import { registerSlashCommand } from './handle-command.js';
import { registerMessageHandlers } from './handle-messages.js';
import { registerShareButton } from './handle-share.js';
import { guardSlackRequests, MAX_BODY_BYTES } from './request-guard.js';
import { anyInstalledTeam, onlyInstalledTeam, refuseOtherWorkspaces, type InstalledWorkspace } from './workspace-check.js';
import { registerUninstall } from './handle-uninstall.js';
import { authorizeFromStore, createInstaller, installRoutes, type SlackOAuthOptions } from './slack-oauth.js';
import type { SlackDeps } from './slack-deps.js';
import type { HomeSection } from './home-section.js';
import { retrying } from '../../store/busy-retry.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';

/** Web API calls give up after this long; a chat answer that late is no longer useful. */
export const WEB_API_TIMEOUT_MS = 15_000;

/** How to run the Slack app; startSlack fills it from the environment, tests from their fakes. */
export interface SlackAppOptions {
  /** Bot token (xoxb-…) of the one workspace this app serves; set this or `oauth`. */
  botToken?: string;
  /** Bolt's OAuth install flow, for several workspaces, each with its token in the installation store (HTTP mode). */
  oauth?: SlackOAuthOptions;
  /** Verifies every HTTP request; required unless appToken is set. */
  signingSecret?: string;
  /** App-level token (xapp-…): when set the app uses Socket Mode and needs no public URL. */
  appToken?: string;
  /** Base URL of the Web API (SLACK_API_URL); Slack's own when unset. Socket Mode's connections.open uses it too. */
  apiUrl?: string;
  /** User ids (STRIKEWIRE_ADMINS) who may manage channels besides workspace admins and owners. */
  admins?: readonly string[];
  logger?: Logger;
  logLevel?: LogLevel;
  /** Web API retry policy (429 Retry-After waits count against it); about five minutes by default. */
  retryConfig?: webApi.RetryOptions;
  /** Socket Mode ping timeout in ms, which is also the step of its reconnect delay (Slack's default 5000). */
  socketPingTimeoutMs?: number;
  /** Clock for forgetting retried event ids. */
  clock?: Clock;
  /** Milliseconds since the epoch for checking signed timestamps (the real clock by default: Slack signs with it). */
  verifyNowMs?: () => number;
  /** Idempotency keys for Share and the other interactions that post or write; without it they are not deduplicated. */
  claims?: InteractionClaims;
  /**
   * Called with the Bolt App before Strikewire's listeners are added, to add more (modals, actions) or a global
   * middleware that handles some /strike text itself by not calling next().
   */
  extend?: (app: App) => void;
  /** Blocks added to the top of a user's Home tab, such as the editors' section with its form buttons. */
  homeSection?: HomeSection;
  /** Extra HTTP routes served beside /slack/events in HTTP mode (GET /healthz). */
  customRoutes?: CustomRoute[];
}

/** A configured Slack app: start it (HTTP on the given port, or Socket Mode), stop it. */
export interface SlackApp {
  app: App;
  mode: 'socket' | 'http';
  /** Checks the token (auth.test), then listens; resolves with the HTTP port in HTTP mode. */
  start(listen?: { port: number; host?: string }): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** True while Slack can reach the app: the Socket Mode connection is open, or the HTTP server is listening. */
  connected(): boolean;
}

/** Builds the real Bolt App with Strikewire's listeners: /strike, the share button, mentions, DMs and the Home tab. */
export function createSlackApp(ctx: CommandContext, options: SlackAppOptions): SlackApp {
  const socket = Boolean(options.appToken);
  if (!socket && !options.signingSecret) {
    throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN to use Socket Mode).');
  }
  if (Boolean(options.botToken) === Boolean(options.oauth)) throw new Error('Slack needs either SLACK_BOT_TOKEN (one workspace) or the OAuth settings (several), not both or neither.');
  if (options.oauth && socket) throw new Error('The Slack OAuth install flow runs in HTTP mode only: unset SLACK_APP_TOKEN.');
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    timeout: WEB_API_TIMEOUT_MS,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const logging = { ...(options.logger ? { logger: options.logger } : {}), ...(options.logLevel ? { logLevel: options.logLevel } : {}) };
  const receiver = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        ...logging,
        ...(options.socketPingTimeoutMs ? { clientPingTimeout: options.socketPingTimeoutMs } : {}),
        // Its own copy: without a retryConfig the socket client keeps retrying connections.open for a long time,
        // which is what a long-running bot wants after a network drop.
        installerOptions: { clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), timeout: WEB_API_TIMEOUT_MS } },
      })
    : undefined;
  // OAuth: the install routes are served beside /slack/events, and authorize reads each workspace's token from the store.
  const installer = options.oauth ? createInstaller(options.oauth, clientOptions, logging) : undefined;
  const customRoutes = [...(options.customRoutes ?? []), ...(installer && options.oauth ? installRoutes(installer, options.oauth, options.logger) : [])];
  const http = receiver
    ? undefined
    : new HTTPReceiver({ signingSecret: options.signingSecret ?? '', bodyLimit: MAX_BODY_BYTES, ...(customRoutes.length > 0 ? { customRoutes } : {}), ...logging });
  if (http) http.requestListener = guardSlackRequests(http.requestListener, options.verifyNowMs ? { nowMs: options.verifyNowMs } : {});
  const app = new App({
    ...(options.oauth ? { authorize: authorizeFromStore(options.oauth.installations) } : { token: options.botToken }),
    receiver: receiver ?? http,
    clientOptions,
    ...logging,
    // init() runs auth.test at start, so a bad token fails there and not on the first user's request.
    deferInitialization: true,
  });

  let connected = false;
  receiver?.client.on('connected', () => void (connected = true));
  for (const state of ['disconnected', 'reconnecting']) receiver?.client.on(state, () => void (connected = false));

  const claims = options.claims ? retrying(options.claims) : undefined;
  const deps: SlackDeps = { ctx, admins: options.admins ?? [], ...(claims ? { claims } : {}), ...(options.homeSection ? { homeSection: options.homeSection } : {}) };
  const installed: InstalledWorkspace = {};
  const oauth = options.oauth;
  app.use(refuseOtherWorkspaces(oauth ? anyInstalledTeam(async (teamId) => (await oauth.installations.botTokenFor(teamId)) !== undefined) : onlyInstalledTeam(installed)));
  // With a store, event ids are claimed there, so a retry that reaches another replica is dropped too.
  const clockOption = options.clock ? { clock: options.clock } : {};
  app.use(dropRetriedEvents(claims ? storedEventDedupe(claims, clockOption) : createEventDedupe(clockOption)));
  if (options.claims) app.use(dropReplayedCommands(options.claims, ctx.clock));
  options.extend?.(app);
  registerSlashCommand(app, deps);
  registerShareButton(app, deps);
  registerMessageHandlers(app, deps);
  registerAppHome(app, deps);
  if (oauth) registerUninstall(app, oauth);

  return {
    app,
    mode: socket ? 'socket' : 'http',
    async start(listen) {
      await app.init();
      // The one workspace this token belongs to; requests from any other team are refused. (OAuth: each request's
      // workspace is checked against the installation store instead.)
      if (!oauth) installed.teamId = (await app.client.auth.test()).team_id;
      if (socket) {
        await app.start();
        connected = true;
        return {};
      }
      const server = await app.start(listen ?? { port: 3000 });
      connected = true;
      return { port: (server.address() as AddressInfo | null)?.port };
    },
    async stop() {
      connected = false;
      await app.stop();
    },
    connected: () => connected,
  };
}
