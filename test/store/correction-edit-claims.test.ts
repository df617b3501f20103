import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORRECTION_EDIT_LEASE_MS, CorrectionEditClaims } from '../../src/store/correction-edit-claims.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

describe.each(STORE_KINDS)('claims on a correction’s digest edits on %s', (kind) => {
  let opened: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    opened = await openTestStore(kind);
  });
  afterEach(() => opened.close());

  it('gives each correction to one replica, again to the same one, and to another only once the lease ran out', async () => {
    const a = new CorrectionEditClaims(opened.store, 'replica-a');
    const b = new CorrectionEditClaims(opened.store, 'replica-b');
    const now = new Date('2023-08-12T20:00:00Z');
    expect(await a.claim(1, now)).toBe(true);
    expect(await b.claim(1, now)).toBe(false);
    // Two replicas at the same instant: exactly one of them.
    expect((await Promise.all([a.claim(3, now), b.claim(3, now)])).filter(Boolean)).toHaveLength(1);
    expect(await b.claim(2, now)).toBe(true);
    expect(await a.claim(1, new Date(now.getTime() + 1_000))).toBe(true);
    expect(await b.claim(1, new Date(now.getTime() + CORRECTION_EDIT_LEASE_MS))).toBe(false);
    expect(await b.claim(1, new Date(now.getTime() + 1_000 + CORRECTION_EDIT_LEASE_MS + 1))).toBe(true);
    expect(await a.claim(1, new Date(now.getTime() + 1_000 + CORRECTION_EDIT_LEASE_MS + 2))).toBe(false);
  });
});
