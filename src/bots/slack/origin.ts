import type { Logger, webApi } from '@slack/bolt';
import type { Origin } from '../../core/commands/command-spec.js';

/** What building a Slack origin needs: who, where, a Web API client and the configured admins. */
export interface SlackOriginInput {
  client: webApi.WebClient;
  userId: string;
  channelId?: string;
  /** The request's team (Bolt's context.teamId). */
  teamId?: string | undefined;
  /** User ids from STRIKEWIRE_ADMINS: they may manage channels even when not workspace admins. */
  admins: readonly string[];
  logger: Logger;
}

/**
 * The core Origin for a Slack request. canManageChannel is resolved lazily, at most once, and only when a
 * command asks: a users.info call never runs inside the acknowledgement window or for read-only commands.
 * A failed look-up denies (the safe answer for a permission check) and is logged.
 */
export function slackOrigin(input: SlackOriginInput): Origin {
  let decision: Promise<boolean> | undefined;
  const resolve = async (): Promise<boolean> => {
    if (input.admins.includes(input.userId)) return true;
    try {
      const info = await input.client.users.info({ user: input.userId });
      const user = info.user;
      return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
    } catch (err) {
      input.logger.warn(`users.info failed for ${input.userId}; treating as not an admin: ${(err as Error).message}`);
      return false;
    }
  };
  return {
    platform: 'slack',
    userId: input.userId,
    ...(input.channelId ? { channelId: input.channelId } : {}),
    ...(input.teamId ? { workspaceId: input.teamId } : {}),
    canManageChannel: () => (decision ??= resolve()),
  };
}
