import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../src/store/migrations/all-migrations.js';
import { NewerSchemaError } from '../../src/store/migrations/run-migrations.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';

describe.each(STORE_KINDS)('migrations on %s', (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('records every numbered migration once, even when two replicas start at the same moment', async () => {
    database = await createTestDatabase(kind);
    const stores = await Promise.all([database.open(), database.open(), database.open()]);
    const rows = await stores[0]!.db.selectFrom('schema_migrations').select(['version']).orderBy('version').execute();
    expect(rows.map((r) => Number(r.version))).toEqual(Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('refuses a database migrated by a newer Strikewire', async () => {
    database = await createTestDatabase(kind);
    const store = await database.open();
    await store.db.insertInto('schema_migrations').values({ version: LATEST_SCHEMA_VERSION + 1, name: 'from the future', applied_at: new Date().toISOString() }).execute();
    await store.close();
    await expect(database.open()).rejects.toBeInstanceOf(NewerSchemaError);
  });
});
