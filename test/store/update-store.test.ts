import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { StoredPatchSchema } from '../../src/core/patch/patch-schema.js';
import { retrying } from '../../src/store/busy-retry.js';
import { EvidenceStore } from '../../src/store/evidence-store.js';
import type { Store } from '../../src/store/open-store.js';
import { UpdateNotWritable, UpdateStore } from '../../src/store/update-store.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';
import { meetingUpdate } from '../editors/support.js';

const at = (iso: string) => new Date(iso);
const PATCH = StoredPatchSchema.parse({
  title: 'Second session',
  patch: { events: [{ id: 'desk-session-2023-08-11', date: '2023-08-11', participants: ['wga', 'amptp'], title: 'A second session', text: 'The sides met again.', sources: ['desk-wire-aug-11'] }],
    sources: [{ id: 'desk-wire-aug-11', outlet: 'Strikewire Test Wire', title: 'Talks resume', date: '2023-08-11', kind: 'press', url: 'https://example.org/wire/talks' }],
  },
});
const UPDATE = EditorUpdateSchema.parse(meetingUpdate());
const EDITOR = { author: 'slack:U0EDITOR', at: at('2023-08-12T10:00:00Z') };

describe.each(STORE_KINDS)('the editors’ update store on %s', (kind) => {
  let database: TestDatabase;
  let store: Store;
  let updates: UpdateStore;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
    store = await database.open();
    updates = new UpdateStore(store);
  });
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  /** A subscription and its posted delivery, which update_deliveries rows point at. */
  async function delivery(channelId: string, localDate: string) {
    const sub = await store.db
      .insertInto('subscriptions')
      .values({ platform: 'slack', workspace_id: 'T0', channel_id: channelId, local_time: '09:00', time_zone: 'UTC', created_by: 'U0', created_at: '2023-08-01T00:00:00.000Z', active_since: '2023-08-01T00:00:00.000Z', paused_reason: null, paused_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('deliveries')
      .values({ subscription_id: sub.id, local_date: localDate, due_at: `${localDate}T09:00:00.000Z`, status: 'confirmed', claim_owner: null, lease_until: null, retry_at: null, message_id: '1.2', posted_at: `${localDate}T09:00:01.000Z`, error: null, updated_at: `${localDate}T09:00:01.000Z` })
      .execute();
    return { subscriptionId: sub.id, localDate };
  }

  it('adds form updates and patches in id order and changes its revision with each write', async () => {
    const empty = await updates.revision();
    const form = await updates.add({ update: UPDATE, origin: 'editor', ...EDITOR });
    const patch = await updates.addPatch({ patch: PATCH, unverified: true, origin: 'ingest', ...EDITOR });
    expect(form).toMatchObject({ id: 1, update: UPDATE, author: 'slack:U0EDITOR', origin: 'editor', recordedAt: '2023-08-12T10:00:00.000Z', unverified: false });
    expect(patch).toMatchObject({ id: 2, patch: PATCH, origin: 'ingest', unverified: true });
    expect((await updates.list()).map((r) => r.id)).toEqual([1, 2]);
    expect(await updates.get(2)).toEqual(patch);
    expect(await updates.get(3)).toBeUndefined();
    const added = await updates.revision();
    expect(added).not.toBe(empty);
    await updates.verify(2, { author: 'slack:U0LEAD', at: at('2023-08-12T11:00:00Z') });
    expect(await updates.revision()).not.toBe(added);
  });

  it('predicts the next id, counting ids a rolled-back insert used up, and two replicas never share one', async () => {
    expect(await updates.nextId()).toBe(1);
    await updates.addPatch({ patch: PATCH, unverified: false, origin: 'editor', ...EDITOR });
    const failed = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('updates').values({ content: '{}', author: 'x', origin: 'editor', recorded_at: EDITOR.at.toISOString() }).execute();
      throw new Error('roll back');
    });
    await expect(failed).rejects.toThrow('roll back');
    const predicted = await updates.nextId();
    expect((await updates.addPatch({ patch: PATCH, unverified: false, origin: 'editor', ...EDITOR })).id).toBe(predicted);

    const other = await database.open();
    try {
      const replica = new UpdateStore(other);
      const next = await updates.nextId();
      expect(await replica.nextId()).toBe(next);
      // On SQLite the second writer finds the file locked and waits its turn, as the editors' desk does.
      const [a, b] = await Promise.all([retrying(updates).addPatch({ patch: PATCH, unverified: false, origin: 'editor', ...EDITOR }), retrying(replica).addPatch({ patch: PATCH, unverified: false, origin: 'editor', ...EDITOR })]);
      expect(new Set([a.id, b.id]).size).toBe(2);
      expect([a.id, b.id]).toContain(next);
    } finally {
      await other.close();
    }
  });

  it('amends with the content before and after; an unverified amendment withdraws the verification', async () => {
    const patch = await updates.addPatch({ patch: PATCH, unverified: true, origin: 'editor', ...EDITOR });
    await updates.verify(patch.id, { author: 'slack:U0LEAD', at: at('2023-08-12T11:00:00Z') });
    const amended = StoredPatchSchema.parse({ ...PATCH, title: 'A phone call' });
    const correction = await updates.amend(patch.id, amended, { author: 'slack:U0LEAD', at: at('2023-08-12T12:00:00Z'), reason: 'it was a call', unverified: true });
    expect(correction).toMatchObject({ updateId: patch.id, kind: 'amend', reason: 'it was a call', before: PATCH, after: amended, published: false, at: '2023-08-12T12:00:00.000Z' });
    const after = await updates.get(patch.id);
    expect(after).toMatchObject({ patch: amended, unverified: true, amendedAt: '2023-08-12T12:00:00.000Z' });
    expect(after?.verifiedAt).toBeUndefined();
    // Without the mark, an amendment leaves the verification standing.
    await updates.verify(patch.id, { author: 'slack:U0LEAD', at: at('2023-08-12T13:00:00Z') });
    await updates.amend(patch.id, PATCH, { author: 'slack:U0LEAD', at: at('2023-08-12T14:00:00Z'), reason: 'back to the first text' });
    expect(await updates.get(patch.id)).toMatchObject({ unverified: false, verifiedBy: 'slack:U0LEAD' });
  });

  it('retracts once, taking a draft’s private evidence with it, and refuses writes to what cannot change', async () => {
    const evidence = new EvidenceStore(store);
    const draft = await updates.addPatch({ patch: PATCH, unverified: true, origin: 'ingest', ...EDITOR });
    const kept = await updates.addPatch({ patch: PATCH, unverified: true, origin: 'ingest', ...EDITOR });
    await evidence.add(draft.id, { sentence: 'The sides met.', sentences: ['The sides met.', 'They talked.'] }, EDITOR.at);
    await evidence.add(kept.id, { sentence: 'Another.', sentences: ['Another.'] }, EDITOR.at);
    expect(await evidence.allSentences()).toEqual(['The sides met.', 'They talked.', 'Another.']);
    const correction = await updates.retract(draft.id, { author: 'slack:U0LEAD', at: at('2023-08-12T12:00:00Z'), reason: 'not a meeting' });
    expect(correction).toMatchObject({ kind: 'retract', before: PATCH, published: false });
    expect(correction.after).toBeUndefined();
    expect((await updates.get(draft.id))?.retractedAt).toBe('2023-08-12T12:00:00.000Z');
    expect(await evidence.get(draft.id)).toBeUndefined();
    expect(await evidence.get(kept.id)).toEqual({ sentence: 'Another.', sentences: ['Another.'] });
    await expect(updates.retract(draft.id, { ...EDITOR, reason: 'again' })).rejects.toThrow(UpdateNotWritable);
    await expect(updates.amend(99, PATCH, { ...EDITOR, reason: 'x' })).rejects.toThrow('there is no update #99');
    await expect(updates.verify(draft.id, EDITOR)).rejects.toThrow('is not awaiting verification');
    await expect(updates.verify(99, EDITOR)).rejects.toThrow('there is no update #99');
  });

  it('keeps which posted digests carried an update, marks their corrections published and records each edit', async () => {
    const a = await delivery('C0A', '2023-08-12');
    const b = await delivery('C0B', '2023-08-12');
    const first = await updates.add({ update: UPDATE, origin: 'editor', ...EDITOR });
    const second = await updates.addPatch({ patch: PATCH, unverified: false, origin: 'editor', ...EDITOR });
    await updates.recordCarried(a, [first.id, second.id], at('2023-08-12T09:00:01Z'));
    await updates.recordCarried(a, [first.id], at('2023-08-12T09:00:02Z'));
    await updates.recordCarried(b, [first.id], at('2023-08-12T09:00:01Z'));
    expect(await updates.carriedBy(first.id)).toEqual([a, b]);
    expect(await updates.carriedIn(a)).toEqual([first.id, second.id]);

    const correction = await updates.retract(first.id, { author: 'slack:U0LEAD', at: at('2023-08-12T15:00:00Z'), reason: 'wrong day' });
    expect(correction.published).toBe(true);
    expect((await updates.publishedCorrections(at('2023-08-12T00:00:00Z'), at('2023-08-12T15:00:00Z'))).map((c) => c.id)).toEqual([correction.id]);
    expect(await updates.publishedCorrections(at('2023-08-12T15:00:00Z'), at('2023-08-13T00:00:00Z'))).toEqual([]);
    expect((await updates.correctionsOf([first.id, second.id])).map((c) => c.id)).toEqual([correction.id]);
    expect(await updates.correctionsOf([])).toEqual([]);
    expect((await updates.recentCorrections(1))[0]).toEqual(correction);
    expect(await updates.correctionsAfter(correction.id)).toEqual([]);
    expect((await updates.correctionsAfter(0)).map((c) => c.id)).toEqual([correction.id]);

    await updates.recordEdit(correction.id, a, { status: 'failed', error: 'rate limited' }, at('2023-08-12T15:00:01Z'));
    await updates.recordEdit(correction.id, a, { status: 'edited' }, at('2023-08-12T15:00:05Z'));
    await updates.recordEdit(correction.id, b, { status: 'failed', error: 'channel archived' }, at('2023-08-12T15:00:01Z'));
    expect(await updates.editsOf(correction.id)).toEqual([
      { ...a, status: 'edited' },
      { ...b, status: 'failed', error: 'channel archived' },
    ]);
  });

  it('lists updates by their latest activity', async () => {
    const old = await updates.add({ update: UPDATE, origin: 'editor', ...EDITOR });
    const fresh = await updates.addPatch({ patch: PATCH, unverified: true, origin: 'editor', author: 'slack:U0EDITOR', at: at('2023-08-12T11:00:00Z') });
    expect((await updates.recentUpdates(5)).map((r) => r.id)).toEqual([fresh.id, old.id]);
    await updates.retract(old.id, { author: 'slack:U0LEAD', at: at('2023-08-12T12:00:00Z'), reason: 'wrong' });
    expect((await updates.recentUpdates(5)).map((r) => r.id)).toEqual([old.id, fresh.id]);
    expect((await updates.recentUpdates(1)).map((r) => r.id)).toEqual([old.id]);
  });
});
