import type { Reply } from '../core/reply/reply.js';
import type { Clock } from '../core/time/clock.js';
import { updateIdOfSource } from '../core/updates/update-facts.js';
import type { DigestChannel } from '../scheduler/digest-channel.js';
import type { DeliveryRef, UpdateStore } from '../store/update-store.js';

/** The delivery a key names: the inverse of the scheduler's deliveryKey ("sw12-20230812"). */
export function parseDeliveryKey(key: string): DeliveryRef | undefined {
  const m = /^sw(\d+)-(\d{4})(\d{2})(\d{2})$/.exec(key);
  return m ? { subscriptionId: Number(m[1]), localDate: `${m[2]}-${m[3]}-${m[4]}` } : undefined;
}

/**
 * The stored updates and patches a digest cites: a digest carries one when any line cites a source it added
 * (an update's "update-N-source", or a patch's own source ids, found by their provenance through `sourceOwner`).
 */
export function updatesCarried(digest: Reply, sourceOwner: (sourceId: string) => number | undefined = () => undefined): number[] {
  return [...new Set(digest.citations.flatMap((c) => updateIdOfSource(c.sourceId) ?? sourceOwner(c.sourceId) ?? []))];
}

/**
 * Wraps a platform's digest poster so that every digest it posts records which updates it carried; a correction
 * then knows which posted messages to edit. Recording never fails a post that went out.
 */
export function recordCarriedUpdates(channel: DigestChannel, store: UpdateStore, clock: Clock, log: (m: string) => void, sourceOwner?: (sourceId: string) => number | undefined): DigestChannel {
  return {
    async post(target, digest, key) {
      const posted = await channel.post(target, digest, key);
      const ids = updatesCarried(digest, sourceOwner);
      const delivery = parseDeliveryKey(key);
      if (ids.length > 0 && delivery) {
        try {
          await store.recordCarried(delivery, ids, clock());
        } catch (err) {
          log(`could not record the updates digest ${key} carried: ${(err as Error).message}`);
        }
      }
      return posted;
    },
    findPosted: (target, key, since) => channel.findPosted(target, key, since),
    edit: (target, messageIds, digest) => channel.edit(target, messageIds, digest),
  };
}
