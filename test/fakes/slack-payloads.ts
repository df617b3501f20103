/**
 * Slack payloads shaped like the documented ones (platform-facts.md §2), with ids that tests can override.
 * Pair with SlackRequestDriver (HTTP) or wrap in a Socket Mode envelope.
 */

let counter = 0;
const next = () => String(++counter).padStart(6, '0');

/** Team, app and bot ids shared by payloads and the fake Web API's auth.test. */
export const TEAM_ID = 'T0STRIKE';
export const API_APP_ID = 'A0STRIKE';

/** Form fields of a /strike command. */
export function slashCommand(input: { text: string; responseUrl: string; userId?: string; channelId?: string; command?: string }): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    team_domain: 'strike-test',
    channel_id: input.channelId ?? 'C0NEWS',
    channel_name: 'newsroom',
    user_id: input.userId ?? 'U0MEMBER',
    user_name: 'member',
    command: input.command ?? '/strike',
    text: input.text,
    api_app_id: API_APP_ID,
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `${next()}.1.abc`,
  };
}

/** The Events API wrapper around an event. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${next()}`): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM_ID,
    api_app_id: API_APP_ID,
    event,
    type: 'event_callback',
    authorizations: [{ team_id: TEAM_ID, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event_id: eventId,
    event_time: 1691150000,
  };
}

/** An app_mention event in a channel. */
export function appMention(input: { text: string; user?: string; channel?: string; ts?: string; threadTs?: string }): Record<string, unknown> {
  const ts = input.ts ?? `1691150${next()}.000100`;
  return {
    type: 'app_mention',
    user: input.user ?? 'U0MEMBER',
    text: input.text,
    ts,
    channel: input.channel ?? 'C0NEWS',
    event_ts: ts,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
  };
}

/** A message.im event (a direct message to the app). */
export function directMessage(input: { text: string; user?: string; channel?: string; ts?: string; extra?: Record<string, unknown> }): Record<string, unknown> {
  const ts = input.ts ?? `1691151${next()}.000200`;
  return { type: 'message', channel: input.channel ?? 'D0MEMBER', user: input.user ?? 'U0MEMBER', text: input.text, ts, event_ts: ts, channel_type: 'im', ...input.extra };
}

/** app_home_opened for the Home tab. */
export function homeOpened(user = 'U0MEMBER', tab = 'home'): Record<string, unknown> {
  return { type: 'app_home_opened', user, channel: 'D0MEMBER', tab, event_ts: `1691152${next()}.000300` };
}

/** A block_actions payload for a button in an ephemeral message. */
export function buttonClick(input: { actionId: string; value: string; responseUrl: string; userId?: string; channelId?: string }): Record<string, unknown> {
  const channelId = input.channelId ?? 'C0NEWS';
  return {
    type: 'block_actions',
    user: { id: input.userId ?? 'U0MEMBER', username: 'member', team_id: TEAM_ID },
    api_app_id: API_APP_ID,
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1691150000.000001', channel_id: channelId, is_ephemeral: true },
    trigger_id: `${next()}.1.def`,
    team: { id: TEAM_ID, domain: 'strike-test' },
    channel: { id: channelId, name: 'newsroom' },
    response_url: input.responseUrl,
    actions: [{ type: 'button', action_id: input.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Share in channel' }, value: input.value, action_ts: '1691150001.000001' }],
  };
}

/** A block_actions payload for a button in the Home tab: no channel and no response_url, and a fresh trigger_id. */
export function homeButtonClick(input: { actionId: string; userId?: string; value?: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: input.userId ?? 'U0MEMBER', username: 'member', team_id: TEAM_ID },
    api_app_id: API_APP_ID,
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: `${next()}.1.home`,
    team: { id: TEAM_ID, domain: 'strike-test' },
    view: { id: 'V0HOME', type: 'home', hash: '1691150000.home', callback_id: '', private_metadata: '', blocks: [], state: { values: {} } },
    actions: [{ type: 'button', action_id: input.actionId, block_id: 'home_editor_forms', text: { type: 'plain_text', text: 'Form' }, value: input.value ?? 'form', action_ts: `1691150002.${next()}` }],
  };
}
