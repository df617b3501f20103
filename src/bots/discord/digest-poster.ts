import { DiscordAPIError, HTTPError, RateLimitError, REST, RESTJSONErrorCodes, Routes, SnowflakeUtil, type APIMessage } from 'discord.js';
import type { Reply } from '../../core/reply/reply.js';
import { DigestChannelError, type DeliveryKey, type DigestChannel, type DigestTarget, classifiedCalls } from '../../scheduler/digest-channel.js';
import { renderDiscordMessages } from './render-embeds.js';

/** The REST route of a channel, for looking up which server it belongs to. */
export function channelRoute(channelId: string): `/channels/${string}` {
  return Routes.channel(channelId);
}

/** Settings for the REST client digests are posted with. */
export interface DiscordDigestClientOptions {
  token: string;
  /** DISCORD_API_URL: a local fake in tests. */
  apiUrl?: string;
  timeoutMs?: number;
}

/**
 * A REST client of its own for digests that neither retries nor queues: rate limits come back as errors with
 * Retry-After and the fan-out waits them out for every digest at once, retrying 5xx with its own backoff.
 */
export function createDiscordDigestRest(options: DiscordDigestClientOptions): REST {
  return new REST({ retries: 0, rejectOnRateLimit: () => true, timeout: options.timeoutMs ?? 15_000, ...(options.apiUrl ? { api: options.apiUrl } : {}) }).setToken(options.token);
}

const CHANNEL_GONE: Partial<Record<number, string>> = {
  [RESTJSONErrorCodes.UnknownChannel]: 'Unknown Channel (10003): the channel was deleted',
  [RESTJSONErrorCodes.MissingAccess]: 'Missing Access (50001): the bot can no longer see the channel',
  [RESTJSONErrorCodes.MissingPermissions]: 'Missing Permissions (50013): the bot may not post in the channel',
};

/** Maps a discord.js REST error to what the fan-out should do about it. */
export function classifyDiscordError(err: unknown): DigestChannelError {
  if (err instanceof RateLimitError) return new DigestChannelError('rate-limited', '429', `Discord rate limit (${err.scope})`, err.retryAfter);
  if (err instanceof DiscordAPIError) {
    const gone = typeof err.code === 'number' ? CHANNEL_GONE[err.code] : undefined;
    if (gone) return new DigestChannelError('channel-gone', String(err.code), gone);
    return new DigestChannelError(err.status >= 500 ? 'transient' : 'rejected', `${err.status} ${String(err.code)}`, err.message.slice(0, 120));
  }
  if (err instanceof HTTPError) return new DigestChannelError(err.status >= 500 ? 'transient' : 'rejected', `HTTP ${err.status}`);
  // Network failures and timeouts.
  return new DigestChannelError('transient', err instanceof Error ? err.message.slice(0, 120) : 'request failed');
}

const call = classifiedCalls(classifyDiscordError);

// Discord's largest page of channel history, and how many pages a crash check reads before giving up.
const HISTORY_PAGE = 100;
const HISTORY_PAGES_MAX = 100;

// One nonce per message of a digest; Discord allows 25 characters, the key leaves room for the part number.
const nonceOf = (key: DeliveryKey, part: number) => `${key}.${part}`;
// Fetched messages do not always carry their nonce, so the key is also in a line of small print.
const markerOf = (key: DeliveryKey) => `-# Strikewire daily digest · ref ${key}`;

/**
 * Posts digests as channel messages rendered by the same embed renderer as every reply, with no mention parsed.
 * Each message carries its delivery key as an enforced nonce, so a re-post within Discord's nonce window returns
 * the message already posted; after longer gaps the channel's recent messages are searched for the key.
 */
export function createDiscordDigestChannel(rest: REST): DigestChannel {
  let botId: string | undefined;
  const botUserId = async () => (botId ??= ((await call(() => rest.get(Routes.user()))) as { id: string }).id);

  /**
   * Messages in the channel since `since`, newest first, read a page of 100 at a time backwards from now until a
   * page reaches past `since` (at most HISTORY_PAGES_MAX pages): a busy channel cannot hide a posted digest.
   */
  const messagesSince = async (channelId: string, since: Date): Promise<APIMessage[]> => {
    const floor = BigInt(SnowflakeUtil.generate({ timestamp: since.getTime() }));
    const found: APIMessage[] = [];
    let before: string | undefined;
    for (let page = 0; page < HISTORY_PAGES_MAX; page++) {
      const query = new URLSearchParams({ limit: String(HISTORY_PAGE), ...(before ? { before } : {}) });
      const messages = (await call(() => rest.get(Routes.channelMessages(channelId), { query }))) as APIMessage[];
      found.push(...messages.filter((m) => BigInt(m.id) > floor));
      const oldest = messages.reduce<string | undefined>((min, m) => (min === undefined || BigInt(m.id) < BigInt(min) ? m.id : min), undefined);
      if (messages.length < HISTORY_PAGE || oldest === undefined || BigInt(oldest) <= floor) return found;
      before = oldest;
    }
    // Past 10,000 messages since the due time, stop looking: the enforced nonce still guards a prompt re-post.
    return found;
  };

  return {
    async post(target: DigestTarget, digest: Reply, key: DeliveryKey) {
      const messageIds: string[] = [];
      const payloads = renderDiscordMessages(digest, { content: markerOf(key) });
      for (const [part, payload] of payloads.entries()) {
        const body = { ...payload, nonce: nonceOf(key, part), enforce_nonce: true, allowed_mentions: { parse: [] } };
        const message = (await call(() => rest.post(Routes.channelMessages(target.channelId), { body }))) as APIMessage;
        messageIds.push(message.id);
      }
      return { messageIds };
    },

    async findPosted(target: DigestTarget, key: DeliveryKey, since: Date) {
      const author = await botUserId();
      const isOurs = (m: APIMessage) => m.author.id === author && (String(m.nonce ?? '').startsWith(`${key}.`) || m.content.includes(markerOf(key)));
      const ours = (await messagesSince(target.channelId, since)).filter(isOurs).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      return ours.length > 0 ? { messageIds: ours.map((m) => m.id) } : undefined;
    },

    async edit(target: DigestTarget, messageIds: readonly string[], digest: Reply) {
      // Payloads carry no content, so the first message keeps its small-print delivery key.
      const payloads = renderDiscordMessages(digest);
      for (const [i, id] of messageIds.entries()) {
        const payload = payloads[i];
        // Discord rejects an empty message, so a part the corrected digest no longer needs is deleted instead.
        if (payload) await call(() => rest.patch(Routes.channelMessage(target.channelId, id), { body: { ...payload, allowed_mentions: { parse: [] } } }));
        else await call(() => rest.delete(Routes.channelMessage(target.channelId, id)));
      }
      // A corrected digest longer than the original continues in new messages right after it.
      for (const payload of payloads.slice(messageIds.length)) {
        await call(() => rest.post(Routes.channelMessages(target.channelId), { body: { ...payload, allowed_mentions: { parse: [] } } }));
      }
    },
  };
}
