import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { retryWhileBusy, StorageBusyError, storageTrouble } from '../../src/store/busy-retry.js';
import { probeWrite } from '../../src/store/health-probe.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

const now = new Date('2026-02-01T09:00:00Z');

describe.each(STORE_KINDS)('the health probe on %s', (kind) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('rewrites its one row, however often it runs', async () => {
    const { store, close } = await openTestStore(kind);
    closers.push(close);
    await probeWrite(store, now);
    await probeWrite(store, new Date(now.getTime() + 1000));
    expect(await store.db.selectFrom('health_probe').selectAll().execute()).toEqual([{ id: 1, checked_at: '2026-02-01T09:00:01.000Z' }]);
  });
});

describe('storage trouble on PostgreSQL, from the server itself', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('reads a write in a read-only transaction (a standby) as read-only', async () => {
    const { store, close } = await openTestStore('postgres');
    closers.push(close);
    const failure = await store.db
      .transaction()
      .execute(async (trx) => {
        await sql`set transaction read only`.execute(trx);
        await trx.insertInto('health_probe').values({ id: 1, checked_at: now.toISOString() }).execute();
      })
      .catch((err: unknown) => err);
    expect((failure as { code?: string }).code).toBe('25006');
    expect(storageTrouble(failure)).toBe('read-only');
  });

  it('reads a row lock it could not get in time as busy, and retries until the lock is released', async () => {
    const { store, database, close } = await openTestStore('postgres');
    const other = await database.open();
    closers.push(() => other.close(), close);
    await probeWrite(store, now);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    // Another replica holds the probe row until told to let go.
    const holder = other.db.transaction().execute(async (trx) => {
      await trx.updateTable('health_probe').set({ checked_at: now.toISOString() }).where('id', '=', 1).execute();
      locked();
      await released;
    });
    await holding;
    const tries: string[] = [];
    const write = () =>
      store.db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '20ms'`.execute(trx);
        await trx.updateTable('health_probe').set({ checked_at: '2026-02-01T09:00:02.000Z' }).where('id', '=', 1).execute();
      });
    const first = await write().catch((err: unknown) => err);
    expect((first as { code?: string }).code).toBe('55P03');
    expect(storageTrouble(first)).toBe('busy');
    // Retried while busy: the other replica finishes during the wait between tries, and the next try gets the lock.
    await retryWhileBusy(write, {
      budgetMs: 1000,
      firstDelayMs: 1,
      maxDelayMs: 1,
      sleep: async () => {
        tries.push('wait');
        release();
        await holder;
      },
    });
    expect(tries).toEqual(['wait']);
    expect((await store.db.selectFrom('health_probe').select('checked_at').executeTakeFirstOrThrow()).checked_at).toBe('2026-02-01T09:00:02.000Z');
  });
});

describe('storageTrouble', () => {
  it.each([
    ['SQLITE_BUSY', 'busy'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'busy'],
    ['40001', 'busy'],
    ['40P01', 'busy'],
    ['55P03', 'busy'],
    ['SQLITE_READONLY', 'read-only'],
    ['SQLITE_FULL', 'read-only'],
    ['25006', 'read-only'],
    ['53100', 'read-only'],
    ['23505', undefined],
    ['ECONNREFUSED', undefined],
  ])('reads %s as %s', (code, trouble) => {
    expect(storageTrouble(Object.assign(new Error('x'), { code }))).toBe(trouble);
  });

  it('gives up with StorageBusyError once the budget is spent', async () => {
    const busy = () => Promise.reject(Object.assign(new Error('could not serialize access'), { code: '40001' }));
    await expect(retryWhileBusy(busy, { budgetMs: 3, firstDelayMs: 1, maxDelayMs: 1, sleep: async () => undefined })).rejects.toBeInstanceOf(StorageBusyError);
  });
});
