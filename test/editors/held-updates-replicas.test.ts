import { afterEach, describe, expect, it } from 'vitest';
import { contextFromPack } from '../../src/core/create-context.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import type { Store } from '../../src/store/open-store.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';
import { AUG_12, meetingUpdate, origin, PACK } from './support.js';

describe.each(STORE_KINDS)('a change awaiting Confirm, with two replicas on one %s database', (kind) => {
  let database: TestDatabase | undefined;
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    await database?.drop();
    database = undefined;
  });

  async function replica(db: TestDatabase) {
    const store = await db.open();
    stores.push(store);
    const editors = openEditorService(store, { pack: PACK, clock: fixedClock(AUG_12), log: () => undefined });
    const ctx = contextFromPack(PACK, { clock: fixedClock(AUG_12), extensions: editors.commands });
    await editors.desk.reload(ctx);
    return { store, desk: editors.desk, ctx };
  }

  it('is confirmed on the other replica once, and only by its author; a Cancel there drops it for both', async () => {
    database = await createTestDatabase(kind);
    const [a, b] = [await replica(database), await replica(database)];
    const outcome = await a.desk.submit(a.ctx, meetingUpdate(), origin(true));
    if (outcome.kind !== 'confirm') throw new Error(`expected a confirmation, got ${outcome.kind}`);
    expect(await b.desk.isPendingOf(b.ctx, outcome.pendingId, origin(true))).toBe(true);
    expect(await b.desk.isPendingOf(b.ctx, outcome.pendingId, origin(true, 'U0OTHER'))).toBe(false);
    const [onB, onA] = [await b.desk.confirm(b.ctx, outcome.pendingId, origin(true)), await a.desk.confirm(a.ctx, outcome.pendingId, origin(true))];
    expect([onB.kind, onA.kind]).toEqual(['stored', 'invalid']);
    expect(await a.store.db.selectFrom('updates').select('id').execute()).toHaveLength(1);

    const second = await a.desk.submit(a.ctx, meetingUpdate({ date: '2023-08-12', stance: { party: 'amptp', stance: 'rejects' } }), origin(true));
    if (second.kind !== 'confirm') throw new Error(`expected a confirmation, got ${second.kind}`);
    expect(await b.desk.cancel(b.ctx, second.pendingId, origin(true, 'U0OTHER'))).toBe(false);
    expect(await b.desk.cancel(b.ctx, second.pendingId, origin(true))).toBe(true);
    expect((await a.desk.confirm(a.ctx, second.pendingId, origin(true))).kind).toBe('invalid');
    expect(await a.store.db.selectFrom('updates').select('id').execute()).toHaveLength(1);
  });
});
