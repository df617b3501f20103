import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { runMigrations } from './migrations/run-migrations.js';
import type { StoreDialect } from './store-dialect.js';
import type { StoreTables } from './store-tables.js';

/** Where the store lives: DATABASE_URL (PostgreSQL) when set, otherwise the SQLite file at DATABASE_PATH. */
export interface StoreConfig {
  databaseUrl?: string | undefined;
  databasePath: string;
}

/** An open store: one Kysely handle over either engine, which every store class is built on. */
export interface Store {
  dialect: StoreDialect;
  db: Kysely<StoreTables>;
  /** The setting that chose it, for messages: never the URL itself, which may hold a password. */
  setting: 'DATABASE_URL' | 'DATABASE_PATH';
  /** The SQLite connection, for the few SQLite-only checks (tests that lock the file); undefined on PostgreSQL. */
  sqlite?: Database.Database;
  /** The PostgreSQL pool, for LISTEN/NOTIFY and leader sessions; undefined on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

function openSqlite(path: string): Database.Database {
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
  } catch (err) {
    throw new Error(`Could not open the database at ${path} (DATABASE_PATH): ${(err as Error).message}`, { cause: err });
  }
  db.pragma('journal_mode = WAL');
  // At start-up nothing is being acknowledged yet, so a second process starting at once may simply wait its turn.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  return db;
}

let sqliteMigrations: Promise<unknown> = Promise.resolve();

/** Opens the store named by the config and brings its schema up to date (refusing one newer than this code). */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    // A server that silently drops packets must fail start-up, not hang it; a row another replica keeps locked must
    // come back as busy (55P03, retried by busy-retry.ts) within a user's acknowledgement, not wait for ever.
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, connectionTimeoutMillis: 10_000 });
    // Set per connection rather than in the URL's options, which a DATABASE_URL may carry for itself (a search_path);
    // pg queues it ahead of the connection's first query.
    pool.on('connect', (client) => void client.query('SET lock_timeout = 2000').catch(() => undefined));
    // An idle client's error (the server restarted) must not crash the process; the pool replaces the client.
    pool.on('error', () => undefined);
    const db = new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) });
    try {
      await runMigrations(db, 'postgres');
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return { dialect: 'postgres', db, setting: 'DATABASE_URL', pool, close: () => db.destroy() };
  }
  const sqlite = openSqlite(config.databasePath);
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  // SQLite waits for a lock synchronously (busy_timeout), which would stall a second connection opened by this same
  // process while the first one, awaiting, holds the lock; so this process migrates one connection at a time.
  const migrated = sqliteMigrations.then(() => runMigrations(db, 'sqlite'));
  sqliteMigrations = migrated.catch(() => undefined);
  try {
    await migrated;
  } catch (err) {
    await db.destroy();
    throw err;
  }
  // From here on, fail fast when another connection holds the lock: a synchronous wait would block the event loop,
  // and with it every acknowledgement. Waits happen asynchronously in retryWhileBusy (busy-retry.ts) instead.
  sqlite.pragma('busy_timeout = 0');
  return { dialect: 'sqlite', db, setting: 'DATABASE_PATH', sqlite, close: () => db.destroy() };
}
