import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.js';
import { refuseNewerSchema } from './schema-version.js';

/** Opens (creating if needed) the SQLite database at `path` in WAL mode and brings its schema up to date. */
export function openDatabase(path: string): Database.Database {
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
  refuseNewerSchema(db);
  migrate(db);
  // From here on, fail fast when another connection holds the lock: a synchronous wait would block the event loop,
  // and with it every acknowledgement. Waits happen asynchronously in retryWhileBusy (busy-retry.ts) instead.
  db.pragma('busy_timeout = 0');
  return db;
}
