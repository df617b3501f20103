import { describe, expect, it } from 'vitest';
import { retryWhileBusy } from '../../src/store/busy-retry.js';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { sharedTestDatabase, STORE_KINDS } from '../support/test-store.js';

const T0 = new Date('2024-03-10T16:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(STORE_KINDS)('SubscriptionStore on %s', (kind) => {
  const { open } = sharedTestDatabase(kind);

  it('keeps one subscription per channel; re-subscribing changes it and lifts a pause', async () => {
    const subs = new SubscriptionStore(await open());
    const first = await subs.upsert({ platform: 'discord', channelId: '42', workspaceId: 'G', localTime: '09:00', timeZone: 'Europe/London', createdBy: 'u1' }, at(0));
    expect(first.previous).toBeUndefined();
    await subs.pause(first.subscription.id, 'Missing Access', at(1));
    expect(await subs.listActive()).toEqual([]);
    const again = await subs.upsert({ platform: 'discord', channelId: '42', localTime: '07:15', timeZone: 'America/Los_Angeles', createdBy: 'u2' }, at(2));
    expect(again.previous?.pausedReason).toBe('Missing Access');
    expect(again.subscription).toMatchObject({ id: first.subscription.id, workspaceId: 'G', localTime: '07:15', createdBy: 'u1', activeSince: at(2) });
    expect(again.subscription.pausedReason).toBeUndefined();
    const same = await subs.upsert({ platform: 'discord', channelId: '42', localTime: '07:15', timeZone: 'America/Los_Angeles', createdBy: 'u3' }, at(3));
    expect(same.subscription.activeSince).toEqual(at(2));
    expect(await subs.get(first.subscription.id)).toEqual(same.subscription);
    expect(await subs.remove('discord', '42')).toBe(true);
    expect(await subs.remove('discord', '42')).toBe(false);
    expect(await subs.get(first.subscription.id)).toBeUndefined();
  });

  it('GIVEN a subscription made through one store THEN a second store on the same database sees it at once', async () => {
    const [a, b] = [await open(), await open()];
    const input = { platform: 'slack' as const, channelId: 'C9', workspaceId: 'T1', localTime: '08:30', timeZone: 'Europe/Berlin', createdBy: 'U1' };
    const { subscription } = await new SubscriptionStore(a).upsert(input, at(0));
    const seen = new SubscriptionStore(b);
    expect(await seen.find('slack', 'C9')).toEqual(subscription);
    expect(await seen.listActive()).toEqual([subscription]);
    // Unsubscribing on the second removes it for the first, with its delivery history.
    const deliveries = new DeliveryStore(a);
    const slot = { subscriptionId: subscription.id, localDate: '2024-03-10', dueAt: T0, late: false };
    expect(await deliveries.claim(slot, 'p', at(0), at(5))).toBeDefined();
    expect(await seen.remove('slack', 'C9')).toBe(true);
    expect(await new SubscriptionStore(a).find('slack', 'C9')).toBeUndefined();
    expect(await deliveries.get(slot)).toBeUndefined();
  });

  it('GIVEN two replicas subscribing one channel at once THEN there is one subscription, and the second sees the first as previous', async () => {
    const [a, b] = [await open(), await open()];
    const input = { platform: 'discord' as const, channelId: '77', localTime: '09:00', timeZone: 'UTC', createdBy: 'u1' };
    // SQLite refuses the second writer at once (busy) and the caller retries; PostgreSQL makes it wait for the first.
    const policy = { budgetMs: 5_000, firstDelayMs: 1, maxDelayMs: 5 };
    const results = await Promise.all([a, b].map((s) => retryWhileBusy(() => new SubscriptionStore(s).upsert(input, at(0)), policy)));
    expect(new Set(results.map((r) => r.subscription.id)).size).toBe(1);
    expect(results.filter((r) => r.previous === undefined)).toHaveLength(1);
    expect((await new SubscriptionStore(a).listActive()).map((s) => s.channelId)).toEqual(['77']);
  });
});
