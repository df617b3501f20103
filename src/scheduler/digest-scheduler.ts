import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { CommandContext } from '../core/commands/command-spec.js';
import type { DigestPlatform, DigestSubscription } from '../core/digest/subscription-port.js';
import type { Clock } from '../core/time/clock.js';
import type { DeliveryStore, StoredDelivery } from '../store/delivery-store.js';
import type { SubscriptionStore } from '../store/subscription-store.js';
import { CLAIM_LEASE_MS, deliverDigest, type DeliveryOutcome, type LeaseClock } from './deliver-digest.js';
import type { DigestChannel } from './digest-channel.js';
import { addLocalDays } from './due-time.js';
import { fanOut } from './fan-out.js';
import { inLane, LANE_LEASE_MS, type LaneLeases } from './fan-out-lanes.js';
import { monotonicGuard } from './monotonic-clock.js';
import { retrying } from '../store/busy-retry.js';
import { findDue, slotKey } from './find-due.js';
import { DEFAULT_RETRY_POLICY, RateGate, realSleep, type RetryPolicy, type Sleep } from './send-with-retry.js';
import { componentLog } from '../log/logger.js';

/** Days looked back on start, so digests missed during downtime are posted late or recorded as skipped. */
export const START_LOOKBACK_DAYS = 7;

/** What the scheduler needs; everything with side effects is injected. */
export interface DigestSchedulerOptions {
  ctx: CommandContext;
  subscriptions: SubscriptionStore;
  deliveries: DeliveryStore;
  /** Posters for the platforms that are running; subscriptions on other platforms wait. */
  channels: Partial<Record<DigestPlatform, DigestChannel>>;
  clock: Clock;
  /** The clock claims and leases are taken in: the database's in production, so skewed processes agree; `clock` by default. */
  leaseClock?: LeaseClock;
  /**
   * Milliseconds from a monotonic source (performance.now in production): a wall clock running ahead of it is not
   * trusted. Without it `clock` is trusted as is (tests that set their clock by hand).
   */
  monotonicNow?: () => number;
  /** Identifies this process in claims; unique per start by default. */
  owner?: string;
  /**
   * Lane leases (LeaseStore) so that one replica at a time fans each platform's digests out; without them (one
   * process, tests) every process fans out and the claims alone keep digests single.
   */
  laneLeases?: LaneLeases;
  /** How often a held claim is renewed while its delivery works (CLAIM_RENEW_EVERY_MS by default; tests shorten it). */
  renewEveryMs?: number;
  /** Deliveries in flight per platform. */
  concurrency?: number;
  policy?: RetryPolicy;
  sleep?: Sleep;
  /** The corrections lines for a subscription's next digest (read from the store, so possibly async). */
  corrections?: (subscription: DigestSubscription) => readonly string[] | Promise<readonly string[]>;
  /** Upkeep that rides on the minute tick, given the tick's time (pruning expired rows); a failure is logged, never fatal. */
  housekeeping?: (now: Date) => void | Promise<void>;
  log?: (message: string) => void;
}

/** Counts of what one due check did. */
export type DueCheckSummary = Record<DeliveryOutcome | 'skipped', number>;

function emptySummary(): DueCheckSummary {
  return { posted: 0, 'posted-late': 0, reconciled: 0, taken: 0, paused: 0, failed: 0, missed: 0, 'claim-lost': 0, skipped: 0 };
}

/**
 * Posts each subscription's digest once per local day. A node-cron minute tick runs the due check; the check
 * computes due times in each channel's zone and claims each delivery in the database, which is what makes it
 * exactly once across restarts, crashes and several processes.
 */
export class DigestScheduler {
  private readonly gates = new Map<DigestPlatform, RateGate>();
  private readonly owner: string;
  private task?: ScheduledTask;
  /** A due check set for when another process's claim runs out, so a dead replica's work is taken over then. */
  private recheck?: NodeJS.Timeout;
  private recheckAt?: number;
  private running?: Promise<DueCheckSummary>;
  /** The wall clock, held back to the monotonic one when it jumps ahead. */
  private readonly clock: Clock;

  /** When the minute tick last fired (or start() ran); /healthz reports a scheduler silent for 3 minutes. */
  lastTickAt: Date | undefined;

  constructor(private readonly options: DigestSchedulerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.clock = options.monotonicNow ? monotonicGuard(options.clock, (m) => this.log(m), options.monotonicNow) : options.clock;
  }

  /** Catches up on anything missed while stopped, then checks every minute (unless `cron` is false: tests tick by hand). */
  async start(options: { cron?: boolean } = {}): Promise<DueCheckSummary> {
    this.lastTickAt = this.options.clock();
    const summary = await this.runDueCheck(START_LOOKBACK_DAYS);
    // The tick's own zone does not matter (every minute is checked); UTC is explicit and has no DST.
    if (options.cron !== false) {
      this.task = cron.schedule('* * * * *', () => this.tick(), { timezone: 'UTC', name: 'strikewire-digests', noOverlap: true });
      // The start-up check ran before the tick existed: look again for leases it saw held by others.
      this.recheckWhenLeasesRunOut(await retrying(this.options.deliveries).since(addLocalDays(this.clock().toISOString().slice(0, 10), -1)), this.clock());
    }
    return summary;
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    clearTimeout(this.recheck);
    await this.running?.catch(() => undefined);
  }

  /** One minute tick; a check still running from the previous minute makes this one a no-op. */
  async tick(): Promise<DueCheckSummary | undefined> {
    this.lastTickAt = this.options.clock();
    await this.upkeep();
    if (this.running) return undefined;
    try {
      return await this.runDueCheck(1);
    } catch (err) {
      this.log(`digest due check failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private async upkeep(): Promise<void> {
    try {
      await this.options.housekeeping?.(this.clock());
    } catch (err) {
      this.log(`housekeeping failed, trying again next minute: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Finds what is due now and delivers it; `lookbackDays` covers local dates before today too. */
  runDueCheck(lookbackDays: number): Promise<DueCheckSummary> {
    const run = this.check(lookbackDays).finally(() => {
      if (this.running === run) this.running = undefined;
    });
    this.running = run;
    return run;
  }

  private async check(lookbackDays: number): Promise<DueCheckSummary> {
    const { channels } = this.options;
    const clock = this.clock;
    const subscriptions = retrying(this.options.subscriptions);
    const deliveries = retrying(this.options.deliveries);
    const now = clock();
    const subs = (await subscriptions.listActive()).filter((s) => channels[s.platform]);
    // One read of recent deliveries, two days of margin for the zones furthest from UTC.
    const existing = new Map<string, StoredDelivery>(
      (await deliveries.since(addLocalDays(now.toISOString().slice(0, 10), -lookbackDays - 2))).map((d) => [slotKey(d.subscriptionId, d.localDate), d]),
    );
    const summary = emptySummary();
    const due = findDue(subs, existing, now, lookbackDays);
    for (const action of due) {
      if (action.kind === 'skip' && (await deliveries.skip({ subscriptionId: action.subscription.id, localDate: action.localDate, dueAt: action.dueAt }, action.reason, now))) summary.skipped++;
    }
    const toDeliver = due.filter((a) => a.kind === 'deliver');
    const deliver = async (action: (typeof toDeliver)[number]) => {
      const channel = channels[action.subscription.platform]!;
      const outcome = await deliverDigest(action, {
        ...this.options,
        clock,
        channel,
        gate: this.gate(action.subscription.platform),
        policy: this.options.policy ?? DEFAULT_RETRY_POLICY,
        sleep: this.options.sleep ?? realSleep,
        owner: this.owner,
        log: (m) => this.log(m),
      });
      summary[outcome]++;
    };
    const lanes = new Map<DigestPlatform, typeof toDeliver>();
    for (const action of toDeliver) {
      const lane = lanes.get(action.subscription.platform);
      if (lane) lane.push(action);
      else lanes.set(action.subscription.platform, [action]);
    }
    let laneHeldElsewhere = false;
    await Promise.all(
      [...lanes].map(async ([platform, actions]) => {
        const run = () => fanOut(actions, () => platform, this.options.concurrency ?? 8, deliver);
        const leases = this.options.laneLeases;
        if (!leases) return run();
        if ((await inLane(leases, platform, this.owner, (m) => this.log(m), run)) === undefined) laneHeldElsewhere = true;
      }),
    );
    // The replica posting now may die: look again once its lane lease could have run out.
    if (laneHeldElsewhere) this.recheckAfter(LANE_LEASE_MS + 1_000);
    this.recheckWhenLeasesRunOut(existing.values(), now);
    return summary;
  }

  /**
   * Claims held by other processes run out in at most CLAIM_LEASE_MS; if their holder died, waiting for the next
   * minute tick would add up to a minute. So when the minute tick runs (not in tests that tick by hand), a check is
   * also set for just after the earliest such lease ends.
   */
  private recheckWhenLeasesRunOut(rows: Iterable<StoredDelivery>, now: Date): void {
    if (!this.task) return;
    let earliest = Infinity;
    for (const row of rows) {
      if (row.status === 'claimed' && row.claimOwner !== this.owner && row.leaseUntil && row.leaseUntil > now) earliest = Math.min(earliest, row.leaseUntil.getTime());
    }
    // A second's margin for the database clock being a little ahead of this one.
    if (earliest !== Infinity) this.recheckAfter(Math.min(earliest - now.getTime(), CLAIM_LEASE_MS) + 1_000);
  }

  /** Sets the one extra due check (only while the minute tick runs), keeping an earlier one already set. */
  private recheckAfter(ms: number): void {
    if (!this.task) return;
    const at = Date.now() + ms;
    if (this.recheck && this.recheckAt !== undefined && this.recheckAt <= at && this.recheckAt > Date.now()) return;
    clearTimeout(this.recheck);
    this.recheckAt = at;
    this.recheck = setTimeout(() => void this.tick(), ms);
    this.recheck.unref();
  }

  private gate(platform: DigestPlatform): RateGate {
    let gate = this.gates.get(platform);
    if (!gate) this.gates.set(platform, (gate = new RateGate(this.options.sleep ?? realSleep)));
    return gate;
  }

  private log(message: string): void {
    (this.options.log ?? componentLog('scheduler'))(message);
  }
}
