import type { EventEmitter } from 'node:events';

/**
 * Resolves with the first non-undefined result of `find`, checked now and after every `event` on `emitter`;
 * rejects after `timeoutMs` with `describe()` saying what the fake had seen. Tests wait on this, never on sleeps.
 */
export function waitForEvent<T>(
  emitter: EventEmitter,
  event: string,
  find: () => T | undefined,
  options: { what: string; describe: () => string; timeoutMs?: number },
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const found = find();
      if (found === undefined) return;
      cleanup();
      resolve(found);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what}; ${options.describe()}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      emitter.off(event, check);
    };
    emitter.on(event, check);
    check();
  });
}
