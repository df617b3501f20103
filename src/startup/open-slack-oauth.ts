import { openSlackOAuthStore, type SlackOAuthStore } from '../bots/slack/slack-oauth-store.js';
import type { Env } from '../env.js';
import { componentLog } from '../log/logger.js';
import { openStore } from '../store/open-store.js';

/**
 * Opens the store the Slack installations live in. Until every store class runs on Store, this is a second
 * connection to the same database as the rest (DATABASE_PATH; DATABASE_URL once the environment reads it): the
 * installations are written only when a workspace installs or removes the app.
 */
export async function openSlackOAuth(env: Env): Promise<SlackOAuthStore & { close(): Promise<void> }> {
  const databaseUrl = (env as { DATABASE_URL?: string }).DATABASE_URL;
  const store = await openStore({ databasePath: env.DATABASE_PATH, ...(databaseUrl ? { databaseUrl } : {}) });
  return { ...openSlackOAuthStore(store, { log: componentLog('slack') }), close: () => store.close() };
}
