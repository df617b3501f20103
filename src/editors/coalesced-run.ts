/**
 * Wraps an async job so that calls during a run are folded into one more run after it: a burst of change
 * notifications costs at most two syncs, and the last one always starts after the last call. Each call's promise
 * settles when a run that started after it has finished.
 */
export function coalescedRun(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (!running) {
      running = job().finally(() => {
        running = undefined;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return run();
      });
    return queued;
  };
  return run;
}
