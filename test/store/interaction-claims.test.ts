import { describe, expect, it } from 'vitest';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { sharedTestDatabase, STORE_KINDS } from '../support/test-store.js';

describe.each(STORE_KINDS)('InteractionClaims on %s', (kind) => {
  const now = new Date('2026-01-10T12:00:00Z');
  const { open } = sharedTestDatabase(kind);

  it('gives the first claim of a key to one caller, and the recorded result to repeats', async () => {
    const claims = new InteractionClaims(await open());
    expect(await claims.claim('slack', 'A1', now)).toEqual({ first: true });
    expect(await claims.claim('slack', 'A1', now)).toEqual({ first: false });
    await claims.complete('slack', 'A1', '1700000000.000100');
    expect(await claims.claim('slack', 'A1', now)).toEqual({ first: false, result: '1700000000.000100' });
    // The same id on the other platform is a different interaction.
    expect(await claims.claim('discord', 'A1', now)).toEqual({ first: true });
  });

  it('holds claims across a reopen and between two stores on one database', async () => {
    const first = await open();
    const a = new InteractionClaims(first);
    const b = new InteractionClaims(await open());
    expect((await a.claim('discord', '1234', now)).first).toBe(true);
    expect((await b.claim('discord', '1234', now)).first).toBe(false);
    await first.close();
    expect((await new InteractionClaims(await open()).claim('discord', '1234', now)).first).toBe(false);
  });

  it('GIVEN many replicas claiming one key at once THEN exactly one is first', async () => {
    const stores = [await open(), await open()];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => new InteractionClaims(stores[i % 2]!).claim('slack', 'race', now)));
    expect(results.filter((r) => r.first)).toHaveLength(1);
  });

  it('releases an unfinished claim so a retry runs again, but never a completed one', async () => {
    const claims = new InteractionClaims(await open());
    await claims.claim('slack', 'R1', now);
    await claims.release('slack', 'R1');
    expect(await claims.claim('slack', 'R1', now)).toEqual({ first: true });
    await claims.complete('slack', 'R1', 'done');
    await claims.release('slack', 'R1');
    expect(await claims.claim('slack', 'R1', now)).toEqual({ first: false, result: 'done' });
  });

  it('prunes expired claims, after which the key is new again', async () => {
    const claims = new InteractionClaims(await open());
    await claims.claim('slack', 'V1', now, 1000);
    await claims.claim('slack', 'V2', now, 60_000);
    expect(await claims.pruneExpired(new Date(now.getTime() + 2000))).toBe(1);
    expect((await claims.claim('slack', 'V1', new Date(now.getTime() + 2000))).first).toBe(true);
    expect((await claims.claim('slack', 'V2', new Date(now.getTime() + 2000))).first).toBe(false);
  });
});
