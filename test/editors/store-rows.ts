import { sql } from 'kysely';
import type { Store } from '../../src/store/open-store.js';
import type { StoreTables } from '../../src/store/store-tables.js';

/** How many rows a table holds, on either engine. */
export async function countRows(store: Store, table: keyof StoreTables): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Refused edit attempts in all (each counted row's count), optionally by one user. */
export async function refusalCount(store: Store, userId?: string): Promise<number> {
  let query = store.db.selectFrom('edit_attempts').select(sql<number | string | null>`SUM(count)`.as('n')).where('allowed', '=', 0);
  if (userId) query = query.where('user_id', '=', userId);
  return Number((await query.executeTakeFirstOrThrow()).n ?? 0);
}
