import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';
import { LATEST_SCHEMA_VERSION } from './migrations/all-migrations.js';

/** Thrown when the database was migrated by a newer Strikewire: running on it could corrupt what it added. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the database has schema version ${found}, newer than this Strikewire knows (${known})`);
    this.name = 'NewerSchemaError';
  }
}

/** Refuses a database whose highest applied migration is beyond this code's last one. */
export function refuseNewerSchema(db: Database.Database): void {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) return;
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  // The Kysely migrations (openStore) go further than these on the same file; this code knows those versions too.
  const known = Math.max(MIGRATIONS.at(-1)?.version ?? 0, LATEST_SCHEMA_VERSION);
  if (row.version !== null && row.version > known) throw new NewerSchemaError(row.version, known);
}
