import { setTimeout as wait } from 'node:timers/promises';

/** How long a storage call keeps retrying a locked database, and the backoff between tries. */
export interface BusyRetryPolicy {
  /** Give up after this much waiting in total (ms). */
  budgetMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Waits between tries; the real timer by default, a fake one in tests. */
  sleep?: (ms: number) => Promise<unknown>;
}

/** A few seconds: longer than any write Strikewire makes, short enough that the user hears back in time. */
export const DEFAULT_BUSY_RETRY: BusyRetryPolicy = { budgetMs: 4_000, firstDelayMs: 10, maxDelayMs: 250 };

/** The database stayed locked by another connection for the whole retry budget. */
export class StorageBusyError extends Error {
  override readonly name = 'StorageBusyError';
  readonly code = 'SQLITE_BUSY';
}

// PostgreSQL's SQLSTATEs for the same two kinds of trouble. A serialization failure, a deadlock or a lock that could
// not be had (NOWAIT, lock_timeout) rolled the statement or transaction back whole, so running it again is safe.
const PG_BUSY = new Set(['40001', '40P01', '55P03']);
// A read-only transaction (a standby, default_transaction_read_only) or a full disk: the admin's fix is the same kind.
const PG_READ_ONLY = new Set(['25006', '53100']);

/** What kind of storage trouble an error is, if any: a lock held elsewhere, or a database that cannot be written. */
export function storageTrouble(err: unknown): 'busy' | 'read-only' | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || PG_BUSY.has(code)) return 'busy';
  // A full disk, or a database file that can no longer be opened, cannot take writes either; the admin's fix is the same kind.
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN' || PG_READ_ONLY.has(code)) return 'read-only';
  return undefined;
}

/**
 * Runs a storage call, retrying while another connection holds the lock. better-sqlite3 is synchronous, so
 * busy_timeout would block the whole event loop (every user's acknowledgement) while it waits; instead the
 * database fails fast (busy_timeout 0) and the wait happens here, between tries, asynchronously. A statement that
 * failed with SQLITE_BUSY changed nothing (a transaction rolls back whole), so trying again is safe; the same holds
 * for PostgreSQL's serialization failures and deadlocks, which abort the whole transaction.
 */
export async function retryWhileBusy<T>(run: () => T | Promise<T>, policy: BusyRetryPolicy = DEFAULT_BUSY_RETRY): Promise<T> {
  const sleep = policy.sleep ?? wait;
  let waited = 0;
  for (let delay = policy.firstDelayMs; ; delay = Math.min(policy.maxDelayMs, delay * 2)) {
    try {
      return await run();
    } catch (err) {
      if (storageTrouble(err) !== 'busy') throw err;
      if (waited >= policy.budgetMs) throw new StorageBusyError(`the database stayed locked for ${waited} ms`, { cause: err });
      await sleep(delay);
      waited += delay;
    }
  }
}

/** A store whose every method is retried while the database is locked, and so returns a promise. */
export type Retrying<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : T[K];
};

/** Wraps every method of a store (or of an async port over one) in retryWhileBusy: the one place waits happen. */
export function retrying<T extends object>(target: T, policy: BusyRetryPolicy = DEFAULT_BUSY_RETRY): Retrying<T> {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => retryWhileBusy(() => (value as (...a: unknown[]) => unknown).apply(obj, args), policy);
    },
  }) as unknown as Retrying<T>;
}
