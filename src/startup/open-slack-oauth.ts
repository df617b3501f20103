import { openSlackOAuthStore, type SlackOAuthStore } from '../bots/slack/slack-oauth-store.js';
import { componentLog } from '../log/logger.js';
import type { Store } from '../store/open-store.js';

/** The Slack installations (OAuth mode) in the bot's one store, beside its subscriptions and claims. */
export function openSlackOAuth(store: Store): SlackOAuthStore {
  return openSlackOAuthStore(store, { log: componentLog('slack') });
}
