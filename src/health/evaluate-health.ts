import type { Clock } from '../core/time/clock.js';

/** A scheduler that has not ticked for this long counts as down (it ticks every minute). */
export const SCHEDULER_STALE_MS = 3 * 60_000;

/** What /healthz looks at; a platform left out is not configured. */
export interface HealthSources {
  clock: Clock;
  /** Proves the database takes a write; throws when it does not. */
  database: () => void;
  slack?: () => boolean;
  discord?: () => boolean;
  /** When the digest scheduler last ticked; undefined until it starts. */
  scheduler?: () => Date | undefined;
  /** When the bot finished starting; /healthz answers 503 "starting" before. */
  readyAt: () => Date | undefined;
}

type Check = { status: 'ok' | 'down' | 'not configured'; error?: string };

/** /healthz's answer: 200 when every configured check is ok, 503 naming the failing checks otherwise. */
export function evaluateHealth(s: HealthSources): { code: 200 | 503; body: Record<string, unknown> } {
  const now = s.clock();
  const readyAt = s.readyAt();
  let database: Check = { status: 'ok' };
  try {
    s.database();
  } catch (err) {
    database = { status: 'down', error: (err as Error).message };
  }
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
