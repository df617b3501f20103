import type { DeliveryRecord, DigestPlatform, DigestSubscription, DigestSubscriptionsPort } from '../core/digest/subscription-port.js';
import type { Clock } from '../core/time/clock.js';
import type { DeliveryStore } from '../store/delivery-store.js';
import type { SubscriptionInput } from '../core/digest/subscription-port.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import { nextDue } from './due-time.js';
import { retrying, type BusyRetryPolicy, type Retrying } from '../store/busy-retry.js';

/**
 * The digest command's view of subscriptions: the SQLite stores plus due-time computation. Every store call waits
 * out a locked database asynchronously (retrying), so a subscribe never blocks other users' answers.
 */
export class DigestSubscriptions implements DigestSubscriptionsPort {
  private readonly subscriptions: Retrying<SubscriptionStore>;
  private readonly deliveries: Retrying<DeliveryStore>;

  constructor(
    subscriptions: SubscriptionStore,
    deliveries: DeliveryStore,
    private readonly clock: Clock,
    busyRetry?: BusyRetryPolicy,
  ) {
    this.subscriptions = retrying(subscriptions, busyRetry);
    this.deliveries = retrying(deliveries, busyRetry);
  }

  async find(platform: DigestPlatform, channelId: string): Promise<DigestSubscription | undefined> {
    return this.subscriptions.find(platform, channelId);
  }

  async subscribe(input: SubscriptionInput): Promise<{ subscription: DigestSubscription; previous?: DigestSubscription }> {
    return this.subscriptions.upsert(input, this.clock());
  }

  async unsubscribe(platform: DigestPlatform, channelId: string): Promise<boolean> {
    return this.subscriptions.remove(platform, channelId);
  }

  async lastDelivery(subscriptionId: number): Promise<DeliveryRecord | undefined> {
    return this.deliveries.latest(subscriptionId);
  }

  async previousDigestAt(subscriptionId: number): Promise<Date | undefined> {
    return this.deliveries.lastPostedAt(subscriptionId);
  }

  /** The next slot from now that has not been delivered yet. */
  async nextRun(subscription: DigestSubscription): Promise<Date> {
    const now = this.clock();
    const from = now < subscription.activeSince ? subscription.activeSince : now;
    const next = nextDue(subscription, from);
    const done = await this.deliveries.get({ subscriptionId: subscription.id, localDate: next.localDate });
    if (!done || done.status === 'claimed') return next.dueAt;
    return nextDue(subscription, new Date(next.dueAt.getTime() + 1)).dueAt;
  }
}
