import { describe, expect, it } from 'vitest';
import { createEventDedupe, storedEventDedupe } from '../../src/bots/slack/event-dedupe.js';
import { retrying } from '../../src/store/busy-retry.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

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

describe.each(STORE_KINDS)('event ids claimed in the store (%s), for replicas', (kind) => {
  it('drops on one replica an event another replica has already taken, and only that event', async () => {
    const { store, database, close } = await openTestStore(kind);
    const replica = await database.open();
    try {
      const clock = () => new Date('2023-08-05T12:00:00Z');
      const a = storedEventDedupe(retrying(new InteractionClaims(store)), { clock });
      const b = storedEventDedupe(retrying(new InteractionClaims(replica)), { clock });
      const first = await Promise.all([a.firstTime('EvRACE'), b.firstTime('EvRACE')]);
      expect(first.filter(Boolean)).toHaveLength(1);
      expect(await b.firstTime('EvOTHER')).toBe(true);
      expect(await a.firstTime('EvOTHER')).toBe(false);
    } finally {
      await replica.close();
      await close();
    }
  });
});
