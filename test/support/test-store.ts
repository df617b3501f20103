import { afterEach, inject } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { createTestDatabase, type StoreKind, type TestDatabase } from './test-database.js';

// The database helpers need no vitest (the benches use them too); they are re-exported for the tests.
export { createTestDatabase, PG_TEST_URL, type StoreKind, type TestDatabase } from './test-database.js';
/** Whether this run reaches PostgreSQL (test/support/postgres-setup.ts; CI requires it). */
export const POSTGRES_AVAILABLE = inject('postgresAvailable');
/** The engines every store test runs on: both, or SQLite alone on a machine without a PostgreSQL server. */
export const STORE_KINDS: readonly StoreKind[] = POSTGRES_AVAILABLE ? ['sqlite', 'postgres'] : ['sqlite'];
/** The engine replica tests share: PostgreSQL, or one SQLite file on this host when there is no server. */
export const REPLICA_STORE_KIND: StoreKind = POSTGRES_AVAILABLE ? 'postgres' : 'sqlite';

/** Opens a fresh store of the given kind with its drop; for tests that need one store and nothing else. */
export async function openTestStore(kind: StoreKind): Promise<{ store: Store; database: TestDatabase; close(): Promise<void> }> {
  const database = await createTestDatabase(kind);
  const store = await database.open();
  return {
    store,
    database,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

/**
 * One database per test, shared by every store a test opens on it (replicas), all closed and the database dropped
 * after each test: call inside a describe block, then `await open()` for each replica.
 */
export function sharedTestDatabase(kind: StoreKind): { open(): Promise<Store> } {
  const opened: Store[] = [];
  let database: TestDatabase | undefined;
  afterEach(async () => {
    // A test may have closed one itself (a replica stopping); closing it again is harmless.
    for (const s of opened.splice(0)) await s.close().catch(() => undefined);
    await database?.drop();
    database = undefined;
  });
  return {
    async open() {
      database ??= await createTestDatabase(kind);
      const store = await database.open();
      opened.push(store);
      return store;
    },
  };
}
