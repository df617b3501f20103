import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import type { StoreTables } from '../store-tables.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './all-migrations.js';

/** Thrown when the database was migrated by a newer Strikewire: running on it could corrupt what it added. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the database has schema version ${found}, newer than this Strikewire knows (${known})`);
  }
}

async function appliedVersions(db: Kysely<StoreTables>): Promise<Set<number>> {
  const rows = await db.selectFrom('schema_migrations').select('version').execute();
  return new Set(rows.map((r) => Number(r.version)));
}

/**
 * Brings the schema up to date, refusing a database newer than this code. Safe when several replicas start at the
 * same moment: on PostgreSQL every step runs under one advisory lock (per schema), on SQLite each migration takes the
 * write lock (BEGIN IMMEDIATE) before looking, so the second process waits and then finds the work done.
 */
export async function runMigrations(db: Kysely<StoreTables>, dialect: StoreDialect, now: () => Date = () => new Date()): Promise<number[]> {
  return db.connection().execute(async (conn) => {
    if (dialect === 'postgres') await sql`select pg_advisory_lock(hashtext('strikewire-migrations:' || current_schema()))`.execute(conn);
    try {
      await conn.schema
        .createTable('schema_migrations')
        .ifNotExists()
        .addColumn('version', 'integer', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      const newest = Math.max(0, ...(await appliedVersions(conn)));
      if (newest > LATEST_SCHEMA_VERSION) throw new NewerSchemaError(newest, LATEST_SCHEMA_VERSION);
      const applied: number[] = [];
      for (const m of MIGRATIONS) {
        await sql.raw(dialect === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(conn);
        try {
          if (!(await appliedVersions(conn)).has(m.version)) {
            await m.up(conn, dialect);
            await conn.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: now().toISOString() }).execute();
            applied.push(m.version);
          }
          await sql.raw('COMMIT').execute(conn);
        } catch (err) {
          await sql.raw('ROLLBACK').execute(conn);
          throw err;
        }
      }
      return applied;
    } finally {
      if (dialect === 'postgres') await sql`select pg_advisory_unlock(hashtext('strikewire-migrations:' || current_schema()))`.execute(conn);
    }
  });
}
