import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { SHUTDOWN_GRACE_MS, stopOnSignals } from '../../src/startup/shutdown.js';

const before = { SIGTERM: process.listeners('SIGTERM'), SIGINT: process.listeners('SIGINT') };
afterEach(() => {
  vi.useRealTimers();
  // Only the handlers these tests added.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.removeListener(signal, l);
});

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { logger: createLogger({ level: 'info', format: 'json', secrets: [] }, out), lines: () => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('stopOnSignals', () => {
  it('stops the parts in order, closes the database, then exits 0', async () => {
    const order: string[] = [];
    const exit = vi.fn();
    const { logger } = capture();
    stopOnSignals(() => [{ name: 'slack', stop: async () => void order.push('slack') }, { name: 'scheduler', stop: () => void order.push('scheduler') }], () => order.push('close'), logger, exit);
    process.emit('SIGTERM');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(order).toEqual(['slack', 'scheduler', 'close']);
  });

  it('exits after the grace period even while a part is stuck (a Retry-After sleep), still closing the database', async () => {
    vi.useFakeTimers();
    const order: string[] = [];
    const exit = vi.fn();
    const { logger, lines } = capture();
    stopOnSignals(
      () => [{ name: 'slack', stop: () => void order.push('slack') }, { name: 'digest scheduler', stop: () => new Promise<void>(() => {}) }, { name: 'after', stop: () => void order.push('after') }],
      () => order.push('close'),
      logger,
      exit,
    );
    process.emit('SIGTERM');
    await vi.advanceTimersByTimeAsync(SHUTDOWN_GRACE_MS - 1);
    expect(exit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(exit).toHaveBeenCalledWith(0);
    expect(order).toEqual(['slack', 'close']);
    expect(lines().some((l) => l.part === 'digest scheduler' && l.level === 'warn')).toBe(true);
  });

  it('a second signal does not start a second shutdown', async () => {
    const exit = vi.fn();
    let stops = 0;
    stopOnSignals(() => [{ name: 'slack', stop: () => void stops++ }], () => {}, capture().logger, exit);
    process.emit('SIGTERM');
    process.emit('SIGINT');
    await vi.waitFor(() => expect(exit).toHaveBeenCalledTimes(1));
    expect(stops).toBe(1);
  });
});
