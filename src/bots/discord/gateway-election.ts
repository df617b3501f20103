import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { LeaseStore } from '../../store/lease-store.js';
import type { Store } from '../../store/open-store.js';
import { describeError, type DiscordLogger } from './discord-logger.js';

/** How the replicas time the gateway lease. */
export interface LeaseTiming {
  /** How long a lease lasts after it was taken or last renewed, by the database clock. */
  ttlMs: number;
  /** How often the holder renews it. */
  renewEveryMs: number;
  /** How often a replica without the lease tries for it. */
  retryEveryMs: number;
}

/** The lease that decides which replica holds Discord's one gateway session per bot token. */
export const GATEWAY_LEASE_NAME = 'discord-gateway';

/** Production timing: a killed holder is replaced within failoverBoundMs (25 s), leaving 5 s of the 30 s to log in. */
export const GATEWAY_LEASE_TIMING: LeaseTiming = { ttlMs: 20_000, renewEveryMs: 5_000, retryEveryMs: 5_000 };

/** The longest a dead holder keeps the lease from the others: the rest of its last lease, then a contender's next try. */
export function failoverBoundMs(t: LeaseTiming): number {
  return t.ttlMs + t.retryEveryMs;
}

/**
 * How long after its last confirmed renewal began a holder closes its session when no newer renewal has succeeded
 * (a renewal hanging on a dead database). The lease was extended after that moment by the database, so closing one
 * renewal period before `ttlMs` runs out means the session is gone before anyone else can take the lease.
 */
export function stepDownAfterMs(t: LeaseTiming): number {
  return t.ttlMs - t.renewEveryMs;
}

/** One logged-in gateway session, as the election holds it. */
export interface GatewaySession {
  stop(): Promise<void>;
  connected(): boolean;
}

/** What a replica needs to run for the gateway lease. */
export interface GatewayElectionOptions {
  leases: LeaseStore;
  /** Logs a discord.js client in; resolves once the gateway accepted the session. */
  openSession: () => Promise<GatewaySession>;
  logger: DiscordLogger;
  timing?: LeaseTiming;
  /** This replica's name in the lease; host, pid and a random part by default, so a restart is a new holder. */
  holder?: string;
  /** Monotonic milliseconds, for the step-down deadline; performance.now by default. */
  now?: () => number;
}

/**
 * Runs this replica for the gateway lease and keeps a discord.js session open only while it holds it. Every renewal
 * that fails, errs or does not come back in time closes the session before the lease could pass to another replica;
 * stop() closes it and gives the lease back at once, so a successor need not wait for it to expire.
 */
export class GatewayElection {
  readonly holder: string;
  private readonly timing: LeaseTiming;
  private readonly now: () => number;
  // Each win and each loss starts a new term; late results of an older term are ignored.
  private term = 0;
  private held = false;
  private stopped = false;
  private session: GatewaySession | undefined;
  private login: Promise<void> | undefined;
  // The last session's close (and the lease's release), awaited before this replica identifies again.
  private closing: Promise<void> = Promise.resolve();
  private ticking: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(private readonly options: GatewayElectionOptions) {
    this.timing = options.timing ?? GATEWAY_LEASE_TIMING;
    if (this.timing.renewEveryMs >= stepDownAfterMs(this.timing)) throw new Error('gateway lease: renew at least twice per lease (renewEveryMs < ttlMs / 2)');
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.now = options.now ?? (() => performance.now());
  }

  /** Runs for the lease once, then keeps trying; resolves once logged in or standing by, and rejects if the first login fails. */
  async start(): Promise<void> {
    await this.tick();
    this.schedule();
    if (!this.login) {
      this.options.logger.info(`standing by: another replica holds the Discord gateway (${GATEWAY_LEASE_NAME} lease)`);
      return;
    }
    try {
      await this.login;
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  /** True while this replica holds the lease. */
  isHolder(): boolean {
    return this.held;
  }

  /** The session's health while holding the lease; a replica standing by is healthy, its gateway being another's. */
  connected(): boolean {
    return !this.held || (this.session?.connected() ?? false);
  }

  /** Stops running, closes the session and releases the lease for the next replica. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    this.term++;
    this.held = false;
    clearTimeout(this.watchdog);
    await this.login?.catch(() => undefined);
    const session = this.session;
    this.session = undefined;
    await this.closing;
    if (session) await session.stop().catch((err: unknown) => this.options.logger.warn(`closing the gateway session failed: ${describeError(err)}`));
    await this.options.leases.release(GATEWAY_LEASE_NAME, this.holder).catch((err: unknown) => this.options.logger.warn(`could not release the gateway lease (it expires by itself): ${describeError(err)}`));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => this.schedule());
    }, this.held ? this.timing.renewEveryMs : this.timing.retryEveryMs);
  }

  private async tick(): Promise<void> {
    if (this.held) await this.renew();
    else await this.contend();
  }

  private async contend(): Promise<void> {
    const began = this.now();
    let won = false;
    try {
      won = await this.options.leases.acquire(GATEWAY_LEASE_NAME, this.holder, this.timing.ttlMs);
    } catch (err) {
      this.options.logger.warn(`could not run for the gateway lease: ${describeError(err)}`);
    }
    if (!won) return;
    if (this.stopped) {
      await this.options.leases.release(GATEWAY_LEASE_NAME, this.holder).catch(() => undefined);
      return;
    }
    this.held = true;
    const term = ++this.term;
    this.confirm(began, term);
    this.login = this.logIn(term);
    // start() awaits the first login; a later one only reports its failure (logIn has already handed the lease back).
    this.login.catch(() => undefined);
  }

  private async logIn(term: number): Promise<void> {
    await this.closing;
    if (term !== this.term) return;
    let session: GatewaySession;
    try {
      session = await this.options.openSession();
    } catch (err) {
      this.options.logger.error(`holding the gateway lease but could not log in: ${describeError(err)}`);
      await this.stepDown(term, 'the login failed', false);
      throw err;
    }
    if (term !== this.term) {
      // The lease was lost (or the replica stopped) while the login ran: close at once, before anyone identifies.
      await session.stop().catch(() => undefined);
      return;
    }
    this.session = session;
    this.options.logger.info(`holding the Discord gateway (${GATEWAY_LEASE_NAME} lease) as ${this.holder}`);
  }

  private async renew(): Promise<void> {
    const term = this.term;
    const began = this.now();
    let renewed = false;
    let why = 'the lease ran out or another replica took it';
    try {
      renewed = await this.options.leases.renew(GATEWAY_LEASE_NAME, this.holder, this.timing.ttlMs);
    } catch (err) {
      why = `renewing it failed (${describeError(err)})`;
    }
    if (term !== this.term) return;
    if (renewed) this.confirm(began, term);
    else await this.stepDown(term, why);
  }

  /** Records a renewal that began at `began`, and closes the session if none newer is confirmed in time. */
  private confirm(began: number, term: number): void {
    clearTimeout(this.watchdog);
    const wait = Math.max(0, began + stepDownAfterMs(this.timing) - this.now());
    this.watchdog = setTimeout(() => void this.stepDown(term, 'no renewal came back in time'), wait);
  }

  private async stepDown(term: number, why: string, awaitLogin = true): Promise<void> {
    if (term !== this.term || !this.held) return;
    this.held = false;
    this.term++;
    clearTimeout(this.watchdog);
    const session = this.session;
    this.session = undefined;
    const login = awaitLogin ? this.login : undefined;
    this.options.logger.warn(`giving up the Discord gateway: ${why}; closing the session`);
    const closing = (async () => {
      if (session) await session.stop().catch((err: unknown) => this.options.logger.warn(`closing the gateway session failed: ${describeError(err)}`));
      // A login still running closes its own session on seeing the new term; wait for that before releasing.
      await login?.catch(() => undefined);
      await this.options.leases.release(GATEWAY_LEASE_NAME, this.holder).catch(() => undefined);
    })();
    this.closing = closing;
    await closing;
  }
}

/** Where replicas that share a store keep the gateway lease, and how they time it. */
export interface GatewayElectionSettings {
  store: Pick<Store, 'db' | 'dialect'>;
  timing?: LeaseTiming;
}

/** Runs this replica for the gateway (see GatewayElection); resolves once it is logged in or standing by. */
export async function runForGateway(settings: GatewayElectionSettings, openSession: () => Promise<GatewaySession>, logger: DiscordLogger): Promise<GatewaySession> {
  const election = new GatewayElection({ leases: new LeaseStore(settings.store), openSession, logger, ...(settings.timing ? { timing: settings.timing } : {}) });
  await election.start();
  return { stop: () => election.stop(), connected: () => election.connected() };
}
