import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorrectionEditClaims } from '../../src/store/correction-edit-claims.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

describe.each(STORE_KINDS)('claims on a correction’s digest edits on %s', (kind) => {
  let opened: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    opened = await openTestStore(kind);
  });
  afterEach(() => opened.close());

  it('gives each correction to one replica, and again to the same one', async () => {
    const a = new CorrectionEditClaims(opened.store, 'replica-a');
    const b = new CorrectionEditClaims(opened.store, 'replica-b');
    expect(await a.claim(1)).toBe(true);
    expect(await b.claim(1)).toBe(false);
    expect(await a.claim(1)).toBe(true);
    expect(await b.claim(2)).toBe(true);
    // Two replicas at the same instant: exactly one of them.
    expect((await Promise.all([a.claim(3), b.claim(3)])).filter(Boolean)).toHaveLength(1);
  });
});
