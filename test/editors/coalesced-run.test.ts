import { describe, expect, it } from 'vitest';
import { coalescedRun } from '../../src/editors/coalesced-run.js';

describe('a coalesced run', () => {
  it('folds a burst of calls during a run into one more run, which starts after the last call', async () => {
    const releases: (() => void)[] = [];
    let started = 0;
    let onStart: (() => void) | undefined;
    const run = coalescedRun(async () => {
      started++;
      onStart?.();
      await new Promise<void>((resolve) => releases.push(resolve));
    });
    const first = run();
    const burst = [run(), run(), run(), run()];
    expect(started).toBe(1);
    const secondStarted = new Promise<void>((resolve) => (onStart = resolve));
    releases.shift()!();
    await first;
    // The whole burst waits for the one run queued behind the first, not for one run each.
    await secondStarted;
    expect(started).toBe(2);
    releases.shift()!();
    await Promise.all(burst);
    expect(started).toBe(2);
    // Once idle, the next call runs at once.
    const later = run();
    expect(started).toBe(3);
    releases.shift()!();
    await later;
  });

  it('runs the queued job even when the current one failed', async () => {
    let calls = 0;
    let fail: ((err: Error) => void) | undefined;
    const run = coalescedRun(() => {
      calls++;
      return calls === 1 ? new Promise<void>((_, reject) => (fail = reject)) : Promise.resolve();
    });
    const first = run();
    const second = run();
    fail!(new Error('the database was away'));
    await expect(first).rejects.toThrow('the database was away');
    await second;
    expect(calls).toBe(2);
  });
});
