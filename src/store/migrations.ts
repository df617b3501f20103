import type Database from 'better-sqlite3';

/** One schema change; numbers only grow, and an applied migration is never edited. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest subscriptions and deliveries',
    sql: `
      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        workspace_id TEXT,
        channel_id TEXT NOT NULL,
        local_time TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        active_since TEXT NOT NULL,
        paused_reason TEXT,
        paused_at TEXT,
        UNIQUE (platform, channel_id)
      );
      CREATE TABLE deliveries (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        local_date TEXT NOT NULL,
        due_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('claimed', 'confirmed', 'skipped', 'failed')),
        late INTEGER NOT NULL DEFAULT 0,
        claim_owner TEXT,
        lease_until TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        retry_at TEXT,
        message_id TEXT,
        posted_at TEXT,
        error TEXT,
        updated_at TEXT NOT NULL,
        UNIQUE (subscription_id, local_date)
      );
      CREATE INDEX deliveries_by_date ON deliveries (local_date);
    `,
  },
];

/** Applies every migration not yet recorded, each in its own transaction; safe when two processes start at once. */
export function migrate(db: Database.Database, now: () => Date = () => new Date()): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    // IMMEDIATE takes the write lock before the check, so a second process waits and then sees the row.
    db.transaction(() => {
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
