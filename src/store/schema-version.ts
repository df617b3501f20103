import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

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
  const known = MIGRATIONS.at(-1)?.version ?? 0;
  if (row.version !== null && row.version > known) throw new NewerSchemaError(row.version, known);
}
