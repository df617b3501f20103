import { randomBytes } from 'node:crypto';
import type { ClaimPlatform } from './interaction-claims.js';
import type { Store } from './open-store.js';

/** A Share button stays usable this long; after that it says it has expired. */
export const SHARE_TTL_MS = 24 * 60 * 60 * 1000;

/** Who may redeem a token, and where. */
export interface ShareRedeemer {
  userId: string;
  channelId?: string | undefined;
}

/** The outcome of pressing Share: the stored payload once, or why not. */
export type ShareRedemption =
  | { kind: 'ok'; payload: string }
  | { kind: 'expired' }
  | { kind: 'not-owner' }
  | { kind: 'used' };

/**
 * Share button ids: 16 random bytes (base64url) stored with the asker, the channel and an expiry, so an id can be
 * neither guessed nor reused after a restart for someone else's question, and each one shares at most once.
 */
export class ShareTokens {
  constructor(private readonly store: Store) {}

  /** Stores `payload` for `owner` in `channelId` and returns the new token (22 characters). */
  async issue(platform: ClaimPlatform, owner: ShareRedeemer, payload: string, now: Date, ttlMs: number = SHARE_TTL_MS): Promise<string> {
    const token = randomBytes(16).toString('base64url');
    await this.store.db
      .insertInto('share_tokens')
      .values({
        token,
        platform,
        owner_user_id: owner.userId,
        channel_id: owner.channelId ?? null,
        payload,
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      })
      .execute();
    return token;
  }

  /** Marks the token shared and returns its payload, if `by` owns it, in its channel, before expiry, the first time. */
  async redeem(platform: ClaimPlatform, token: string, by: ShareRedeemer, now: Date): Promise<ShareRedemption> {
    const at = now.toISOString();
    const channelId = by.channelId ?? null;
    // One statement checks owner, channel, expiry and first use, so two clicks racing (on any replica) cannot both win.
    // The channel compare is null-safe (a DM token has none): `=` would never match null.
    const taken = await this.store.db
      .updateTable('share_tokens')
      .set({ shared_at: at })
      .where('token', '=', token)
      .where('platform', '=', platform)
      .where('owner_user_id', '=', by.userId)
      .where('channel_id', 'is not distinct from', channelId)
      .where('expires_at', '>', at)
      .where('shared_at', 'is', null)
      .returning('payload')
      .executeTakeFirst();
    if (taken) return { kind: 'ok', payload: taken.payload };
    const row = await this.store.db
      .selectFrom('share_tokens')
      .select(['owner_user_id', 'channel_id', 'expires_at'])
      .where('token', '=', token)
      .where('platform', '=', platform)
      .executeTakeFirst();
    // Another channel reads as unknown: the button cannot have been pressed there.
    if (!row || row.expires_at <= at || row.channel_id !== channelId) return { kind: 'expired' };
    if (row.owner_user_id !== by.userId) return { kind: 'not-owner' };
    return { kind: 'used' };
  }

  /** Deletes expired tokens; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    const result = await this.store.db.deleteFrom('share_tokens').where('expires_at', '<', now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
