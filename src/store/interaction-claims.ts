import type Database from 'better-sqlite3';

/** Which platform an interaction id belongs to; ids are only unique within one platform. */
export type ClaimPlatform = 'slack' | 'discord';

/** Keys are kept this long: Slack retries within minutes, and a stale button click a day later is still a replay. */
export const CLAIM_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The outcome of claiming an interaction: the first delivery does the work, every repeat sees what it recorded. */
export type ClaimResult = { first: true } | { first: false; result?: string };

/**
 * Idempotency keys for interactions that write or post (Share, form submissions, Confirm/Cancel, subscribe), keyed on
 * the platform's own id for the interaction (Slack's action or view id, Discord's interaction id). Held in the
 * database, not in memory, so a restart or a second process sees the same claims.
 */
export class InteractionClaims {
  private readonly insert;
  private readonly select;
  private readonly record;
  private readonly prune;
  private readonly remove;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      'INSERT INTO interaction_claims (platform, key, claimed_at, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT (platform, key) DO NOTHING',
    );
    this.select = db.prepare('SELECT result FROM interaction_claims WHERE platform = ? AND key = ?');
    this.record = db.prepare('UPDATE interaction_claims SET result = ? WHERE platform = ? AND key = ?');
    this.prune = db.prepare('DELETE FROM interaction_claims WHERE expires_at < ?');
    this.remove = db.prepare('DELETE FROM interaction_claims WHERE platform = ? AND key = ? AND result IS NULL');
  }

  /** Claims `key` for `platform`; exactly one caller, in any process, ever gets `first: true` until the key expires. */
  claim(platform: ClaimPlatform, key: string, now: Date, ttlMs: number = CLAIM_TTL_MS): ClaimResult {
    const inserted = this.insert.run(platform, key, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString());
    if (inserted.changes === 1) return { first: true };
    const row = this.select.get(platform, key) as { result: string | null } | undefined;
    return row?.result != null ? { first: false, result: row.result } : { first: false };
  }

  /** Records what the first delivery did (a message ts, an update id), so a repeat can answer with the same. */
  complete(platform: ClaimPlatform, key: string, result: string): void {
    this.record.run(result, platform, key);
  }

  /** Gives up an unfinished claim after the work failed, so the user's next try runs again. */
  release(platform: ClaimPlatform, key: string): void {
    this.remove.run(platform, key);
  }

  /** Deletes expired claims; returns how many. */
  pruneExpired(now: Date): number {
    return this.prune.run(now.toISOString()).changes;
  }
}
