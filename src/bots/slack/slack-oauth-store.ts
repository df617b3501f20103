import { systemClock, type Clock } from '../../core/time/clock.js';
import type { Store } from '../../store/open-store.js';
import { pauseTeamSubscriptions } from '../../store/pause-team-subscriptions.js';
import { createSlackInstallationStore, type SlackInstallationStore } from '../../store/slack-installation-store.js';
import type { SlackOAuthOptions } from './slack-oauth.js';

/** What OAuth mode keeps in the database: the installations, and what happens to a workspace's digests on uninstall. */
export interface SlackOAuthStore {
  installations: SlackInstallationStore;
  onUninstalled: NonNullable<SlackOAuthOptions['onUninstalled']>;
}

/**
 * The installation store in the Strikewire database, and the uninstall hook that pauses the workspace's digest
 * subscriptions (a reinstall and a new subscribe resume them). An org-wide uninstall pauses nothing here: its
 * workspaces' digests fail as "not installed" at their next slot, which pauses them one by one.
 */
export function openSlackOAuthStore(store: Store, options: { clock?: Clock; log?: (message: string) => void } = {}): SlackOAuthStore {
  const clock = options.clock ?? systemClock;
  return {
    installations: createSlackInstallationStore(store, { clock }),
    async onUninstalled(team) {
      if (!team.teamId || team.isEnterpriseInstall) return;
      const paused = await pauseTeamSubscriptions(store, team.teamId, clock());
      options.log?.(`paused ${paused} digest subscription(s) of Slack workspace ${team.teamId}`);
    },
  };
}
