import { webApi } from '@slack/bolt';
import type { Reply } from '../../core/reply/reply.js';
import { DigestChannelError, type DeliveryKey, type DigestChannel, type DigestTarget, classifiedCalls } from '../../scheduler/digest-channel.js';
import { renderBlockKit } from './render-block-kit.js';

/** Message metadata event type that marks a post as a Strikewire digest (and carries its delivery key). */
export const DIGEST_EVENT_TYPE = 'strikewire_digest';
/** conversations.history pages read when looking for a digest posted before a crash. */
const HISTORY_PAGES = 5;

/** Settings for the Web API client digests are posted with. */
export interface SlackDigestClientOptions {
  botToken: string;
  /** SLACK_API_URL: a local fake in tests. */
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * A Web API client of its own for digests, with the client's retries off: the fan-out owns retries, so a 429 pauses
 * every digest to the workspace for Retry-After and one failing channel never holds up the others.
 */
export function createSlackDigestClient(options: SlackDigestClientOptions): webApi.WebClient {
  return new webApi.WebClient(options.botToken, {
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  });
}

const CHANNEL_GONE: Record<string, string> = {
  channel_not_found: 'the channel was not found (deleted, or the bot cannot see it)',
  not_in_channel: 'the bot is not a member of the channel',
  is_archived: 'the channel is archived',
};
const TRANSIENT_PLATFORM_ERRORS = new Set(['fatal_error', 'internal_error', 'service_unavailable', 'request_timeout']);

/** Maps a Web API error to what the fan-out should do about it. */
export function classifySlackError(err: unknown): DigestChannelError {
  const e = err as { code?: string; retryAfter?: number; statusCode?: number; data?: { error?: string } };
  switch (e.code) {
    case webApi.ErrorCode.RateLimitedError:
      return new DigestChannelError('rate-limited', '429', 'Slack asked to slow down', (e.retryAfter ?? 1) * 1000);
    case webApi.ErrorCode.PlatformError: {
      const code = e.data?.error ?? 'unknown_error';
      if (CHANNEL_GONE[code]) return new DigestChannelError('channel-gone', code, CHANNEL_GONE[code]);
      if (code === 'ratelimited') return new DigestChannelError('rate-limited', code, 'Slack asked to slow down');
      return new DigestChannelError(TRANSIENT_PLATFORM_ERRORS.has(code) ? 'transient' : 'rejected', code);
    }
    case webApi.ErrorCode.HTTPError:
      return new DigestChannelError((e.statusCode ?? 500) >= 500 ? 'transient' : 'rejected', `HTTP ${e.statusCode ?? '?'}`);
    default:
      // Request errors (network, timeout) and anything unexpected from the client: worth another try.
      return new DigestChannelError('transient', err instanceof Error ? err.message.slice(0, 120) : 'request failed');
  }
}

const call = classifiedCalls(classifySlackError);

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * Posts digests with chat.postMessage, rendered by the same Block Kit renderer as every reply. Each post carries
 * message metadata with its delivery key, which conversations.history returns with include_all_metadata: that is
 * how a digest posted just before a crash is found instead of posted twice. Takes one client (SLACK_BOT_TOKEN), or
 * a look-up of the client for each target's workspace (OAuth, digest-team-clients.ts).
 */
export function createSlackDigestChannel(clients: webApi.WebClient | ((target: DigestTarget) => Promise<webApi.WebClient>)): DigestChannel {
  const clientFor = typeof clients === 'function' ? clients : async () => clients;
  return {
    async post(target: DigestTarget, digest: Reply, key: DeliveryKey) {
      const client = await clientFor(target);
      const message = renderBlockKit(digest);
      const result = await call(() =>
        client.chat.postMessage({
          channel: target.channelId,
          text: message.text,
          blocks: message.blocks,
          metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { delivery_key: key } },
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      return { messageIds: [String(result.ts)] };
    },

    async findPosted(target: DigestTarget, key: DeliveryKey, since: Date) {
      const client = await clientFor(target);
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const result = await call(() =>
          client.conversations.history({
            channel: target.channelId,
            oldest: (since.getTime() / 1000).toFixed(6),
            include_all_metadata: true,
            limit: 200,
            ...(cursor ? { cursor } : {}),
          }),
        );
        const messages = (result.messages ?? []) as HistoryMessage[];
        const found = messages.find((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && m.metadata.event_payload?.delivery_key === key);
        if (found?.ts) return { messageIds: [found.ts] };
        cursor = result.response_metadata?.next_cursor || undefined;
        if (!result.has_more || !cursor) return undefined;
      }
      return undefined;
    },

    async edit(target: DigestTarget, messageIds: readonly string[], digest: Reply) {
      const client = await clientFor(target);
      const message = renderBlockKit(digest);
      for (const ts of messageIds) await call(() => client.chat.update({ channel: target.channelId, ts, text: message.text, blocks: message.blocks }));
    },
  };
}
