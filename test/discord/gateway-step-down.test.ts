import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GATEWAY_LEASE_NAME, type LeaseTiming } from '../../src/bots/discord/gateway-election.js';
import { startDiscord } from '../../src/bots/discord/start-discord.js';
import { parseEnv } from '../../src/env.js';
import { configureLogger } from '../../src/log/logger.js';
import { LeaseStore } from '../../src/store/lease-store.js';
import type { Store } from '../../src/store/open-store.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { createInteractionSigner, postInteraction } from '../fakes/discord-interaction-signer.js';
import { createTestDatabase, openTestStore, STORE_KINDS, type TestDatabase } from '../support/test-store.js';
import { testContext, testDatabase } from './bot-harness.js';

/** Takes the lease row's lock from another connection: PostgreSQL then makes a renewal wait, SQLite refuses it as busy. */
async function lockLeaseRow(database: TestDatabase): Promise<() => Promise<void>> {
  if (database.kind === 'sqlite') {
    const other = new Database(database.config.databasePath);
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const locker = new pg.Client({ connectionString: database.config.databaseUrl });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('SELECT * FROM leases WHERE name = $1 FOR UPDATE', [GATEWAY_LEASE_NAME]);
  return async () => {
    await locker.query('ROLLBACK');
    await locker.end();
  };
}

// A holder closing its session when it can no longer prove it holds the lease, in one process: the bot's real
// startDiscord against the fake gateway, the lease in the store, another connection playing the other replicas.
describe.each(STORE_KINDS)('a gateway holder that loses its lease, on %s', (kind) => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let holderStore: Store;
  let observer: Store;
  let leases: LeaseStore;
  let running: { stop(): Promise<void> } | undefined;
  const sqlite = testDatabase();

  beforeAll(() => {
    configureLogger({ level: 'silent', format: 'json', secrets: [] });
    return () => sqlite.remove();
  });

  beforeEach(async () => {
    fake = await startFakeDiscord();
    database = await createTestDatabase(kind);
    [holderStore, observer] = await Promise.all([database.open(), database.open()]);
    leases = new LeaseStore(observer);
  });

  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await Promise.all([holderStore.close(), observer.close()]);
    await database.drop();
    await fake.close();
  });

  async function holdGateway(timing: LeaseTiming): Promise<string> {
    const env = parseEnv({ DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: fake.apiUrl });
    running = await startDiscord(testContext(), env, { db: sqlite.db, election: { store: holderStore, timing } });
    await fake.waitForOpenSessions(1);
    const holder = await leases.holderOf(GATEWAY_LEASE_NAME);
    expect(holder).toBeDefined();
    return holder!;
  }

  it('closes its session when another replica has the lease, and leaves that replica\'s lease alone', async () => {
    await holdGateway({ ttlMs: 10_000, renewEveryMs: 200, retryEveryMs: 200 });
    await observer.db.updateTable('leases').set({ holder: 'another-replica' }).where('name', '=', GATEWAY_LEASE_NAME).execute();
    await fake.waitForOpenSessions(0);
    expect(await leases.holderOf(GATEWAY_LEASE_NAME)).toBe('another-replica');
    expect(fake.identifies).toHaveLength(1);
  });

  it('closes its session as soon as a renewal fails, while its lease still keeps the others out', async () => {
    const holder = await holdGateway({ ttlMs: 15_000, renewEveryMs: 200, retryEveryMs: 200 });
    // The replica's database connections are gone: every renewal from now on fails.
    await holderStore.close();
    await fake.waitForOpenSessions(0);
    expect(await leases.holderOf(GATEWAY_LEASE_NAME)).toBe(holder);
  });

  it('closes its session when a renewal hangs or stays locked out, before the lease it last renewed could pass on', { timeout: 40_000 }, async () => {
    const holder = await holdGateway({ ttlMs: 12_000, renewEveryMs: 3_000, retryEveryMs: 3_000 });
    const unlock = await lockLeaseRow(database);
    try {
      await fake.waitForOpenSessions(0, 20_000);
      expect(await leases.holderOf(GATEWAY_LEASE_NAME)).toBe(holder);
    } finally {
      await unlock();
    }
    expect(fake.identifies).toHaveLength(1);
  });

  it('refuses to start when the first login fails, and gives the lease back', async () => {
    fake.failNext('GET /gateway/bot', { status: 401, code: 0, message: '401: Unauthorized' });
    const env = parseEnv({ DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: fake.apiUrl });
    await expect(startDiscord(testContext(), env, { db: sqlite.db, election: { store: holderStore } })).rejects.toThrow(/rejected DISCORD_TOKEN/);
    expect(await leases.holderOf(GATEWAY_LEASE_NAME)).toBeUndefined();
  });
});

describe('one replica on SQLite', () => {
  it('runs the same election, holds the gateway at once and gives it back on stop', async () => {
    configureLogger({ level: 'silent', format: 'json', secrets: [] });
    const fake = await startFakeDiscord();
    const { store, close } = await openTestStore('sqlite');
    const sqlite = testDatabase();
    try {
      const env = parseEnv({ DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: fake.apiUrl });
      const running = await startDiscord(testContext(), env, { db: sqlite.db, election: { store } });
      expect(fake.identifies).toHaveLength(1);
      expect(running.connected()).toBe(true);
      await running.stop();
      await fake.waitForOpenSessions(0);
      expect(await new LeaseStore(store).holderOf(GATEWAY_LEASE_NAME)).toBeUndefined();
    } finally {
      sqlite.remove();
      await close();
      await fake.close();
    }
  });
});

describe('a replica standing by', () => {
  it('logs nothing in to the gateway and still answers signed interactions over HTTP', async () => {
    configureLogger({ level: 'silent', format: 'json', secrets: [] });
    const fake = await startFakeDiscord();
    const { store, close } = await openTestStore('sqlite');
    const sqlite = testDatabase();
    const signer = createInteractionSigner();
    await new LeaseStore(store).acquire(GATEWAY_LEASE_NAME, 'another-replica', 60_000);
    const env = parseEnv({ DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: signer.publicKeyHex });
    const running = await startDiscord(testContext(), env, { db: sqlite.db, election: { store } });
    const server = createServer(running.interactions);
    try {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const body = JSON.stringify({ id: '900000000000000998', application_id: '900000000000000001', type: 1, token: 'ping-token', version: 1 });
      const answer = await postInteraction(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, body, signer.headers(body));
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ type: 1 });
      expect(fake.identifies).toEqual([]);
      expect(running.connected()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await running.stop();
      sqlite.remove();
      await close();
      await fake.close();
    }
  });
});
