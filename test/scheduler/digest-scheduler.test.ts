import { afterEach, describe, expect, it, vi } from 'vitest';
import { digestSince } from '../../src/core/digest/digest-since.js';
import { DigestChannelError } from '../../src/scheduler/digest-channel.js';
import { dueInstant } from '../../src/scheduler/due-time.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';
import { MemoryDigestChannel } from './memory-digest-channel.js';
import { digestWorld, ManualClock, packContext } from './scheduler-harness.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Ticks the scheduler once a minute, as node-cron would, from `from` for `minutes`. */
async function tickEveryMinute(scheduler: { tick(): Promise<unknown> }, clock: ManualClock, from: string, minutes: number) {
  clock.set(from);
  for (let i = 0; i < minutes; i++, clock.advance(MINUTE)) await scheduler.tick();
}

describe.each([
  { zone: 'America/Los_Angeles', springForward: '2024-03-10', fallBack: '2024-11-03', repeated: '01:30', skipped: '02:30' },
  { zone: 'Europe/London', springForward: '2024-03-31', fallBack: '2024-10-27', repeated: '01:30', skipped: '01:30' },
])('GIVEN subscriptions in $zone', ({ zone, springForward, fallBack, repeated, skipped }) => {
  for (const [label, day, times] of [
    ['spring-forward', springForward, [skipped, '09:00']],
    ['fall-back', fallBack, [repeated, '09:00']],
  ] as const) {
    it(`across the ${label} day (${day}) THEN posts exactly one digest per local day, at the first moment the local time is reached`, async () => {
      const world = await digestWorld();
      const start = new Date(`${day}T00:00:00Z`).getTime() - 36 * HOUR;
      const clock = new ManualClock(new Date(start));
      const channel = new MemoryDigestChannel(clock.now);
      for (const [i, localTime] of times.entries()) {
        await world.subscriptions.upsert({ platform: 'slack', channelId: `C${i}`, localTime, timeZone: zone, createdBy: 'U1' }, new Date(start - HOUR));
      }
      const scheduler = world.scheduler(clock.now, { slack: channel });
      await tickEveryMinute(scheduler, clock, new Date(start).toISOString(), 72 * 60);

      for (const [i, localTime] of times.entries()) {
        const posts = channel.postsTo(`C${i}`);
        const localDates = [-2, -1, 0, 1, 2].map((d) => new Date(new Date(`${day}T12:00:00Z`).getTime() + d * 24 * HOUR).toISOString().slice(0, 10));
        const expected = localDates.map((date) => dueInstant(date, { localTime, timeZone: zone })).filter((t) => t.getTime() >= start && t.getTime() < start + 72 * HOUR);
        expect(posts.map((p) => p.at.toISOString())).toEqual(expected.map((t) => t.toISOString()));
        expect(new Set(posts.map((p) => p.key)).size).toBe(posts.length);
      }
      // The transition day's own slot is where the DST rule bites: check it explicitly.
      const transition = channel.postsTo('C0').find((p) => p.key.endsWith(day.replaceAll('-', '')));
      const expectedInstant = {
        '2024-03-10': '2024-03-10T10:00:00.000Z', // 02:30 PST does not exist: fires at 03:00 PDT
        '2024-11-03': '2024-11-03T08:30:00.000Z', // first 01:30, in PDT
        '2024-03-31': '2024-03-31T01:00:00.000Z', // 01:30 GMT does not exist: fires at 02:00 BST
        '2024-10-27': '2024-10-27T00:30:00.000Z', // first 01:30, in BST
      }[day];
      expect(transition?.at.toISOString()).toBe(expectedInstant);
    });
  }
});

describe('catch-up on start', () => {
  it('posts today’s missed digest marked late within 6 hours, records older ones as skipped and never floods the channel', async () => {
    const world = await digestWorld();
    const zone = 'Europe/London';
    await world.subscriptions.upsert({ platform: 'discord', channelId: '100', localTime: '08:00', timeZone: zone, createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'));
    await world.subscriptions.upsert({ platform: 'discord', channelId: '200', localTime: '03:00', timeZone: zone, createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'));
    // The bot was down from before 2024-06-03 until 10:30 London time on 2024-06-05.
    const clock = new ManualClock(new Date('2024-06-05T09:30:00Z'));
    const channel = new MemoryDigestChannel(clock.now);
    const summary = await world.scheduler(clock.now, { discord: channel }).start().finally(() => undefined);
    expect(channel.postsTo('100')).toHaveLength(1);
    expect(channel.postsTo('100')[0]!.digest.fallbackText).toContain('This digest is late: it was due Wed, Jun 5, 2024, 8:00 AM GMT+1');
    // 03:00 was 7.5 hours ago: skipped, like every earlier day.
    expect(channel.postsTo('200')).toHaveLength(0);
    expect(summary).toMatchObject({ 'posted-late': 1, skipped: 9 });
    const sub200 = (await world.subscriptions.find('discord', '200'))!;
    expect(await world.deliveries.latest(sub200.id)).toMatchObject({ localDate: '2024-06-05', status: 'skipped', error: expect.stringContaining('7 hours late') });
  });

  it('does not owe a digest for a slot that passed before the channel subscribed', async () => {
    const world = await digestWorld();
    const clock = new ManualClock(new Date('2024-06-05T17:00:00Z'));
    await world.subscriptions.upsert({ platform: 'slack', channelId: 'C9', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-05T16:30:00Z'));
    const channel = new MemoryDigestChannel(clock.now);
    const scheduler = world.scheduler(clock.now, { slack: channel });
    expect(await scheduler.runDueCheck(7)).toMatchObject({ posted: 0, 'posted-late': 0, skipped: 0 });
    clock.set('2024-06-06T16:00:00Z');
    expect(await scheduler.runDueCheck(1)).toMatchObject({ posted: 1 });
  });
});

describe('fan-out failures', () => {
  it('waits out a 429, retries transient failures, pauses a channel that is gone, and delivers the rest', async () => {
    const world = await digestWorld();
    const clock = new ManualClock(new Date('2024-06-05T16:00:00Z'));
    const channel = new MemoryDigestChannel(clock.now);
    for (const id of ['C-limited', 'C-flaky', 'C-gone', 'C-ok']) {
      await world.subscriptions.upsert({ platform: 'slack', channelId: id, localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'));
    }
    channel.failNext('C-limited', new DigestChannelError('rate-limited', '429', undefined, 20));
    channel.failNext('C-flaky', new DigestChannelError('transient', 'HTTP 500'), new DigestChannelError('transient', 'HTTP 503'));
    channel.failNext('C-gone', new DigestChannelError('channel-gone', 'not_in_channel', 'the bot is not a member of the channel'));
    const summary = await world.scheduler(clock.now, { slack: channel }).runDueCheck(1);
    expect(summary).toMatchObject({ posted: 3, paused: 1, failed: 0 });
    for (const id of ['C-limited', 'C-flaky', 'C-ok']) expect(channel.postsTo(id)).toHaveLength(1);
    expect(channel.attempts.filter((c) => c === 'C-gone')).toHaveLength(1);
    expect((await world.subscriptions.find('slack', 'C-gone'))?.pausedReason).toBe('not_in_channel: the bot is not a member of the channel');
    expect((await world.subscriptions.listActive()).map((s) => s.channelId)).not.toContain('C-gone');
  });

  it('gives up on a channel whose failures outlast the retries, and tries again after a while', async () => {
    const world = await digestWorld();
    const clock = new ManualClock(new Date('2024-06-05T16:00:00Z'));
    const channel = new MemoryDigestChannel(clock.now);
    await world.subscriptions.upsert({ platform: 'slack', channelId: 'C1', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'));
    channel.failNext('C1', ...Array.from({ length: 4 }, () => new DigestChannelError('transient', 'HTTP 502')));
    const scheduler = world.scheduler(clock.now, { slack: channel });
    expect(await scheduler.runDueCheck(1)).toMatchObject({ failed: 1 });
    clock.advance(MINUTE);
    expect(await scheduler.runDueCheck(1)).toMatchObject({ failed: 0, posted: 0 });
    clock.advance(5 * MINUTE);
    expect(await scheduler.runDueCheck(1)).toMatchObject({ posted: 1 });
    expect(channel.postsTo('C1')).toHaveLength(1);
  });
});

describe.each(STORE_KINDS)('exactly once across processes on one %s database', (kind) => {
  let shared: TestDatabase | undefined;
  afterEach(async () => {
    await shared?.drop();
    shared = undefined;
  });

  it('GIVEN two schedulers on one database ticking together THEN every channel gets one post', async () => {
    shared = await createTestDatabase(kind);
    const a = await digestWorld(shared);
    const b = await digestWorld(shared);
    const clock = new ManualClock(new Date('2024-06-05T16:00:00Z'));
    const channel = new MemoryDigestChannel(clock.now);
    for (let i = 0; i < 20; i++) {
      await a.subscriptions.upsert({ platform: 'slack', channelId: `C${i}`, localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'));
    }
    const [ra, rb] = await Promise.all([a.scheduler(clock.now, { slack: channel }, { concurrency: 3 }).runDueCheck(1), b.scheduler(clock.now, { slack: channel }, { concurrency: 3 }).runDueCheck(1)]);
    expect(channel.posts).toHaveLength(20);
    expect(new Set(channel.posts.map((p) => p.channelId)).size).toBe(20);
    expect(ra.posted + rb.posted).toBe(20);
    await a.store.close();
    await b.store.close();
  });
});

describe('exactly once across crashes', () => {
  it('GIVEN a claim left by a crashed process THEN waits for its lease, finds its post and confirms it without posting again', async () => {
    const world = await digestWorld();
    const clock = new ManualClock(new Date('2024-06-05T16:00:30Z'));
    const channel = new MemoryDigestChannel(clock.now);
    const sub = (await world.subscriptions.upsert({ platform: 'slack', channelId: 'C1', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'))).subscription;
    const other = (await world.subscriptions.upsert({ platform: 'slack', channelId: 'C2', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'))).subscription;
    const dueAt = new Date('2024-06-05T16:00:00Z');
    // The crashed process claimed both, posted C1's digest and died before confirming either.
    for (const s of [sub, other]) await world.deliveries.claim({ subscriptionId: s.id, localDate: '2024-06-05', dueAt, late: false }, 'dead', clock.now(), new Date(clock.now().getTime() + 5 * MINUTE));
    await channel.post({ platform: 'slack', channelId: 'C1' }, digestSince(packContext, { now: clock.now(), timeZone: sub.timeZone }), `sw${sub.id}-20240605`);

    const scheduler = world.scheduler(clock.now, { slack: channel });
    clock.advance(MINUTE);
    expect(await scheduler.start()).toMatchObject({ reconciled: 0, posted: 0 });
    await scheduler.stop();
    clock.advance(5 * MINUTE);
    expect(await scheduler.runDueCheck(1)).toMatchObject({ reconciled: 1, posted: 1 });
    expect(channel.postsTo('C1')).toHaveLength(1);
    expect(channel.postsTo('C2')).toHaveLength(1);
    expect(await world.deliveries.get({ subscriptionId: sub.id, localDate: '2024-06-05' })).toMatchObject({ status: 'confirmed', messageIds: ['m1'], attempts: 2 });
  });
});

describe('the minute tick', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is driven by node-cron once a minute after start', async () => {
    vi.useFakeTimers({ now: new Date('2024-06-05T15:59:30Z') });
    const world = await digestWorld();
    const clock = new ManualClock(new Date('2024-06-05T15:59:30Z'));
    const channel = new MemoryDigestChannel(clock.now);
    await world.subscriptions.upsert({ platform: 'slack', channelId: 'C1', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'u' }, new Date('2024-06-01T00:00:00Z'));
    const scheduler = world.scheduler(clock.now, { slack: channel }, { sleep: async () => undefined });
    await scheduler.start();
    expect(channel.posts).toHaveLength(0);
    clock.set('2024-06-05T16:00:00Z');
    await vi.advanceTimersByTimeAsync(31_000);
    expect(channel.posts).toHaveLength(1);
    clock.set('2024-06-05T16:01:00Z');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(channel.posts).toHaveLength(1);
    await scheduler.stop();
  });
});
