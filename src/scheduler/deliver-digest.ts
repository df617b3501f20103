import type { CommandContext } from '../core/commands/command-spec.js';
import { digestSince } from '../core/digest/digest-since.js';
import type { DigestSubscription } from '../core/digest/subscription-port.js';
import type { Clock } from '../core/time/clock.js';
import type { Claim, DeliveryStore } from '../store/delivery-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import { deliveryKey, DigestChannelError, type DigestChannel, type DigestTarget } from './digest-channel.js';
import type { DueAction } from './find-due.js';
import { retrying } from '../store/busy-retry.js';
import { keepRenewing } from './lease-heartbeat.js';
import { AttemptCancelled, sendWithRetry, type RateGate, type RetryPolicy, type Sleep } from './send-with-retry.js';

/**
 * How long a claim protects a delivery from other processes. Short, so that when a replica dies mid fan-out the
 * others take its deliveries over within seconds of the lease running out; renewed every 10 s while the work goes
 * on (lease-heartbeat.ts) and before every attempt.
 */
export const CLAIM_LEASE_MS = 30 * 1000;
/** After transient failures use up their retries, the slot may be claimed again this much later. */
export const RETRY_FAILED_AFTER_MS = 5 * 60 * 1000;
/** A crashed attempt's post is looked for from this long before the due time. */
const FIND_POSTED_MARGIN_MS = 60 * 60 * 1000;

/** A clock that may have to ask the database what time it is. */
export type LeaseClock = () => Date | Promise<Date>;

/** How one delivery ended. */
export type DeliveryOutcome = 'posted' | 'posted-late' | 'reconciled' | 'taken' | 'paused' | 'failed' | 'missed' | 'claim-lost';

/** Everything one delivery needs; shared by all deliveries of a due check. */
export interface DeliveryDeps {
  ctx: CommandContext;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  channel: DigestChannel;
  gate: RateGate;
  policy: RetryPolicy;
  sleep: Sleep;
  clock: Clock;
  /** The clock claims and leases are taken and compared in: the database's (DeliveryStore.dbNow) in production. */
  leaseClock?: LeaseClock;
  owner: string;
  /** The corrections lines for a subscription's next digest (read from the store, so possibly async). */
  corrections?: (subscription: DigestSubscription) => readonly string[] | Promise<readonly string[]>;
  log: (message: string) => void;
  /** How often the claim is renewed while the delivery works (CLAIM_RENEW_EVERY_MS by default). */
  renewEveryMs?: number;
}

/**
 * Claims one due digest, then posts it: claim first, so no other process posts it; after a crash, first look for
 * the earlier attempt's post; confirm with the message ids once posted.
 */
export async function deliverDigest(action: Extract<DueAction, { kind: 'deliver' }>, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const { subscription: sub, localDate, dueAt } = action;
  const { clock } = deps;
  const leaseClock = deps.leaseClock ?? clock;
  // Every store call waits out a lock held by another process asynchronously.
  const deliveries = retrying(deps.deliveries);
  const claimedAt = await leaseClock();
  const claim = await deliveries.claim({ subscriptionId: sub.id, localDate, dueAt, late: action.late }, deps.owner, claimedAt, leaseFrom(claimedAt));
  if (!claim) return 'taken';
  const target: DigestTarget = { platform: sub.platform, channelId: sub.channelId, ...(sub.workspaceId ? { workspaceId: sub.workspaceId } : {}) };
  const key = deliveryKey(sub.id, localDate);
  const events = {
    // Re-checked immediately before every send: a lost claim stops this process before it posts, not after.
    beforeAttempt: async () => {
      const now = await leaseClock();
      return deliveries.renew(claim, leaseFrom(now), now);
    },
    onRateLimited: (ms: number) => deps.log(`digest ${key}: rate limited, waiting ${ms} ms`),
  };
  const stopRenewing = keepRenewing(events.beforeAttempt, (m) => deps.log(`digest ${key}: ${m}`), deps.renewEveryMs);
  try {
    const since = new Date(dueAt.getTime() - FIND_POSTED_MARGIN_MS);
    const lookFor = () => findPostedOrUnknown(deps, target, key, since);
    if (claim.retaken) {
      const found = await sendWithRetry(lookFor, deps.gate, deps.policy, deps.sleep, events);
      if (found) return await confirm(deps, claim, found.messageIds, 'reconciled');
    }
    if (!action.postIfMissing) {
      await deliveries.fail(claim, 'missed: the bot stopped before posting and came back more than 6 hours late', await leaseClock());
      return 'missed';
    }
    const digest = digestSince(deps.ctx, {
      now: clock(),
      timeZone: sub.timeZone,
      since: await deliveries.lastPostedAt(sub.id, localDate),
      late: action.late ? { dueAt } : undefined,
      corrections: await deps.corrections?.(sub),
    });
    // A 5xx, timeout or reset may come after the platform created the message: look for it before posting again.
    let maybePosted = false;
    const postOnce = async () => {
      const found = maybePosted ? await lookFor() : undefined;
      if (found) return found;
      if (maybePosted && !(await events.beforeAttempt())) throw new AttemptCancelled('the delivery claim was lost');
      try {
        return await deps.channel.post(target, digest, key);
      } catch (err) {
        if (err instanceof DigestChannelError && err.failure === 'transient') maybePosted = true;
        throw err;
      }
    };
    const posted = await sendWithRetry(postOnce, deps.gate, deps.policy, deps.sleep, events);
    return await confirm(deps, claim, posted.messageIds, action.late ? 'posted-late' : 'posted');
  } catch (err) {
    return await settleFailure(err, claim, sub, deps);
  } finally {
    stopRenewing();
  }
}

/**
 * Looks for an earlier post of this digest. A look-up the platform refuses (a public channel the bot posts in
 * without being a member has no readable history) says nothing about the channel: it neither pauses the
 * subscription nor loses the day, it just cannot rule out a post, and the digest goes out.
 */
async function findPostedOrUnknown(deps: DeliveryDeps, target: DigestTarget, key: string, since: Date): Promise<{ messageIds: string[] } | undefined> {
  try {
    return await deps.channel.findPosted(target, key, since);
  } catch (err) {
    if (!(err instanceof DigestChannelError) || err.failure === 'transient' || err.failure === 'rate-limited') throw err;
    deps.log(`digest ${key}: could not look for an earlier post (${err.message}); posting`);
    return undefined;
  }
}

async function confirm(deps: DeliveryDeps, claim: Claim, messageIds: string[], outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
  if (await retrying(deps.deliveries).confirm(claim, messageIds, deps.clock())) return outcome;
  deps.log(`digest for subscription ${claim.subscriptionId} on ${claim.localDate} was posted after its claim was lost`);
  return 'claim-lost';
}

async function settleFailure(err: unknown, claim: Claim, sub: DigestSubscription, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const now = await (deps.leaseClock ?? deps.clock)();
  const deliveries = retrying(deps.deliveries);
  if (err instanceof AttemptCancelled) {
    deps.log(`digest for subscription ${claim.subscriptionId} on ${claim.localDate} not sent: its claim was lost to another process`);
    return 'claim-lost';
  }
  if (err instanceof DigestChannelError && err.failure === 'channel-gone') {
    await retrying(deps.subscriptions).pause(sub.id, err.message, deps.clock());
    await deliveries.fail(claim, err.message, now);
    deps.log(`digest subscription ${sub.id} (${sub.platform} ${sub.channelId}) paused: ${err.message}`);
    return 'paused';
  }
  const retryable = err instanceof DigestChannelError && (err.failure === 'transient' || err.failure === 'rate-limited');
  const message = err instanceof Error ? err.message : String(err);
  await deliveries.fail(claim, message, now, retryable ? new Date(now.getTime() + RETRY_FAILED_AFTER_MS) : undefined);
  deps.log(`digest for subscription ${sub.id} on ${claim.localDate} failed: ${message}`);
  return 'failed';
}

function leaseFrom(now: Date): Date {
  return new Date(now.getTime() + CLAIM_LEASE_MS);
}

