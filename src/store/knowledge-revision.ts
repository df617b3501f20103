import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './store-dialect.js';
import type { StoreTables } from './store-tables.js';

/** The revision of the stored knowledge: the latest update and correction, and how many updates are verified. */
export async function readRevision(db: Kysely<StoreTables>): Promise<string> {
  const { rows } = await sql<{ u: number | string; c: number | string; v: number | string }>`
    SELECT (SELECT COALESCE(MAX(id), 0) FROM updates) AS u, (SELECT COALESCE(MAX(id), 0) FROM corrections) AS c,
           (SELECT COUNT(*) FROM updates WHERE verified_at IS NOT NULL) AS v`.execute(db);
  const row = rows[0]!;
  return `${Number(row.u)}:${Number(row.c)}:${Number(row.v)}`;
}

/**
 * Serializes writes to the knowledge across replicas until the transaction ends, so that a patch checked against
 * one revision is stored only if that is still the revision. SQLite's BEGIN IMMEDIATE already holds the only write
 * lock; PostgreSQL takes a transaction advisory lock named for this schema.
 */
export async function lockKnowledge(trx: Kysely<StoreTables>, dialect: StoreDialect): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(hashtext('strikewire_knowledge:' || current_schema()))`.execute(trx);
}
