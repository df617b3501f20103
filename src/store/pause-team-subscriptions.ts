import type { Store } from './open-store.js';

/** Why a workspace's digests stopped, as shown by /strike digest status. */
export const UNINSTALLED_REASON = 'Strikewire was removed from this workspace; reinstall it and subscribe again to resume the digest';

/**
 * Pauses every active Slack subscription of one workspace (after it uninstalled the app or revoked its token), so the
 * scheduler stops trying to post with a token that no longer works. Returns how many were paused.
 */
export async function pauseTeamSubscriptions(store: Store, teamId: string, at: Date, reason: string = UNINSTALLED_REASON): Promise<number> {
  const result = await store.db
    .updateTable('subscriptions')
    .set({ paused_reason: reason, paused_at: at.toISOString() })
    .where('platform', '=', 'slack')
    .where('workspace_id', '=', teamId)
    .where('paused_reason', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
