import { FAIL_AFTER_WORK, type FakeSlackWebApi, type SlackApiCall } from './slack-web-api.js';

/** A message as the fake channel holds it. */
export interface StoredSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/**
 * Gives the fake Slack Web API channels that keep what is posted to them, for digest tests: chat.postMessage
 * stores messages with their metadata, conversations.history returns them (metadata only with
 * include_all_metadata, as Slack does), chat.update edits them, and a channel can be "removed" so posts to it
 * fail with a Slack error such as not_in_channel. Installed through the fake's respondWith, so the fake's own
 * recording, 429/500 scripting and waits keep working.
 */
export function installSlackChannelHistory(fake: FakeSlackWebApi) {
  const messages: StoredSlackMessage[] = [];
  const removed = new Map<string, string>();
  const unreadable = new Map<string, string>();
  const failAfterPost: (number | 'reset')[] = [];
  let counter = 0;
  // Real-time timestamps: the digest look-up asks for messages newer than the (injected, past) due time.
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;

  fake.respondWith('chat.postMessage', (c: SlackApiCall) => {
    const channel = String(c.body.channel);
    const error = removed.get(channel);
    if (error) return { ok: false, error };
    const message: StoredSlackMessage = { channel, ts: nextTs(), text: String(c.body.text ?? ''), blocks: c.body.blocks, ...(c.body.metadata ? { metadata: c.body.metadata as StoredSlackMessage['metadata'] } : {}) };
    messages.push(message);
    const failure = failAfterPost.shift();
    if (failure !== undefined) return { [FAIL_AFTER_WORK]: failure };
    return { channel, ts: message.ts, message: { text: message.text } };
  });
  fake.respondWith('conversations.history', (c: SlackApiCall) => {
    const channel = String(c.body.channel);
    const error = removed.get(channel) ?? unreadable.get(channel);
    if (error) return { ok: false, error };
    const oldest = Number(c.body.oldest ?? 0);
    const withMetadata = String(c.body.include_all_metadata) === 'true';
    const found = messages
      .filter((m) => m.channel === channel && Number(m.ts) > oldest)
      .reverse()
      .map(({ ts, text, metadata }) => ({ type: 'message', ts, text, ...(withMetadata && metadata ? { metadata } : {}) }));
    return { messages: found, has_more: false };
  });
  fake.respondWith('chat.update', (c: SlackApiCall) => {
    const found = messages.find((m) => m.channel === String(c.body.channel) && m.ts === String(c.body.ts));
    if (!found) return { ok: false, error: 'message_not_found' };
    found.text = String(c.body.text ?? '');
    found.blocks = c.body.blocks;
    return { channel: found.channel, ts: found.ts, text: found.text };
  });

  return {
    messages,
    postsTo: (channel: string) => messages.filter((m) => m.channel === channel),
    /** Posts to this channel now fail with `error` (not_in_channel, channel_not_found, is_archived). */
    removeChannel: (channel: string, error = 'not_in_channel') => void removed.set(channel, error),
    /** The bot is back in the channel. */
    restoreChannel: (channel: string) => void removed.delete(channel),
    /** Posts to this channel work but its history cannot be read (a public channel the bot is not a member of). */
    hideHistory: (channel: string, error = 'not_in_channel') => void unreadable.set(channel, error),
    /** The next posts are created, then answered with this HTTP status or a connection reset, once each. */
    failAfterPosting: (...failures: (number | 'reset')[]) => void failAfterPost.push(...failures),
  };
}
