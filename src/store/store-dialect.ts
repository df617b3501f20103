import { sql, type RawBuilder } from 'kysely';

/** Which engine a store runs on: embedded SQLite (DATABASE_PATH) or a PostgreSQL server (DATABASE_URL). */
export type StoreDialect = 'sqlite' | 'postgres';

/**
 * The few expressions the two engines spell differently; everything else goes through Kysely's builder as is.
 * The database's clock as an ISO instant with milliseconds, the same text both engines store.
 */
export function dbNowIso(dialect: StoreDialect): RawBuilder<string> {
  return dialect === 'sqlite'
    ? sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
    : sql<string>`to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The largest of several text values (SQLite's scalar max, PostgreSQL's greatest). */
export function greatest(dialect: StoreDialect, ...values: RawBuilder<unknown>[]): RawBuilder<string> {
  const fn = dialect === 'sqlite' ? sql`max` : sql`greatest`;
  return sql<string>`${fn}(${sql.join(values)})`;
}
