import type Database from 'better-sqlite3';

/** Refusals a member keeps trying are counted, not stored one by one, and kept this many days. */
export const REFUSALS_KEPT_DAYS = 30;

/**
 * Logs a refused edit by a known user: one row per user per day with a count (the day's first action and detail, the latest time),
 * so a member retrying a refused command cannot grow the table; rows older than the keep are pruned.
 */
export function logRefusal(db: Database.Database, row: unknown[]): void {
  db.prepare(
    `INSERT INTO edit_attempts (at, day, platform, user_id, action, allowed, detail) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (platform, user_id, day) WHERE allowed = 0 AND user_id IS NOT NULL
     DO UPDATE SET count = count + 1, at = excluded.at`,
  ).run(...row);
  const cutoff = new Date(new Date(String(row[0])).getTime() - REFUSALS_KEPT_DAYS * 86_400_000).toISOString().slice(0, 10);
  db.prepare('DELETE FROM edit_attempts WHERE allowed = 0 AND day < ?').run(cutoff);
}

