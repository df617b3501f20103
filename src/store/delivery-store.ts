import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { DeliveryRecord } from '../core/digest/subscription-port.js';

const DeliveryRow = z.object({
  subscription_id: z.number().int(),
  local_date: z.string(),
  due_at: z.iso.datetime(),
  status: z.enum(['claimed', 'confirmed', 'skipped', 'failed']),
  late: z.union([z.literal(0), z.literal(1)]),
  attempts: z.number().int(),
  message_id: z.string().nullable(),
  posted_at: z.iso.datetime().nullable(),
  error: z.string().nullable(),
  claim_owner: z.string().nullable(),
  lease_until: z.iso.datetime().nullable(),
  retry_at: z.iso.datetime().nullable(),
});

/** A delivery row with the claim details the scheduler needs. */
export interface StoredDelivery extends DeliveryRecord {
  claimOwner?: string;
  leaseUntil?: Date;
  retryAt?: Date;
}

function toDelivery(raw: unknown): StoredDelivery {
  const row = DeliveryRow.parse(raw);
  return {
    subscriptionId: row.subscription_id,
    localDate: row.local_date,
    dueAt: new Date(row.due_at),
    status: row.status,
    late: row.late === 1,
    attempts: row.attempts,
    // Digests split over several messages keep every id, comma-separated, so corrections can edit them all.
    messageIds: row.message_id ? row.message_id.split(',') : [],
    ...(row.posted_at ? { postedAt: new Date(row.posted_at) } : {}),
    ...(row.error ? { error: row.error } : {}),
    ...(row.claim_owner ? { claimOwner: row.claim_owner } : {}),
    ...(row.lease_until ? { leaseUntil: new Date(row.lease_until) } : {}),
    ...(row.retry_at ? { retryAt: new Date(row.retry_at) } : {}),
  };
}

/** Identifies one day's digest for one subscription. */
export interface DeliverySlot {
  subscriptionId: number;
  localDate: string;
}

/** The result of a successful claim: `retaken` means an earlier attempt may already have posted. */
export interface Claim extends DeliverySlot {
  owner: string;
  attempts: number;
  retaken: boolean;
}

/**
 * Deliveries in SQLite. Every state change is one conditional statement, so two processes sharing the database
 * can never both hold the claim on the same slot.
 */
export class DeliveryStore {
  constructor(private readonly db: Database.Database) {}

  /**
   * The database's own clock. Claims and leases are compared in it, so processes whose clocks disagree still agree on
   * whose lease has run out.
   */
  dbNow(): Date {
    const row = this.db.prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now").get() as { now: string };
    return new Date(row.now);
  }

  get(slot: DeliverySlot): StoredDelivery | undefined {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? AND local_date = ?').get(slot.subscriptionId, slot.localDate);
    return row ? toDelivery(row) : undefined;
  }

  /** Every delivery on or after a local date, for the due check's single read per tick. */
  since(localDate: string): StoredDelivery[] {
    return this.db.prepare('SELECT * FROM deliveries WHERE local_date >= ?').all(localDate).map(toDelivery);
  }

  latest(subscriptionId: number): StoredDelivery | undefined {
    const row = this.db.prepare('SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY local_date DESC LIMIT 1').get(subscriptionId);
    return row ? toDelivery(row) : undefined;
  }

  /** When the latest posted digest before `beforeLocalDate` (or ever) went out. */
  lastPostedAt(subscriptionId: number, beforeLocalDate = '9999-12-31'): Date | undefined {
    const row = this.db
      .prepare("SELECT posted_at FROM deliveries WHERE subscription_id = ? AND status = 'confirmed' AND local_date < ? ORDER BY local_date DESC LIMIT 1")
      .get(subscriptionId, beforeLocalDate) as { posted_at: string | null } | undefined;
    return row?.posted_at ? new Date(row.posted_at) : undefined;
  }

  /**
   * Claims a slot for `owner` until `leaseUntil`: a new slot, a claim whose lease ran out (its owner died), or a
   * failed attempt whose retry time has come. Undefined when someone else holds it or it is settled.
   */
  claim(slot: DeliverySlot & { dueAt: Date; late: boolean }, owner: string, now: Date, leaseUntil: Date): Claim | undefined {
    const row = this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, local_date, due_at, status, late, claim_owner, lease_until, attempts, updated_at)
         VALUES (@subscriptionId, @localDate, @dueAt, 'claimed', @late, @owner, @leaseUntil, 1, @now)
         ON CONFLICT (subscription_id, local_date) DO UPDATE SET
           status = 'claimed', late = excluded.late, claim_owner = excluded.claim_owner, lease_until = excluded.lease_until,
           attempts = deliveries.attempts + 1, retry_at = NULL, updated_at = excluded.updated_at
         WHERE (deliveries.status = 'claimed' AND deliveries.lease_until <= @now)
            OR (deliveries.status = 'failed' AND deliveries.retry_at IS NOT NULL AND deliveries.retry_at <= @now)
         RETURNING attempts`,
      )
      .get({
        subscriptionId: slot.subscriptionId,
        localDate: slot.localDate,
        dueAt: slot.dueAt.toISOString(),
        late: slot.late ? 1 : 0,
        owner,
        leaseUntil: leaseUntil.toISOString(),
        now: now.toISOString(),
      }) as { attempts: number } | undefined;
    if (!row) return undefined;
    return { subscriptionId: slot.subscriptionId, localDate: slot.localDate, owner, attempts: row.attempts, retaken: row.attempts > 1 };
  }

  /** Extends a claim this owner still holds; false means it was lost and the caller must not post. */
  renew(claim: Claim, leaseUntil: Date, now: Date): boolean {
    return (
      this.db
        .prepare("UPDATE deliveries SET lease_until = ?, updated_at = ? WHERE subscription_id = ? AND local_date = ? AND status = 'claimed' AND claim_owner = ?")
        .run(leaseUntil.toISOString(), now.toISOString(), claim.subscriptionId, claim.localDate, claim.owner).changes === 1
    );
  }

  /** Records the posted message(s); false if the claim had been lost meanwhile. */
  confirm(claim: Claim, messageIds: readonly string[], postedAt: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE deliveries SET status = 'confirmed', message_id = ?, posted_at = ?, claim_owner = NULL, lease_until = NULL, error = NULL, updated_at = ?
           WHERE subscription_id = ? AND local_date = ? AND status = 'claimed' AND claim_owner = ?`,
        )
        .run(messageIds.join(','), postedAt.toISOString(), postedAt.toISOString(), claim.subscriptionId, claim.localDate, claim.owner).changes === 1
    );
  }

  /** Gives the claim up with the error; with `retryAt` the slot may be claimed again from then on. */
  fail(claim: Claim, error: string, now: Date, retryAt?: Date): void {
    this.db
      .prepare(
        `UPDATE deliveries SET status = 'failed', error = ?, retry_at = ?, claim_owner = NULL, lease_until = NULL, updated_at = ?
         WHERE subscription_id = ? AND local_date = ? AND status = 'claimed' AND claim_owner = ?`,
      )
      .run(error.slice(0, 500), retryAt?.toISOString() ?? null, now.toISOString(), claim.subscriptionId, claim.localDate, claim.owner);
  }

  /** Records a digest that will not be sent (missed by too long); never overwrites an existing record. */
  skip(slot: DeliverySlot & { dueAt: Date }, reason: string, now: Date): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO deliveries (subscription_id, local_date, due_at, status, error, updated_at) VALUES (?, ?, ?, 'skipped', ?, ?)
           ON CONFLICT (subscription_id, local_date) DO NOTHING`,
        )
        .run(slot.subscriptionId, slot.localDate, slot.dueAt.toISOString(), reason, now.toISOString()).changes === 1
    );
  }
}
