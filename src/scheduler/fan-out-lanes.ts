import type { DigestPlatform } from '../core/digest/subscription-port.js';
import { keepRenewing } from './lease-heartbeat.js';

/** The lease calls a lane needs (LeaseStore, on the database's clock). */
export interface LaneLeases {
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  renew(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** How long a replica may hold a platform's fan-out without renewing it; renewed every 10 s while it posts. */
export const LANE_LEASE_MS = 30_000;

/**
 * Runs one platform's fan-out only while this replica holds that platform's lane lease. Replicas that each paced
 * themselves against the same rate limit would keep running into it (and waiting out Retry-After) where one replica
 * alone fills it exactly; the claims keep each digest single either way, so this is about pace, not correctness.
 * Undefined when another replica holds the lane: it will post, or its lease runs out and a later check takes over.
 */
export async function inLane<T>(leases: LaneLeases, platform: DigestPlatform, holder: string, log: (message: string) => void, work: () => Promise<T>): Promise<T | undefined> {
  const name = `digest-lane:${platform}`;
  if (!(await leases.acquire(name, holder, LANE_LEASE_MS))) return undefined;
  const stop = keepRenewing(() => leases.renew(name, holder, LANE_LEASE_MS), (m) => log(`${platform} digests: ${m}`));
  try {
    return await work();
  } finally {
    stop();
    await leases.release(name, holder).catch((err: unknown) => log(`could not hand back the ${platform} digest lane: ${(err as Error).message}`));
  }
}
