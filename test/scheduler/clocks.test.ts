import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestChannelError, type DigestChannel } from '../../src/scheduler/digest-channel.js';
import { LeaseStore } from '../../src/store/lease-store.js';
import { MemoryDigestChannel } from './memory-digest-channel.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';
import { digestWorld, ManualClock } from './scheduler-harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
afterEach(() => {
  vi.useRealTimers();
});

/** A channel whose posts wait until released, so a second process can act while the first one is sending. */
function heldChannel(inner: MemoryDigestChannel): { channel: DigestChannel; posting: Promise<void>; release(): void } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const posting = new Promise<void>((r) => (started = r));
  return {
    channel: {
      post: async (...args) => {
        started();
        await gate;
        return inner.post(...args);
      },
      findPosted: (target, key) => inner.findPosted(target, key),
      edit: () => inner.edit(),
    },
    posting,
    release,
  };
}

describe.each(STORE_KINDS)('two processes on one %s database with clocks 6 minutes apart', (kind) => {
  let shared: TestDatabase | undefined;
  afterEach(async () => {
    await shared?.drop();
    shared = undefined;
  });
  /** Two replicas on one fresh database. */
  async function twoWorlds() {
    shared = await createTestDatabase(kind);
    return [await digestWorld(shared), await digestWorld(shared)] as const;
  }

  it('takes leases in the database’s clock, so the process running ahead never takes over a live claim', async () => {
    const [a, b] = await twoWorlds();
    await a.subscriptions.upsert({ platform: 'slack', channelId: 'C1', localTime: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2024-06-01T00:00:00Z'));
    // The database's clock, shared; each process has its own wall clock, B's six minutes ahead of A's.
    const database = new ManualClock(new Date('2024-06-05T09:00:05Z'));
    const clockA = new ManualClock(new Date('2024-06-05T09:00:05Z'));
    const clockB = new ManualClock(new Date('2024-06-05T09:06:05Z'));
    const posts = new MemoryDigestChannel(clockA.now);
    const held = heldChannel(posts);
    const first = a.scheduler(clockA.now, { slack: held.channel }, { leaseClock: database.now, owner: 'A' }).tick();
    await held.posting;
    database.advance(10_000);
    clockB.advance(10_000);
    // By B's own clock A's 30-second lease ran out minutes ago; by the database's it has 20 seconds left.
    expect(await b.scheduler(clockB.now, { slack: posts }, { leaseClock: database.now, owner: 'B' }).tick()).toMatchObject({ posted: 0, taken: 1 });
    held.release();
    expect(await first).toMatchObject({ posted: 1 });
    expect(posts.postsTo('C1')).toHaveLength(1);
    await a.store.close();
    await b.store.close();
  });

  it('a delivery held up longer than its 30-second lease keeps its claim: it is renewed while the work goes on', async () => {
    const [a, b] = await twoWorlds();
    await a.subscriptions.upsert({ platform: 'slack', channelId: 'C4', localTime: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2024-06-01T00:00:00Z'));
    const database = new ManualClock(new Date('2024-06-05T09:00:05Z'));
    const posts = new MemoryDigestChannel(database.now);
    const held = heldChannel(posts);
    // Each renewal is seen as it lands, so the test moves the database clock only after one.
    let renewed!: () => void;
    let nextRenewal = new Promise<void>((r) => (renewed = r));
    const renew = a.deliveries.renew.bind(a.deliveries);
    a.deliveries.renew = async (...args) => {
      const held = await renew(...args);
      renewed();
      return held;
    };
    const first = a.scheduler(database.now, { slack: held.channel }, { leaseClock: database.now, owner: 'A', renewEveryMs: 5 }).tick();
    await held.posting;
    for (let i = 0; i < 3; i++) {
      database.advance(25_000);
      nextRenewal = new Promise<void>((r) => (renewed = r));
      await nextRenewal;
    }
    // 75 s after the claim, far past one lease: B finds it held and leaves it.
    expect(await b.scheduler(database.now, { slack: posts }, { leaseClock: database.now, owner: 'B' }).tick()).toMatchObject({ posted: 0, taken: 0 });
    held.release();
    expect(await first).toMatchObject({ posted: 1 });
    expect(posts.postsTo('C4')).toHaveLength(1);
    await a.store.close();
    await b.store.close();
  });

  it('with lane leases, one process at a time fans a platform out; the other leaves the lane alone until it is handed back', async () => {
    const [a, b] = await twoWorlds();
    for (const channelId of ['C5', 'C6']) await a.subscriptions.upsert({ platform: 'slack', channelId, localTime: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2024-06-01T00:00:00Z'));
    const database = new ManualClock(new Date('2024-06-05T09:00:05Z'));
    const posts = new MemoryDigestChannel(database.now);
    const held = heldChannel(posts);
    const lanes = { laneLeases: new LeaseStore(a.store), concurrency: 1 };
    const first = a.scheduler(database.now, { slack: held.channel }, { leaseClock: database.now, owner: 'A', ...lanes }).tick();
    await held.posting;
    // Without the lane B would claim C6 and post it beside A; with it B leaves the whole lane to A.
    const bLanes = { laneLeases: new LeaseStore(b.store), concurrency: 1 };
    expect(await b.scheduler(database.now, { slack: posts }, { leaseClock: database.now, owner: 'B', ...bLanes }).tick()).toMatchObject({ posted: 0, taken: 0 });
    held.release();
    expect(await first).toMatchObject({ posted: 2 });
    expect([...posts.postsTo('C5'), ...posts.postsTo('C6')]).toHaveLength(2);
    // Handed back: B may take the lane at once (nothing is due now).
    expect(await new LeaseStore(b.store).acquire('digest-lane:slack', 'B', 30_000)).toBe(true);
    await a.store.close();
    await b.store.close();
  });

  it('a process whose claim was taken over stops before it sends, not after', async () => {
    const [a, b] = await twoWorlds();
    await a.subscriptions.upsert({ platform: 'slack', channelId: 'C2', localTime: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2024-06-01T00:00:00Z'));
    const database = new ManualClock(new Date('2024-06-05T09:00:05Z'));
    const posts = new MemoryDigestChannel(database.now);
    // A's first attempt fails after a while; meanwhile its lease runs out and B takes the slot and posts.
    let failFirst = true;
    let entered!: () => void;
    const inFirstAttempt = new Promise<void>((r) => (entered = r));
    let resume!: () => void;
    const resumed = new Promise<void>((r) => (resume = r));
    const flaky: DigestChannel = {
      post: async (...args) => {
        if (!failFirst) return posts.post(...args);
        failFirst = false;
        entered();
        await resumed;
        throw new DigestChannelError('rate-limited', '429', 'slow down', 1);
      },
      findPosted: (target, key) => posts.findPosted(target, key),
      edit: () => posts.edit(),
    };
    const logs: string[] = [];
    const first = a.scheduler(database.now, { slack: flaky }, { leaseClock: database.now, owner: 'A', log: (m) => logs.push(m) }).tick();
    await inFirstAttempt;
    database.advance(6 * MINUTE);
    expect(await b.scheduler(database.now, { slack: posts }, { leaseClock: database.now, owner: 'B' }).tick()).toMatchObject({ reconciled: 0, posted: 1 });
    resume();
    expect(await first).toMatchObject({ 'claim-lost': 1, posted: 0 });
    expect(posts.postsTo('C2')).toHaveLength(1);
    expect(logs.some((l) => l.includes('claim was lost'))).toBe(true);
    await a.store.close();
    await b.store.close();
  });
});

describe('wall-clock jumps', () => {
  it('never posts tomorrow’s digest when the wall clock jumps a day ahead, and posts each day at its real time', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'], now: new Date('2024-06-05T08:00:00Z') });
    const world = await digestWorld();
    await world.subscriptions.upsert({ platform: 'slack', channelId: 'C3', localTime: '09:00', timeZone: 'UTC', createdBy: 'U1' }, new Date('2024-06-01T00:00:00Z'));
    const wall = () => new Date();
    const channel = new MemoryDigestChannel(wall);
    const logs: string[] = [];
    const scheduler = world.scheduler(wall, { slack: channel }, { monotonicNow: () => performance.now(), log: (m) => logs.push(m) });
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    // The wall clock jumps 24 h ahead; the monotonic clock only sees a minute pass.
    vi.advanceTimersByTime(MINUTE);
    vi.setSystemTime(new Date(Date.now() + 24 * HOUR));
    expect(await scheduler.tick()).toMatchObject({ posted: 0, 'posted-late': 0 });
    expect(channel.postsTo('C3')).toEqual([]);
    expect(logs.some((l) => l.startsWith('clock jump'))).toBe(true);
    // It jumps back; at the real 09:00 today's digest goes out, and tomorrow's at tomorrow's 09:00.
    vi.setSystemTime(new Date(Date.now() - 24 * HOUR));
    vi.advanceTimersByTime(HOUR);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    vi.advanceTimersByTime(24 * HOUR);
    expect(await scheduler.tick()).toMatchObject({ posted: 1 });
    expect(channel.postsTo('C3').map((p) => p.key)).toEqual([expect.stringMatching(/-20240605$/), expect.stringMatching(/-20240606$/)]);
  });
});
