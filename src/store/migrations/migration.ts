import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/** One numbered schema change, written once with Kysely's schema builder so both dialects get the same tables. */
export interface Migration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on the schema as it was then, not today's types
  up(db: Kysely<any>, dialect: StoreDialect): Promise<void>;
}

/** An auto-numbered primary key: SQLite's AUTOINCREMENT (ids never reused) or PostgreSQL's identity column. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: StoreDialect): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** A CHECK that a column holds one of a few words. */
export function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
