import type { Authorize, CustomRoute, Logger, LogLevel, webApi } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { NotInstalledError, type SlackInstallationStore } from '../../store/slack-installation-store.js';
import { BOT_SCOPES } from './slack-app-facts.js';

/** Where Bolt's OAuth flow is served: the "Add to Slack" start, and the page Slack sends the browser back to. */
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The OAuth settings of a multi-workspace deployment (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET). */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** Signs the state parameter and its cookie, so a callback can only finish an install this app started. */
  stateSecret: string;
  installations: SlackInstallationStore;
  /** The redirect URL registered with Slack, when the app has several; Slack uses the only one otherwise. */
  redirectUri?: string;
  /** Called after an app_uninstalled or tokens_revoked event has been received for a workspace. */
  onUninstalled?: (team: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => Promise<void>;
}

/**
 * Bolt's OAuth install flow (@slack/oauth's InstallProvider) over our installation store. The token exchange
 * (oauth.v2.access) and its auth.test go through a client built from `clientOptions`, so SLACK_API_URL redirects
 * them too. /slack/install redirects straight to Slack's consent page with a signed state.
 */
export function createInstaller(options: SlackOAuthOptions, clientOptions: webApi.WebClientOptions, logging: { logger?: Logger; logLevel?: LogLevel }): InstallProvider {
  return new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    stateSecret: options.stateSecret,
    installationStore: options.installations,
    directInstall: true,
    // The token exchange's debug lines include its request body, which holds the client secret: never let them out.
    clientOptions: { ...clientOptions, ...(logging.logger ? { logger: withoutDebug(logging.logger) } : {}) },
    installUrlOptions: { scopes: [...BOT_SCOPES], ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}) },
    ...logging,
  });
}

/** The same logger with its debug lines dropped. */
function withoutDebug(logger: Logger): Logger {
  return {
    debug: () => undefined,
    info: (...msg) => logger.info(...msg),
    warn: (...msg) => logger.warn(...msg),
    error: (...msg) => logger.error(...msg),
    setLevel: () => undefined,
    getLevel: () => logger.getLevel(),
    setName: () => undefined,
  };
}

/** The two GET routes of the install flow, served beside /slack/events. */
export function installRoutes(installer: InstallProvider, options: Pick<SlackOAuthOptions, 'redirectUri'>, logger?: Logger): CustomRoute[] {
  const urlOptions = { scopes: [...BOT_SCOPES], ...(options.redirectUri ? { redirectUri: options.redirectUri } : {}) };
  const failed = (res: Parameters<CustomRoute['handler']>[1]) => (err: Error) => {
    logger?.error(`The Slack install flow failed: ${err.message}`);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The installation could not be completed. Please try again from the install link.');
  };
  return [
    { path: INSTALL_PATH, method: ['GET'], handler: (req, res) => void installer.handleInstallPath(req, res, {}, urlOptions).catch(failed(res)) },
    { path: REDIRECT_PATH, method: ['GET'], handler: (req, res) => void installer.handleCallback(req, res, {}, urlOptions).catch(failed(res)) },
  ];
}

/**
 * Bolt's authorize for OAuth mode: the bot token of the request's workspace from the store. A workspace without an
 * installation gets an authorization without a token instead of an error, so that the workspace check can answer the
 * command politely; Bolt would otherwise acknowledge it with an empty response.
 */
export function authorizeFromStore(installations: SlackInstallationStore): Authorize<boolean> {
  return async (source) => {
    try {
      const installation = await installations.fetchInstallation({ teamId: source.teamId, enterpriseId: source.enterpriseId, isEnterpriseInstall: source.isEnterpriseInstall });
      return {
        ...(installation.bot ? { botToken: installation.bot.token, botId: installation.bot.id, botUserId: installation.bot.userId } : {}),
        teamId: installation.team?.id ?? source.teamId,
        enterpriseId: installation.enterprise?.id ?? source.enterpriseId,
      };
    } catch (err) {
      if (!(err instanceof NotInstalledError)) throw err;
      return { teamId: source.teamId, enterpriseId: source.enterpriseId };
    }
  };
}
