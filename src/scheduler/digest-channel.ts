import type { DigestPlatform } from '../core/digest/subscription-port.js';
import type { Reply } from '../core/reply/reply.js';

/** The channel a digest goes to. */
export interface DigestTarget {
  platform: DigestPlatform;
  channelId: string;
  workspaceId?: string;
}

/** Names one day's digest for one subscription; travels with the post (Slack metadata, Discord nonce). */
export type DeliveryKey = string;

/** Builds the delivery key: short enough for a Discord nonce (25 characters) and unique per subscription and day. */
export function deliveryKey(subscriptionId: number, localDate: string): DeliveryKey {
  return `sw${subscriptionId}-${localDate.replaceAll('-', '')}`;
}

/** A platform's way to post digests: implemented by the Slack and Discord digest posters. */
export interface DigestChannel {
  /** Posts the digest tagged with its key; returns the id of every message posted. */
  post(target: DigestTarget, digest: Reply, key: DeliveryKey): Promise<{ messageIds: string[] }>;
  /** Looks for a digest already posted with this key since `since` (after a crash); undefined when none. */
  findPosted(target: DigestTarget, key: DeliveryKey, since: Date): Promise<{ messageIds: string[] } | undefined>;
  /** Replaces a posted digest's content (corrections). */
  edit(target: DigestTarget, messageIds: readonly string[], digest: Reply): Promise<void>;
}

/** How a failed platform call should be treated. */
export type DigestChannelFailure =
  /** 429: wait `retryAfterMs`, then try again. */
  | 'rate-limited'
  /** 5xx, timeouts, network errors: retry with backoff. */
  | 'transient'
  /** The channel is gone or the bot was removed: pause the subscription. */
  | 'channel-gone'
  /** Anything else the platform refused: record it, do not retry. */
  | 'rejected';

/** The error every DigestChannel throws, so the fan-out can act without knowing the platform. */
export class DigestChannelError extends Error {
  override readonly name = 'DigestChannelError';

  constructor(
    readonly failure: DigestChannelFailure,
    /** Short platform code shown to users ("not_in_channel", "Missing Access (50001)"). */
    readonly code: string,
    /** What happened, in words for the people in the channel ("the bot was removed from the channel"). */
    detail?: string,
    readonly retryAfterMs?: number,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

/** Wraps platform calls so every failure leaves as a DigestChannelError, classified by the platform's own rules. */
export function classifiedCalls(classify: (err: unknown) => DigestChannelError): <T>(run: () => Promise<T>) => Promise<T> {
  return async (run) => {
    try {
      return await run();
    } catch (err) {
      throw classify(err);
    }
  };
}
