import { sql, type Kysely } from 'kysely';
import type { Store } from './open-store.js';
import type { StoreTables } from './store-tables.js';

/**
 * Runs `work` in one write transaction. On SQLite it is BEGIN IMMEDIATE, which takes the write lock before the first
 * read, so a read-then-write cannot be overtaken by another process (a deferred BEGIN would fail to upgrade instead);
 * on PostgreSQL an ordinary transaction, with row-level locking done by the statements themselves.
 */
export async function writeTransaction<T>(store: Store, work: (trx: Kysely<StoreTables>) => Promise<T>): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (conn) => {
    await sql.raw('BEGIN IMMEDIATE').execute(conn);
    try {
      const result = await work(conn);
      await sql.raw('COMMIT').execute(conn);
      return result;
    } catch (err) {
      await sql.raw('ROLLBACK').execute(conn);
      throw err;
    }
  });
}
