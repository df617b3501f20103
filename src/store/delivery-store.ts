import { sql } from 'kysely';
import { z } from 'zod';
import type { DeliveryRecord } from '../core/digest/subscription-port.js';
import type { Store } from './open-store.js';
import { dbNowIso } from './store-dialect.js';

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
 * Deliveries in the store (SQLite or PostgreSQL). Every state change is one conditional statement, so two processes
 * (or replicas) sharing the database can never both hold the claim on the same slot.
 */
export class DeliveryStore {
  constructor(private readonly store: Store) {}

  /**
   * The database's own clock. Claims and leases are compared in it, so processes whose clocks disagree still agree on
   * whose lease has run out.
   */
  async dbNow(): Promise<Date> {
    const { rows } = await sql<{ now: string }>`select ${dbNowIso(this.store.dialect)} as now`.execute(this.store.db);
    return new Date(rows[0]!.now);
  }

  async get(slot: DeliverySlot): Promise<StoredDelivery | undefined> {
    const row = await this.store.db
      .selectFrom('deliveries')
      .selectAll()
      .where('subscription_id', '=', slot.subscriptionId)
      .where('local_date', '=', slot.localDate)
      .executeTakeFirst();
    return row ? toDelivery(row) : undefined;
  }

  /** Every delivery on or after a local date, for the due check's single read per tick. */
  async since(localDate: string): Promise<StoredDelivery[]> {
    const rows = await this.store.db.selectFrom('deliveries').selectAll().where('local_date', '>=', localDate).execute();
    return rows.map(toDelivery);
  }

  async latest(subscriptionId: number): Promise<StoredDelivery | undefined> {
    const row = await this.store.db
      .selectFrom('deliveries')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .orderBy('local_date', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? toDelivery(row) : undefined;
  }

  /** When the latest posted digest before `beforeLocalDate` (or ever) went out. */
  async lastPostedAt(subscriptionId: number, beforeLocalDate = '9999-12-31'): Promise<Date | undefined> {
    const row = await this.store.db
      .selectFrom('deliveries')
      .select('posted_at')
      .where('subscription_id', '=', subscriptionId)
      .where('status', '=', 'confirmed')
      .where('local_date', '<', beforeLocalDate)
      .orderBy('local_date', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.posted_at ? new Date(row.posted_at) : undefined;
  }

  /**
   * Claims a slot for `owner` until `leaseUntil`: a new slot, a claim whose lease ran out (its owner died), or a
   * failed attempt whose retry time has come. Undefined when someone else holds it or it is settled.
   */
  async claim(slot: DeliverySlot & { dueAt: Date; late: boolean }, owner: string, now: Date, leaseUntil: Date): Promise<Claim | undefined> {
    const at = now.toISOString();
    // One statement: the insert, or the update of a claimable row, or nothing. Both engines lock the conflicting row
    // for the conditional update, so of two racing claimers only one gets a row back.
    const row = await this.store.db
      .insertInto('deliveries')
      .values({
        subscription_id: slot.subscriptionId,
        local_date: slot.localDate,
        due_at: slot.dueAt.toISOString(),
        status: 'claimed',
        late: slot.late ? 1 : 0,
        claim_owner: owner,
        lease_until: leaseUntil.toISOString(),
        attempts: 1,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc
          .columns(['subscription_id', 'local_date'])
          .doUpdateSet((eb) => ({
            status: 'claimed',
            late: eb.ref('excluded.late'),
            claim_owner: eb.ref('excluded.claim_owner'),
            lease_until: eb.ref('excluded.lease_until'),
            attempts: eb('deliveries.attempts', '+', 1),
            retry_at: null,
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where((eb) =>
            eb.or([
              eb.and([eb('deliveries.status', '=', 'claimed'), eb('deliveries.lease_until', '<=', at)]),
              eb.and([eb('deliveries.status', '=', 'failed'), eb('deliveries.retry_at', 'is not', null), eb('deliveries.retry_at', '<=', at)]),
            ]),
          ),
      )
      .returning('attempts')
      .executeTakeFirst();
    if (!row) return undefined;
    return { subscriptionId: slot.subscriptionId, localDate: slot.localDate, owner, attempts: row.attempts, retaken: row.attempts > 1 };
  }

  /** Extends a claim this owner still holds; false means it was lost and the caller must not post. */
  async renew(claim: Claim, leaseUntil: Date, now: Date): Promise<boolean> {
    const result = await this.store.db
      .updateTable('deliveries')
      .set({ lease_until: leaseUntil.toISOString(), updated_at: now.toISOString() })
      .where('subscription_id', '=', claim.subscriptionId)
      .where('local_date', '=', claim.localDate)
      .where('status', '=', 'claimed')
      .where('claim_owner', '=', claim.owner)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Records the posted message(s); false if the claim had been lost meanwhile. */
  async confirm(claim: Claim, messageIds: readonly string[], postedAt: Date): Promise<boolean> {
    const at = postedAt.toISOString();
    const result = await this.store.db
      .updateTable('deliveries')
      .set({ status: 'confirmed', message_id: messageIds.join(','), posted_at: at, claim_owner: null, lease_until: null, error: null, updated_at: at })
      .where('subscription_id', '=', claim.subscriptionId)
      .where('local_date', '=', claim.localDate)
      .where('status', '=', 'claimed')
      .where('claim_owner', '=', claim.owner)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Gives the claim up with the error; with `retryAt` the slot may be claimed again from then on. */
  async fail(claim: Claim, error: string, now: Date, retryAt?: Date): Promise<void> {
    await this.store.db
      .updateTable('deliveries')
      .set({ status: 'failed', error: error.slice(0, 500), retry_at: retryAt?.toISOString() ?? null, claim_owner: null, lease_until: null, updated_at: now.toISOString() })
      .where('subscription_id', '=', claim.subscriptionId)
      .where('local_date', '=', claim.localDate)
      .where('status', '=', 'claimed')
      .where('claim_owner', '=', claim.owner)
      .execute();
  }

  /** Records a digest that will not be sent (missed by too long); never overwrites an existing record. */
  async skip(slot: DeliverySlot & { dueAt: Date }, reason: string, now: Date): Promise<boolean> {
    const row = await this.store.db
      .insertInto('deliveries')
      .values({
        subscription_id: slot.subscriptionId,
        local_date: slot.localDate,
        due_at: slot.dueAt.toISOString(),
        status: 'skipped',
        error: reason,
        updated_at: now.toISOString(),
      })
      .onConflict((oc) => oc.columns(['subscription_id', 'local_date']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}
