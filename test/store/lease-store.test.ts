import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { LeaseStore } from '../../src/store/lease-store.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';

const NAME = 'discord-gateway';
const MINUTE = 60_000;

describe.each(STORE_KINDS)('leases on %s', (kind) => {
  let database: TestDatabase | undefined;
  const stores: Store[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await database?.drop();
    database = undefined;
  });

  async function replicas(count: number): Promise<LeaseStore[]> {
    database = await createTestDatabase(kind);
    const opened = await Promise.all(Array.from({ length: count }, () => database!.open()));
    stores.push(...opened);
    return opened.map((s) => new LeaseStore(s));
  }

  it('gives a lease to one holder at a time, and again to the holder that has it', async () => {
    const [a, b] = await replicas(2);
    expect(await a!.acquire(NAME, 'replica-a', MINUTE)).toBe(true);
    expect(await b!.acquire(NAME, 'replica-b', MINUTE)).toBe(false);
    expect(await a!.acquire(NAME, 'replica-a', MINUTE)).toBe(true);
    expect(await b!.holderOf(NAME)).toBe('replica-a');
    // Other names are other leases.
    expect(await b!.acquire('another-lease', 'replica-b', MINUTE)).toBe(true);
  });

  it('lets another holder take a lease once it has expired by the database clock', async () => {
    const [a, b] = await replicas(2);
    // A lease of 0 ms has expired by the next statement the database runs.
    expect(await a!.acquire(NAME, 'replica-a', 0)).toBe(true);
    expect(await b!.holderOf(NAME)).toBeUndefined();
    expect(await b!.acquire(NAME, 'replica-b', MINUTE)).toBe(true);
    expect(await a!.holderOf(NAME)).toBe('replica-b');
    expect(await a!.renew(NAME, 'replica-a', MINUTE)).toBe(false);
  });

  it('times leases by the database clock, whatever the process clock says', async () => {
    const [a, b] = await replicas(2);
    expect(await a!.acquire(NAME, 'replica-a', MINUTE)).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 24 * 60 * MINUTE);
    expect(await b!.acquire(NAME, 'replica-b', MINUTE)).toBe(false);
    expect(await b!.holderOf(NAME)).toBe('replica-a');
  });

  it('renews only for the holder, and only before the lease ran out', async () => {
    const [a, b] = await replicas(2);
    expect(await a!.acquire(NAME, 'replica-a', MINUTE)).toBe(true);
    expect(await b!.renew(NAME, 'replica-b', MINUTE)).toBe(false);
    expect(await a!.renew(NAME, 'replica-a', MINUTE)).toBe(true);
    expect(await b!.holderOf(NAME)).toBe('replica-a');

    expect(await a!.renew(NAME, 'replica-a', 0)).toBe(true);
    expect(await a!.renew(NAME, 'replica-a', MINUTE)).toBe(false);
    expect(await b!.renew('never-taken', 'replica-b', MINUTE)).toBe(false);
  });

  it('hands a released lease straight to the next taker; a release by someone else changes nothing', async () => {
    const [a, b] = await replicas(2);
    expect(await a!.acquire(NAME, 'replica-a', MINUTE)).toBe(true);
    await b!.release(NAME, 'replica-b');
    expect(await b!.holderOf(NAME)).toBe('replica-a');
    await a!.release(NAME, 'replica-a');
    expect(await a!.holderOf(NAME)).toBeUndefined();
    expect(await b!.acquire(NAME, 'replica-b', MINUTE)).toBe(true);
  });

  it('has exactly one winner when two processes race for a free lease', async () => {
    const [a, b] = await replicas(2);
    for (let round = 0; round < 5; round++) {
      const name = `race-${round}`;
      const attempts = Array.from({ length: 10 }, (_, i) => ({ store: i % 2 === 0 ? a! : b!, holder: `replica-${i}` }));
      const won = await Promise.all(attempts.map((t) => t.store.acquire(name, t.holder, MINUTE)));
      const winners = attempts.filter((_, i) => won[i]).map((t) => t.holder);
      expect(winners).toHaveLength(1);
      expect(await a!.holderOf(name)).toBe(winners[0]);
    }
  });
});
