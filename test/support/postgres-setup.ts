import pg from 'pg';
import type { TestProject } from 'vitest/node';

/** The machines' PostgreSQL (trust auth); PG_TEST_URL overrides it. Kept in step with test-store.ts. */
const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether the PostgreSQL half of the store suite can run here. */
    postgresAvailable: boolean;
  }
}

/**
 * Finds out once per run whether PostgreSQL is reachable. `npm test` on a fresh machine needs no database server:
 * without one, the store suite runs on SQLite alone and says so. CI sets STRIKEWIRE_REQUIRE_POSTGRES=1 (.ci/run),
 * where an unreachable server fails the run instead.
 */
export default async function setup(project: TestProject): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3_000 });
  let available = false;
  let problem = '';
  try {
    await client.connect();
    await client.query('SELECT 1');
    available = true;
  } catch (err) {
    problem = (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
  if (!available && process.env.STRIKEWIRE_REQUIRE_POSTGRES === '1') {
    throw new Error(`PostgreSQL is required (STRIKEWIRE_REQUIRE_POSTGRES=1) but ${new URL(PG_TEST_URL).host} cannot be reached: ${problem}`);
  }
  if (!available) {
    process.stderr.write(`\nPostgreSQL at ${new URL(PG_TEST_URL).host} cannot be reached (${problem}): the store suite and the replica tests run on SQLite only. Set PG_TEST_URL to run them on PostgreSQL too.\n\n`);
  }
  project.provide('postgresAvailable', available);
}
