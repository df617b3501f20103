import type Database from 'better-sqlite3';

/** Rewrites the one health_probe row: throws when the database no longer takes writes (read-only, full, locked). */
export function probeWrite(db: Database.Database, now: Date): void {
  db.prepare('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at').run(now.toISOString());
}
