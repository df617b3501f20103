import { sql, type Kysely } from 'kysely';
import type { StoreTables } from './store-tables.js';

/** Refusals a member keeps trying are counted, not stored one by one, and kept this many days. */
export const REFUSALS_KEPT_DAYS = 30;

/** One edit_attempts row as logged (count and id are the database's). */
export interface AttemptRow {
  at: string;
  day: string;
  platform: string;
  user_id: string | null;
  action: string;
  allowed: number;
  detail: string | null;
}

/**
 * Logs a refused edit by a known user: one row per user per day with a count (the day's first action and detail, the latest time),
 * so a member retrying a refused command cannot grow the table; rows older than the keep are pruned.
 */
export async function logRefusal(db: Kysely<StoreTables>, row: AttemptRow): Promise<void> {
  await db
    .insertInto('edit_attempts')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['platform', 'user_id', 'day'])
        // The partial index's own predicate, spelt as literals: SQLite matches it against the index's text.
        .where('allowed', '=', sql.lit(0))
        .where('user_id', 'is not', null)
        .doUpdateSet((eb) => ({ count: eb('edit_attempts.count', '+', 1), at: eb.ref('excluded.at') })),
    )
    .execute();
  const cutoff = new Date(new Date(row.at).getTime() - REFUSALS_KEPT_DAYS * 86_400_000).toISOString().slice(0, 10);
  await db.deleteFrom('edit_attempts').where('allowed', '=', 0).where('day', '<', cutoff).execute();
}
