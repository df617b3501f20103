import { sql, type RawBuilder } from 'kysely';
import { retryWhileBusy } from './busy-retry.js';
import type { Store } from './open-store.js';
import { dbNowIso, type StoreDialect } from './store-dialect.js';

/**
 * The database clock `ms` milliseconds from now, as the same ISO text dbNowIso gives. Every expiry is computed and
 * compared by the database, so replicas whose own clocks disagree still agree on who holds a lease.
 */
function dbNowPlusIso(dialect: StoreDialect, ms: number): RawBuilder<string> {
  const seconds = (Math.max(0, Math.round(ms)) / 1000).toFixed(3);
  return dialect === 'sqlite'
    ? sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`+${seconds} seconds`})`
    : sql<string>`to_char((clock_timestamp() + ${seconds}::numeric * interval '1 second') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * Named, expiring leadership in the shared store: at most one holder per name at a time, timed by the database's
 * clock. Each call is one statement, so two replicas racing for a lease cannot both win it.
 */
export class LeaseStore {
  constructor(private readonly store: Pick<Store, 'db' | 'dialect'>) {}

  /** Takes the lease if it is free, expired (by the database clock) or already `holder`'s; true when `holder` now has it. */
  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const { db, dialect } = this.store;
    const row = await retryWhileBusy(() =>
      db
        .insertInto('leases')
        .values({ name, holder, acquired_at: dbNowIso(dialect), expires_at: dbNowPlusIso(dialect, ttlMs) })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({
              holder: eb.ref('excluded.holder'),
              // A holder taking its own lease again keeps the time it first won it.
              acquired_at: eb.case().when('leases.holder', '=', eb.ref('excluded.holder')).then(eb.ref('leases.acquired_at')).else(eb.ref('excluded.acquired_at')).end(),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where((eb) => eb.or([eb('leases.holder', '=', eb.ref('excluded.holder')), eb('leases.expires_at', '<=', dbNowIso(dialect))])),
        )
        .returning('holder')
        .executeTakeFirst(),
    );
    return row?.holder === holder;
  }

  /** Extends `holder`'s unexpired lease by `ttlMs` from the database's now; false when it expired or is someone else's. */
  async renew(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const { db, dialect } = this.store;
    const result = await retryWhileBusy(() =>
      db
        .updateTable('leases')
        .set({ expires_at: dbNowPlusIso(dialect, ttlMs) })
        .where('name', '=', name)
        .where('holder', '=', holder)
        .where('expires_at', '>', dbNowIso(dialect))
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) > 0;
  }

  /** Gives the lease up if `holder` has it, so a successor need not wait for it to expire. */
  async release(name: string, holder: string): Promise<void> {
    await retryWhileBusy(() => this.store.db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute());
  }

  /** Who holds the lease now by the database clock, or undefined when nobody does. */
  async holderOf(name: string): Promise<string | undefined> {
    const { db, dialect } = this.store;
    const row = await db.selectFrom('leases').select('holder').where('name', '=', name).where('expires_at', '>', dbNowIso(dialect)).executeTakeFirst();
    return row?.holder;
  }
}
