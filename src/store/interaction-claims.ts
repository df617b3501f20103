import type { Store } from './open-store.js';

/** Which platform an interaction id belongs to; ids are only unique within one platform. */
export type ClaimPlatform = 'slack' | 'discord';

/** Keys are kept this long: Slack retries within minutes, and a stale button click a day later is still a replay. */
export const CLAIM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The outcome of claiming an interaction: the first delivery does the work, every repeat sees what it recorded. */
export type ClaimResult = { first: true } | { first: false; result?: string };

/**
 * Idempotency keys for interactions that write or post (Share, form submissions, Confirm/Cancel, subscribe), keyed on
 * the platform's own id for the interaction (Slack's action or view id, Discord's interaction id). Held in the
 * database, not in memory, so a restart or a second process (or replica) sees the same claims.
 */
export class InteractionClaims {
  constructor(private readonly store: Store) {}

  /** Claims `key` for `platform`; exactly one caller, in any process, ever gets `first: true` until the key expires. */
  async claim(platform: ClaimPlatform, key: string, now: Date, ttlMs: number = CLAIM_TTL_MS): Promise<ClaimResult> {
    // The primary key decides: of two replicas inserting at once, exactly one inserts a row and the other does nothing.
    const inserted = await this.store.db
      .insertInto('interaction_claims')
      .values({ platform, key, claimed_at: now.toISOString(), expires_at: new Date(now.getTime() + ttlMs).toISOString() })
      .onConflict((oc) => oc.columns(['platform', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { first: true };
    const row = await this.store.db
      .selectFrom('interaction_claims')
      .select('result')
      .where('platform', '=', platform)
      .where('key', '=', key)
      .executeTakeFirst();
    return row?.result != null ? { first: false, result: row.result } : { first: false };
  }

  /** Records what the first delivery did (a message ts, an update id), so a repeat can answer with the same. */
  async complete(platform: ClaimPlatform, key: string, result: string): Promise<void> {
    await this.store.db.updateTable('interaction_claims').set({ result }).where('platform', '=', platform).where('key', '=', key).execute();
  }

  /** Gives up an unfinished claim after the work failed, so the user's next try runs again. */
  async release(platform: ClaimPlatform, key: string): Promise<void> {
    await this.store.db
      .deleteFrom('interaction_claims')
      .where('platform', '=', platform)
      .where('key', '=', key)
      .where('result', 'is', null)
      .execute();
  }

  /** Deletes expired claims; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    const result = await this.store.db.deleteFrom('interaction_claims').where('expires_at', '<', now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
