/** How often a held lease (a delivery's claim, a platform's lane) is renewed while its work goes on: a third of the lease, so two renewals may fail. */
export const CLAIM_RENEW_EVERY_MS = 10_000;

/**
 * Renews a lease every `everyMs` until stopped, so a short lease (which lets other replicas take over quickly when
 * this one dies) still covers a delivery that waits long on a rate limit. A renewal that fails is only logged: the
 * renewal before each send is what stops a process that lost its claim from posting.
 */
export function keepRenewing(renew: () => Promise<boolean>, log: (message: string) => void, everyMs: number = CLAIM_RENEW_EVERY_MS): () => void {
  let stopped = false;
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight || stopped) return;
    inFlight = true;
    renew()
      .then((held) => {
        if (!held && !stopped) log('its lease could not be renewed: another process holds it now');
      })
      .catch((err: unknown) => log(`renewing its lease failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => (inFlight = false));
  }, everyMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
