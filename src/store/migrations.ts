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
  {
    version: 2,
    name: 'editor updates, corrections and which digests carried them',
    sql: `
      CREATE TABLE updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        content TEXT NOT NULL,
        author TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('editor', 'ingest')),
        recorded_at TEXT NOT NULL,
        unverified INTEGER NOT NULL DEFAULT 0,
        verified_at TEXT,
        verified_by TEXT,
        amended_at TEXT,
        retracted_at TEXT
      );
      CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        update_id INTEGER NOT NULL REFERENCES updates(id),
        kind TEXT NOT NULL CHECK (kind IN ('amend', 'retract')),
        reason TEXT NOT NULL CHECK (length(reason) > 0),
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        before_content TEXT NOT NULL,
        after_content TEXT,
        published INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX corrections_by_time ON corrections (created_at);
      CREATE TABLE update_deliveries (
        update_id INTEGER NOT NULL REFERENCES updates(id),
        subscription_id INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (update_id, subscription_id, local_date),
        FOREIGN KEY (subscription_id, local_date) REFERENCES deliveries (subscription_id, local_date) ON DELETE CASCADE
      );
      CREATE TABLE correction_edits (
        correction_id INTEGER NOT NULL REFERENCES corrections(id),
        subscription_id INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('edited', 'failed')),
        error TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (correction_id, subscription_id, local_date)
      );
      CREATE TABLE edit_attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        platform TEXT NOT NULL,
        user_id TEXT,
        action TEXT NOT NULL,
        allowed INTEGER NOT NULL,
        detail TEXT
      );
    `,
  },
  {
    version: 3,
    name: 'interaction claims: one write or post per platform interaction id, across restarts and processes',
    sql: `
      CREATE TABLE interaction_claims (
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        key TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        result TEXT,
        PRIMARY KEY (platform, key)
      );
      CREATE INDEX interaction_claims_by_expiry ON interaction_claims (expires_at);
    `,
  },
  {
    version: 4,
    name: 'share tokens: unguessable Share button ids with their owner, channel and expiry, used once',
    sql: `
      CREATE TABLE share_tokens (
        token TEXT PRIMARY KEY,
        platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
        owner_user_id TEXT NOT NULL,
        channel_id TEXT,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        shared_at TEXT
      );
      CREATE INDEX share_tokens_by_expiry ON share_tokens (expires_at);
    `,
  },
  {
    version: 5,
    name: 'health probe: one row the start-up check and /healthz rewrite, to prove the database still takes writes',
    sql: `
      CREATE TABLE health_probe (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        checked_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'patches beside form updates: what kind of content each stored row holds',
    sql: `
      ALTER TABLE updates ADD COLUMN kind TEXT NOT NULL DEFAULT 'update' CHECK (kind IN ('update', 'patch'));
    `,
  },
  {
    version: 7,
    name: 'refused edit attempts: one counted row per user per day, pruned by age',
    sql: `
      ALTER TABLE edit_attempts ADD COLUMN day TEXT;
      ALTER TABLE edit_attempts ADD COLUMN count INTEGER NOT NULL DEFAULT 1;
      UPDATE edit_attempts SET day = substr(at, 1, 10);
      -- Fold the refusals already logged into one row per user per day before the unique index can hold.
      UPDATE edit_attempts SET count = (
        SELECT COUNT(*) FROM edit_attempts o WHERE o.allowed = 0 AND o.platform = edit_attempts.platform AND o.user_id = edit_attempts.user_id AND o.day = edit_attempts.day
      ) WHERE allowed = 0 AND user_id IS NOT NULL;
      DELETE FROM edit_attempts WHERE allowed = 0 AND user_id IS NOT NULL AND id NOT IN (
        SELECT MAX(id) FROM edit_attempts WHERE allowed = 0 AND user_id IS NOT NULL GROUP BY platform, user_id, day
      );
      CREATE UNIQUE INDEX edit_attempts_refused_per_user_day ON edit_attempts (platform, user_id, day) WHERE allowed = 0 AND user_id IS NOT NULL;
      CREATE INDEX edit_attempts_refused_by_day ON edit_attempts (day) WHERE allowed = 0;
    `,
  },
  {
    version: 8,
    name: 'private evidence beside drafted patches: the article sentences an editor checks a draft against, never published',
    sql: `
      CREATE TABLE patch_evidence (
        update_id INTEGER PRIMARY KEY REFERENCES updates (id),
        content TEXT NOT NULL,
        recorded_at TEXT NOT NULL
      );
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
