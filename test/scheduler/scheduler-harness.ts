import { loadContext } from '../../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import type { DigestPlatform } from '../../src/core/digest/subscription-port.js';
import { DigestScheduler, type DigestSchedulerOptions } from '../../src/scheduler/digest-scheduler.js';
import type { DigestChannel } from '../../src/scheduler/digest-channel.js';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import { openStore } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import type { TestDatabase } from '../support/test-store.js';

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(private instant: Date) {}
  readonly now = () => new Date(this.instant);
  set(at: Date | string): void {
    this.instant = new Date(at);
  }
  advance(ms: number): void {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}

export const packContext = loadContext(WGA_2023_PACK_DIR);

/**
 * Stores on a SQLite file (or in memory) or on a test database of either engine (another replica each call), and
 * schedulers built on them with fast retries.
 */
export async function digestWorld(where: string | TestDatabase = ':memory:') {
  const store = typeof where === 'string' ? await openStore({ databasePath: where }) : await where.open();
  const subscriptions = new SubscriptionStore(store);
  const deliveries = new DeliveryStore(store);
  const sleeps: number[] = [];
  const scheduler = (clock: () => Date, channels: Partial<Record<DigestPlatform, DigestChannel>>, extra: Partial<DigestSchedulerOptions> = {}) =>
    new DigestScheduler({
      ctx: packContext,
      subscriptions,
      deliveries,
      channels,
      clock,
      policy: { transientAttempts: 4, baseDelayMs: 1, maxDelayMs: 4, rateLimitWaits: 5, defaultRetryAfterMs: 5 },
      sleep: async (ms) => {
        sleeps.push(ms);
        await new Promise((r) => setTimeout(r, Math.min(ms, 5)));
      },
      log: () => undefined,
      ...extra,
    });
  return { store, subscriptions, deliveries, scheduler, sleeps };
}
