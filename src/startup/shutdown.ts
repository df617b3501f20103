import type { Logger } from '../log/logger.js';

/** Hands back in-flight work this long after SIGTERM at the latest, even while a Retry-After sleep is pending. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** Something running that SIGTERM stops: platforms stop taking work first, then the scheduler, then storage. */
export interface Stoppable {
  name: string;
  stop(): Promise<void> | void;
}

/**
 * On SIGTERM or SIGINT: stops each part in order (each given what is left of the grace period), then `close` (the
 * database), then exits. Whatever has not finished by the deadline is abandoned: its delivery claim expires and
 * the next start hands it to a new attempt.
 */
export function stopOnSignals(parts: () => Stoppable[], close: () => unknown, logger: Logger, exit: (code: number) => void = (c) => process.exit(c)): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.info({ signal }, 'stopping: no new work; finishing what is in flight');
    const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), SHUTDOWN_GRACE_MS));
    for (const part of parts()) {
      const outcome = await Promise.race([Promise.resolve().then(() => part.stop()).then(() => 'done' as const, (err: unknown) => err), deadline]);
      if (outcome === 'timeout') {
        logger.warn({ part: part.name }, `still busy after ${SHUTDOWN_GRACE_MS / 1000} s; leaving it for the next start`);
        break;
      }
      if (outcome !== 'done') logger.warn({ part: part.name, error: (outcome as Error).message }, 'failed to stop cleanly');
    }
    try {
      // Bounded too: a PostgreSQL pool waits for its clients, and a hung one must not keep the process alive.
      await Promise.race([Promise.resolve().then(close), deadline]);
    } catch (err) {
      logger.warn({ error: (err as Error).message }, 'closing the database failed');
    }
    logger.info({ duration: Date.now() - started }, 'stopped');
    exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
