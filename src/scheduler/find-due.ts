import type { DigestSubscription } from '../core/digest/subscription-port.js';
import type { StoredDelivery } from '../store/delivery-store.js';
import { localDate as localDateIn } from '../core/digest/zoned-time.js';
import { addLocalDays, dueInstant } from './due-time.js';

/** A digest up to this late is still posted (marked late); an older one is recorded as skipped. */
export const CATCH_UP_WINDOW_MS = 6 * 60 * 60 * 1000;
/** Posted this long after its due time, a digest says it is late (a missed tick or two is not "late"). */
export const LATE_AFTER_MS = 10 * 60 * 1000;

/** One thing the due check decided to do for one subscription and local date. */
export type DueAction =
  | { kind: 'deliver'; subscription: DigestSubscription; localDate: string; dueAt: Date; late: boolean; postIfMissing: boolean }
  | { kind: 'skip'; subscription: DigestSubscription; localDate: string; dueAt: Date; reason: string };

/** Key for looking up a delivery row by subscription and local date. */
export function slotKey(subscriptionId: number, localDate: string): string {
  return `${subscriptionId}@${localDate}`;
}

/**
 * What is due at `now`: for each subscription and each of the last `lookbackDays` local dates (and today), a
 * delivery to make, a claim abandoned by a crashed process to reconcile, or a missed digest to record as skipped.
 */
export function findDue(subscriptions: readonly DigestSubscription[], existing: ReadonlyMap<string, StoredDelivery>, now: Date, lookbackDays: number): DueAction[] {
  const actions: DueAction[] = [];
  for (const subscription of subscriptions) {
    const today = localDateIn(now, subscription.timeZone);
    for (let back = lookbackDays; back >= 0; back--) {
      const localDate = addLocalDays(today, -back);
      const dueAt = dueInstant(localDate, subscription);
      if (dueAt > now || dueAt < subscription.activeSince) continue;
      const action = decide(subscription, localDate, dueAt, existing.get(slotKey(subscription.id, localDate)), now);
      if (action) actions.push(action);
    }
  }
  return actions;
}

function decide(subscription: DigestSubscription, localDate: string, dueAt: Date, row: StoredDelivery | undefined, now: Date): DueAction | undefined {
  const lateness = now.getTime() - dueAt.getTime();
  const inWindow = lateness <= CATCH_UP_WINDOW_MS;
  const late = lateness > LATE_AFTER_MS || Boolean(row?.late);
  const deliver = { kind: 'deliver', subscription, localDate, dueAt, late } as const;
  if (!row) {
    if (inWindow) return { ...deliver, postIfMissing: true };
    const hours = Math.floor(lateness / 3_600_000);
    return { kind: 'skip', subscription, localDate, dueAt, reason: `missed: the bot could not post within 6 hours of the due time (${hours} hours late)` };
  }
  // A claim whose lease ran out belongs to a process that died: look for its post even when too late to send one.
  if (row.status === 'claimed' && row.leaseUntil && row.leaseUntil <= now) return { ...deliver, postIfMissing: inWindow };
  if (row.status === 'failed' && row.retryAt && row.retryAt <= now && inWindow) return { ...deliver, postIfMissing: true };
  return undefined;
}
