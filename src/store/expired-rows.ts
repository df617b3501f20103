import { FormMemoStore } from './form-memo-store.js';
import { InteractionClaims } from './interaction-claims.js';
import type { Store } from './open-store.js';
import { ShareTokens } from './share-tokens.js';

/** At most this often: an expired row is harmless for a while, and a delete every minute would be wasted work. */
export const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

/** How many expired rows one prune deleted. */
export interface PruneResult {
  claims: number;
  shareTokens: number;
  formMemos: number;
}

/**
 * Deletes expired interaction claims, share tokens and form memos, so the tables do not grow for ever. It rides on a tick the
 * bot already has (the digest scheduler's minute) and runs at most once an interval, timed by the clock it is given.
 * Several replicas pruning the same rows is harmless: a delete of rows already gone deletes nothing.
 */
export class ExpiredRowsPruner {
  private readonly claims: InteractionClaims;
  private readonly shares: ShareTokens;
  private readonly memos: FormMemoStore;
  private lastRunAt: number | undefined;

  constructor(store: Store, private readonly intervalMs: number = PRUNE_INTERVAL_MS) {
    this.claims = new InteractionClaims(store);
    this.shares = new ShareTokens(store);
    this.memos = new FormMemoStore(store);
  }

  /** Prunes when an interval has passed since the last prune (or none ran yet); undefined when it is not due. */
  async pruneIfDue(now: Date): Promise<PruneResult | undefined> {
    const since = this.lastRunAt === undefined ? Infinity : now.getTime() - this.lastRunAt;
    // A clock set back (since < 0) would otherwise postpone pruning until it caught up again.
    if (since >= 0 && since < this.intervalMs) return undefined;
    const result = { claims: await this.claims.pruneExpired(now), shareTokens: await this.shares.pruneExpired(now), formMemos: await this.memos.pruneExpired(now) };
    // Marked only after every delete: a busy database is tried again on the next tick.
    this.lastRunAt = now.getTime();
    return result;
  }
}
