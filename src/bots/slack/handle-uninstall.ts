import type { App } from '@slack/bolt';
import type { SlackOAuthOptions } from './slack-oauth.js';

/** The envelope fields that say which installation a lifecycle event is about. */
interface LifecycleEnvelope {
  team_id?: string;
  enterprise_id?: string;
  authorizations?: { is_enterprise_install?: boolean }[];
}

/**
 * app_uninstalled, and tokens_revoked for the bot token, mean the workspace's token no longer works: the installation
 * is deleted and onUninstalled runs (which pauses the workspace's digests). Revoked user tokens change nothing: the
 * app never uses them.
 */
export function registerUninstall(app: App, options: Pick<SlackOAuthOptions, 'installations' | 'onUninstalled'>): void {
  const forget = async (body: LifecycleEnvelope, why: string, logger: App['logger']) => {
    const team = {
      ...(body.team_id ? { teamId: body.team_id } : {}),
      ...(body.enterprise_id ? { enterpriseId: body.enterprise_id } : {}),
      isEnterpriseInstall: body.authorizations?.[0]?.is_enterprise_install === true,
    };
    await options.installations.deleteInstallation({ teamId: team.teamId, enterpriseId: team.enterpriseId, isEnterpriseInstall: team.isEnterpriseInstall }, logger);
    await options.onUninstalled?.(team);
    logger.info(`Slack workspace ${team.teamId ?? team.enterpriseId ?? '?'} ${why}: installation removed`);
  };
  app.event('app_uninstalled', async ({ body, logger }) => forget(body as LifecycleEnvelope, 'uninstalled the app', logger));
  app.event('tokens_revoked', async ({ event, body, logger }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body as LifecycleEnvelope, 'revoked the bot token', logger);
  });
}
