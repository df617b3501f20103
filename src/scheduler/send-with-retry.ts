import { DigestChannelError } from './digest-channel.js';

/** Waits a number of milliseconds; injected so tests and benches control real waiting. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// How much later than the current pause a 429 may ask to resume and still count as the same limit.
const IN_FLIGHT_TOLERANCE_MS = 1_000;

/**
 * Shared by every request to one platform: a 429 anywhere pauses them all until Retry-After has passed, because
 * platform rate limits count the whole workspace or bot, not one channel.
 */
export class RateGate {
  private resumeAt = 0;

  constructor(
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = () => performance.now(),
  ) {}

  pauseFor(ms: number): void {
    const now = this.now();
    const resumeAt = now + ms;
    // While paused, further 429s are mostly requests that were already in flight when the first one came back:
    // they describe the same window, so they do not push the resume time back unless they ask for much longer.
    if (this.resumeAt > now && resumeAt <= this.resumeAt + IN_FLIGHT_TOLERANCE_MS) return;
    this.resumeAt = Math.max(this.resumeAt, resumeAt);
  }

  async ready(): Promise<void> {
    for (let wait = this.resumeAt - this.now(); wait > 0; wait = this.resumeAt - this.now()) await this.sleep(wait);
  }
}

/** Retry limits and delays. */
export interface RetryPolicy {
  /** Attempts for 5xx/network failures, the first included. */
  transientAttempts: number;
  /** First backoff delay; doubles each time, with jitter, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How many 429s one send may wait out before giving up. */
  rateLimitWaits: number;
  /** Used when a 429 carries no Retry-After. */
  defaultRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { transientAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000, rateLimitWaits: 20, defaultRetryAfterMs: 1_000 };

/** What happened along the way, for logs and tests. */
export interface RetryEvents {
  onRateLimited?(retryAfterMs: number): void;
  onTransient?(error: DigestChannelError, attempt: number, delayMs: number): void;
  /** Called immediately before every attempt; returning false stops (the claim was lost). */
  beforeAttempt?(): boolean | Promise<boolean>;
}

/** Thrown when beforeAttempt says to stop. */
export class AttemptCancelled extends Error {
  override readonly name = 'AttemptCancelled';
}

/**
 * Runs `send` until it succeeds: 429s wait out Retry-After on the shared gate, transient failures back off
 * exponentially; channel-gone and rejected errors, and exhausted retries, are thrown to the caller.
 */
export async function sendWithRetry<T>(send: () => Promise<T>, gate: RateGate, policy: RetryPolicy, sleep: Sleep = realSleep, events: RetryEvents = {}): Promise<T> {
  let transient = 0;
  let rateLimited = 0;
  for (;;) {
    await gate.ready();
    if (events.beforeAttempt && !(await events.beforeAttempt())) throw new AttemptCancelled('the delivery claim was lost');
    try {
      return await send();
    } catch (err) {
      if (!(err instanceof DigestChannelError)) throw err;
      if (err.failure === 'rate-limited' && ++rateLimited <= policy.rateLimitWaits) {
        const wait = err.retryAfterMs ?? policy.defaultRetryAfterMs;
        gate.pauseFor(wait);
        events.onRateLimited?.(wait);
        continue;
      }
      if (err.failure === 'transient' && ++transient < policy.transientAttempts) {
        const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (transient - 1));
        // Half fixed, half random: spreads retries from many channels without ever retrying at once.
        const delay = ceiling / 2 + Math.random() * (ceiling / 2);
        events.onTransient?.(err, transient, delay);
        await sleep(delay);
        continue;
      }
      throw err;
    }
  }
}
