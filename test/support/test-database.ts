import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/open-store.js';

/** One of the two engines. */
export type StoreKind = 'sqlite' | 'postgres';

/** The machines' PostgreSQL (trust auth); PG_TEST_URL overrides it. */
export const PG_TEST_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of its own for one test: a SQLite file in a temp folder, or a fresh PostgreSQL schema. */
export interface TestDatabase {
  kind: StoreKind;
  /** What to give openStore (or a child process's env) to reach this database. */
  config: { databaseUrl?: string; databasePath: string };
  /** Opens another store on the same database: a second replica. */
  open(): Promise<Store>;
  /** Drops the schema or removes the folder. */
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty database of the given kind; the caller drops it in afterEach/afterAll. */
export async function createTestDatabase(kind: StoreKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'strikewire-store-'));
    const config = { databasePath: join(dir, 'strikewire.db') };
    return { kind, config, open: () => openStore(config), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const url = new URL(PG_TEST_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const config = { databaseUrl: url.toString(), databasePath: '' };
  return { kind, config, open: () => openStore(config), drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

