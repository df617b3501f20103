import { describe, expect, it } from 'vitest';
import { createEventDedupe } from '../../src/bots/slack/event-dedupe.js';

describe('event dedupe', () => {
  it('answers an event id once within the time to live, and again after it', () => {
    let now = Date.parse('2023-08-05T12:00:00Z');
    const dedupe = createEventDedupe({ ttlMs: 60_000, clock: () => new Date(now) });
    expect(dedupe.firstTime('Ev1')).toBe(true);
    expect(dedupe.firstTime('Ev1')).toBe(false);
    expect(dedupe.firstTime('Ev2')).toBe(true);
    now += 59_000;
    expect(dedupe.firstTime('Ev1')).toBe(false);
    now += 2_000;
    expect(dedupe.firstTime('Ev1')).toBe(true);
  });

  it('forgets the oldest ids beyond its bound instead of growing', () => {
    const dedupe = createEventDedupe({ maxEntries: 3, clock: () => new Date(0) });
    for (const id of ['a', 'b', 'c', 'd']) expect(dedupe.firstTime(id)).toBe(true);
    expect(dedupe.firstTime('d')).toBe(false);
    expect(dedupe.firstTime('a')).toBe(true); // evicted, so new again
  });
});
