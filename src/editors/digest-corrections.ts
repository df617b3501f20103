import { contextFromPack } from '../core/create-context.js';
import { digestSince, FIRST_DIGEST_LOOKBACK_MS } from '../core/digest/digest-since.js';
import type { DigestPlatform, DigestSubscription } from '../core/digest/subscription-port.js';
import type { Pack } from '../core/knowledge/schema.js';
import { renderPlainText } from '../core/reply/plain-text.js';
import type { Reply } from '../core/reply/reply.js';
import type { Clock } from '../core/time/clock.js';
import { correctionNote } from '../core/updates/correction-text.js';
import { verifiedPackAt } from '../core/updates/merge-stored.js';
import type { CorrectionPublisher, CorrectionRecord } from '../core/updates/update-port.js';
import type { DigestChannel } from '../scheduler/digest-channel.js';
import { RateGate, realSleep, sendWithRetry, type RetryPolicy, type Sleep } from '../scheduler/send-with-retry.js';
import type { DeliveryStore, StoredDelivery } from '../store/delivery-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import type { DeliveryRef, UpdateStore } from '../store/update-store.js';

/** Editing a posted digest is worth a few retries, not the long patience of a first delivery. */
export const EDIT_RETRY_POLICY: RetryPolicy = { transientAttempts: 3, baseDelayMs: 500, maxDelayMs: 5_000, rateLimitWaits: 3, defaultRetryAfterMs: 1_000 };

/** What corrections need from the digest system. */
export interface DigestCorrectionsDeps {
  /** The shipped pack, to rebuild a digest as it should have read. */
  pack: Pack;
  updates: UpdateStore;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  /** The platforms' digest posters, once the bots run. */
  channels: () => Partial<Record<DigestPlatform, DigestChannel>>;
  clock: Clock;
  sleep?: Sleep;
  policy?: RetryPolicy;
  log: (message: string) => void;
}

/** The Corrections section of a subscription's next digest: corrections of published updates since its last digest. */
export function correctionsForNextDigest(deps: Pick<DigestCorrectionsDeps, 'updates' | 'deliveries' | 'clock'>): (subscription: DigestSubscription) => Promise<string[]> {
  return async (subscription) => {
    const now = deps.clock();
    const since = (await deps.deliveries.lastPostedAt(subscription.id)) ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
    return (await deps.updates.publishedCorrections(since, now)).map(correctionNote);
  };
}

/**
 * Edits every posted digest that carried a corrected update. Each is rebuilt as it should have read when it was
 * posted (the knowledge then, with every correction since), marked "(corrected)", and opens with the correction
 * notes; the platform poster edits the messages in place (Slack chat.update, Discord message edit).
 */
export function createCorrectionPublisher(deps: DigestCorrectionsDeps): CorrectionPublisher {
  const gates = new Map<DigestPlatform, RateGate>();
  const gate = (p: DigestPlatform) => gates.get(p) ?? gates.set(p, new RateGate(deps.sleep ?? realSleep)).get(p)!;
  return {
    async publish(correction: CorrectionRecord) {
      let edited = 0;
      let failed = 0;
      for (const ref of await deps.updates.carriedBy(correction.updateId)) {
        const sub = await deps.subscriptions.get(ref.subscriptionId);
        const delivery = await deps.deliveries.get(ref);
        if (!sub || !delivery || delivery.status !== 'confirmed' || !delivery.postedAt || delivery.messageIds.length === 0) continue;
        const channel = deps.channels()[sub.platform];
        const at = deps.clock();
        if (!channel) {
          failed++;
          await deps.updates.recordEdit(correction.id, ref, { status: 'failed', error: `${sub.platform} is not running` }, at);
          continue;
        }
        const target = { platform: sub.platform, channelId: sub.channelId, ...(sub.workspaceId ? { workspaceId: sub.workspaceId } : {}) };
        try {
          const digest = await rebuiltDigest(deps, sub, delivery, ref);
          await sendWithRetry(() => channel.edit(target, delivery.messageIds, digest), gate(sub.platform), deps.policy ?? EDIT_RETRY_POLICY, deps.sleep ?? realSleep);
          edited++;
          await deps.updates.recordEdit(correction.id, ref, { status: 'edited' }, deps.clock());
        } catch (err) {
          failed++;
          const message = err instanceof Error ? err.message : String(err);
          await deps.updates.recordEdit(correction.id, ref, { status: 'failed', error: message }, deps.clock());
          deps.log(`could not edit the ${sub.platform} digest of ${ref.localDate} in ${sub.channelId} after correction ${correction.id}: ${message}`);
        }
      }
      return { edited, failed };
    },
  };
}

/** A posted digest as it should have read: the knowledge it was built from, corrected, with the notes on top. */
async function rebuiltDigest(deps: DigestCorrectionsDeps, sub: DigestSubscription, delivery: StoredDelivery, ref: DeliveryRef): Promise<Reply> {
  const postedAt = delivery.postedAt!;
  const records = await deps.updates.list();
  const ctx = contextFromPack(verifiedPackAt(deps.pack, records, postedAt), { clock: () => postedAt });
  const since = await deps.deliveries.lastPostedAt(sub.id, delivery.localDate);
  // What the digest listed when posted, then the corrections of what it carried.
  const listed = await deps.updates.publishedCorrections(since ?? new Date(postedAt.getTime() - FIRST_DIGEST_LOOKBACK_MS), postedAt);
  const own = await deps.updates.correctionsOf(await deps.updates.carriedIn(ref));
  const corrections = [...listed, ...own.filter((c) => !listed.some((l) => l.id === c.id))].map(correctionNote);
  const digest = digestSince(ctx, { now: postedAt, timeZone: sub.timeZone, ...(since ? { since } : {}), ...(delivery.late ? { late: { dueAt: delivery.dueAt } } : {}), corrections });
  const corrected = { ...digest, title: `${digest.title} (corrected)` };
  return { ...corrected, fallbackText: renderPlainText(corrected) };
}
