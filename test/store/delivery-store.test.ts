import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import type { Store } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';

const T0 = new Date('2024-03-10T16:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(STORE_KINDS)('DeliveryStore claims on %s', (kind) => {
  const opened: Store[] = [];
  const databases: TestDatabase[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    for (const d of databases.splice(0)) await d.drop();
  });

  /** Two stores on one database, as two replicas would have them. */
  async function twoReplicas() {
    const database = await createTestDatabase(kind);
    databases.push(database);
    const a = await database.open();
    opened.push(a);
    const b = await database.open();
    opened.push(b);
    const input = { platform: 'slack' as const, channelId: 'C1', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'U1' };
    const { subscription: sub } = await new SubscriptionStore(a).upsert(input, at(-60));
    return { sub, storeA: new DeliveryStore(a), storeB: new DeliveryStore(b) };
  }

  it('GIVEN two replicas claiming the same slot THEN exactly one gets it', async () => {
    const { storeA, storeB, sub } = await twoReplicas();
    const slot = { subscriptionId: sub.id, localDate: '2024-03-10', dueAt: T0, late: false };
    const first = await storeA.claim(slot, 'proc-a', at(0), at(5));
    const second = await storeB.claim(slot, 'proc-b', at(0), at(5));
    expect(first).toMatchObject({ owner: 'proc-a', retaken: false });
    expect(second).toBeUndefined();
    expect(await storeB.renew(first!, at(6), at(1))).toBe(true);
    expect(await storeB.confirm({ ...first!, owner: 'proc-b' }, ['1.2'], at(1))).toBe(false);
    expect(await storeA.confirm(first!, ['1.2', '1.3'], at(1))).toBe(true);
    expect(await storeB.claim(slot, 'proc-b', at(60), at(65))).toBeUndefined();
    expect(await storeB.get(slot)).toMatchObject({ status: 'confirmed', messageIds: ['1.2', '1.3'], postedAt: at(1) });
  });

  it('GIVEN many claims of one slot at once from both replicas THEN exactly one wins', async () => {
    const { storeA, storeB, sub } = await twoReplicas();
    const slot = { subscriptionId: sub.id, localDate: '2024-03-12', dueAt: T0, late: true };
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? storeA : storeB).claim(slot, `proc-${i}`, at(0), at(5)).catch(() => undefined)),
    );
    const winners = claims.filter((c) => c !== undefined);
    expect(winners).toHaveLength(1);
    expect(await storeA.get(slot)).toMatchObject({ status: 'claimed', claimOwner: winners[0]!.owner, late: true, attempts: 1 });
  });

  it('lets another owner retake a claim only after its lease runs out, flagged for reconciliation', async () => {
    const { storeA, storeB, sub } = await twoReplicas();
    const slot = { subscriptionId: sub.id, localDate: '2024-03-10', dueAt: T0, late: false };
    const crashed = (await storeA.claim(slot, 'proc-a', at(0), at(5)))!;
    expect(await storeB.claim(slot, 'proc-b', at(4), at(9))).toBeUndefined();
    const retaken = await storeB.claim(slot, 'proc-b', at(5), at(10));
    expect(retaken).toMatchObject({ owner: 'proc-b', attempts: 2, retaken: true });
    // The crashed owner, were it alive after all, can no longer renew or confirm.
    expect(await storeA.renew(crashed, at(11), at(6))).toBe(false);
    expect(await storeA.confirm(crashed, ['x'], at(6))).toBe(false);
  });

  it('retries a failed delivery only once its retry time has come, and never overwrites a record with a skip', async () => {
    const { storeA, sub } = await twoReplicas();
    const slot = { subscriptionId: sub.id, localDate: '2024-03-10', dueAt: T0, late: false };
    const claim = (await storeA.claim(slot, 'p', at(0), at(5)))!;
    await storeA.fail(claim, 'transient: 500', at(1), at(6));
    expect(await storeA.claim(slot, 'p', at(5), at(10))).toBeUndefined();
    expect(await storeA.claim(slot, 'p', at(6), at(11))).toMatchObject({ retaken: true });
    expect(await storeA.skip(slot, 'missed', at(7))).toBe(false);
    const permanent = (await storeA.claim({ ...slot, localDate: '2024-03-11' }, 'p', at(0), at(5)))!;
    await storeA.fail(permanent, 'rejected', at(1));
    expect(await storeA.claim({ ...slot, localDate: '2024-03-11' }, 'p', at(600), at(605))).toBeUndefined();
    expect(await storeA.skip({ ...slot, localDate: '2024-03-09' }, 'missed', at(7))).toBe(true);
    expect(await storeA.latest(sub.id)).toMatchObject({ localDate: '2024-03-11', status: 'failed', error: 'rejected' });
    expect((await storeA.since('2024-03-10')).map((d) => d.localDate).sort()).toEqual(['2024-03-10', '2024-03-11']);
  });

  it('remembers when the previous digest went out, for the next digest’s window', async () => {
    const { storeA, sub } = await twoReplicas();
    for (const [date, minutes] of [['2024-03-08', -2880], ['2024-03-09', -1440]] as const) {
      const c = (await storeA.claim({ subscriptionId: sub.id, localDate: date, dueAt: at(minutes), late: false }, 'p', at(minutes), at(minutes + 5)))!;
      await storeA.confirm(c, ['m'], at(minutes + 1));
    }
    expect(await storeA.lastPostedAt(sub.id, '2024-03-10')).toEqual(at(-1439));
    expect(await storeA.lastPostedAt(sub.id, '2024-03-09')).toEqual(at(-2879));
    expect(await storeA.lastPostedAt(sub.id)).toEqual(at(-1439));
  });

  it('reads the database’s clock as an instant close to this machine’s', async () => {
    const { storeA, storeB } = await twoReplicas();
    const [a, b] = [await storeA.dbNow(), await storeB.dbNow()];
    expect(Number.isNaN(a.getTime())).toBe(false);
    // The same server (or file) answers both: its clock, not each caller's, is what leases are compared in.
    expect(Math.abs(b.getTime() - a.getTime())).toBeLessThan(60_000);
    expect(Math.abs(a.getTime() - Date.now())).toBeLessThan(60 * 60_000);
  });
});
