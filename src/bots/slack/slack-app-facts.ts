// What the app asks Slack for. slack/manifest.yml must match these exactly; test/slack/manifest.test.ts checks it.

/** The slash command the app answers. */
export const SLASH_COMMAND = '/strike';

/** Bot events the app subscribes to, each with a listener (app_uninstalled and tokens_revoked: OAuth mode's). */
export const BOT_EVENTS = ['app_home_opened', 'app_mention', 'app_uninstalled', 'message.im', 'tokens_revoked'] as const;

/** Bot token scopes, each for a call or event the app makes or receives. */
export const BOT_SCOPES = [
  'app_mentions:read', // app_mention events
  'channels:history', // conversations.history: did a digest already go out before a crash (public channels)
  'chat:write', // answers in threads and DMs, shared answers
  'chat:write.public', // "Share in channel" in public channels the bot was not invited to
  'commands', // /strike
  'groups:history', // the same check for digests in private channels
  'im:history', // message.im events (direct messages)
  'users:read', // users.info: is the user a workspace admin or owner
  'usergroups:read', // usergroups.users.list: is the user in an editors' user group (EDITORS_SLACK)
] as const;
