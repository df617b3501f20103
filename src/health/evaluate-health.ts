import type { Clock } from '../core/time/clock.js';

/** A scheduler that has not ticked for this long counts as down (it ticks every minute). */
export const SCHEDULER_STALE_MS = 3 * 60_000;

/** What /healthz looks at; a platform left out is not configured. */
export interface HealthSources {
  clock: Clock;
  /** Proves the database takes a write; throws (or rejects) when it does not. */
  database: () => void | Promise<void>;
  /** How long the database may take to answer before it counts as down (a PostgreSQL server gone silent). */
  databaseTimeoutMs?: number;
  slack?: () => boolean;
  discord?: () => boolean;
  /** When the digest scheduler last ticked; undefined until it starts. */
  scheduler?: () => Date | undefined;
  /** When the bot finished starting; /healthz answers 503 "starting" before. */
  readyAt: () => Date | undefined;
}

type Check = { status: 'ok' | 'down' | 'not configured'; error?: string };

/** A database that answers nothing for this long is down: a health check must answer, not hang. */
export const DATABASE_CHECK_TIMEOUT_MS = 5_000;

async function checkDatabase(s: HealthSources): Promise<Check> {
  const timeoutMs = s.databaseTimeoutMs ?? DATABASE_CHECK_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(s.database), silent]);
    return { status: 'ok' };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz's answer: 200 when every configured check is ok, 503 naming the failing checks otherwise. */
export async function evaluateHealth(s: HealthSources): Promise<{ code: 200 | 503; body: Record<string, unknown> }> {
  const database = await checkDatabase(s);
  const now = s.clock();
  const readyAt = s.readyAt();
  const platform = (connected?: () => boolean): Check => (!connected ? { status: 'not configured' } : connected() ? { status: 'ok' } : { status: 'down', error: 'disconnected' });
  const lastTick = s.scheduler?.();
  const since = lastTick ?? readyAt;
  const stale = s.scheduler !== undefined && since !== undefined && now.getTime() - since.getTime() > SCHEDULER_STALE_MS;
  const scheduler = {
    status: !s.scheduler ? 'not configured' : stale ? 'down' : 'ok',
    lastTick: lastTick?.toISOString() ?? null,
    ...(stale ? { error: `no tick for more than ${SCHEDULER_STALE_MS / 60_000} minutes` } : {}),
  };
  const checks = { database, slack: platform(s.slack), discord: platform(s.discord), scheduler };
  const failing = Object.entries(checks).filter(([, c]) => c.status === 'down').map(([name]) => name);
  if (!readyAt) return { code: 503, body: { status: 'starting', checks } };
  if (failing.length > 0) return { code: 503, body: { status: 'down', failing, checks } };
  return { code: 200, body: { status: 'ok', checks } };
}
