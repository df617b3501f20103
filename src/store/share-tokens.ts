import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClaimPlatform } from './interaction-claims.js';

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

interface TokenRow {
  owner_user_id: string;
  channel_id: string | null;
  expires_at: string;
  shared_at: string | null;
}

/**
 * Share button ids: 16 random bytes (base64url) stored with the asker, the channel and an expiry, so an id can be
 * neither guessed nor reused after a restart for someone else's question, and each one shares at most once.
 */
export class ShareTokens {
  private readonly insert;
  private readonly take;
  private readonly select;
  private readonly prune;

  constructor(db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO share_tokens (token, platform, owner_user_id, channel_id, payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    // One statement checks owner, channel, expiry and first use, so two clicks racing cannot both win.
    this.take = db.prepare(
      `UPDATE share_tokens SET shared_at = ?
       WHERE token = ? AND platform = ? AND owner_user_id = ? AND channel_id IS ? AND expires_at > ? AND shared_at IS NULL
       RETURNING payload`,
    );
    this.select = db.prepare('SELECT owner_user_id, channel_id, expires_at, shared_at FROM share_tokens WHERE token = ? AND platform = ?');
    this.prune = db.prepare('DELETE FROM share_tokens WHERE expires_at < ?');
  }

  /** Stores `payload` for `owner` in `channelId` and returns the new token (22 characters). */
  issue(platform: ClaimPlatform, owner: ShareRedeemer, payload: string, now: Date, ttlMs: number = SHARE_TTL_MS): string {
    const token = randomBytes(16).toString('base64url');
    this.insert.run(token, platform, owner.userId, owner.channelId ?? null, payload, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString());
    return token;
  }

  /** Marks the token shared and returns its payload, if `by` owns it, in its channel, before expiry, the first time. */
  redeem(platform: ClaimPlatform, token: string, by: ShareRedeemer, now: Date): ShareRedemption {
    const at = now.toISOString();
    const taken = this.take.get(at, token, platform, by.userId, by.channelId ?? null, at) as { payload: string } | undefined;
    if (taken) return { kind: 'ok', payload: taken.payload };
    const row = this.select.get(token, platform) as TokenRow | undefined;
    // Another channel reads as unknown: the button cannot have been pressed there.
    if (!row || row.expires_at <= at || row.channel_id !== (by.channelId ?? null)) return { kind: 'expired' };
    if (row.owner_user_id !== by.userId) return { kind: 'not-owner' };
    return { kind: 'used' };
  }

  /** Deletes expired tokens; returns how many. */
  pruneExpired(now: Date): number {
    return this.prune.run(now.toISOString()).changes;
  }
}
