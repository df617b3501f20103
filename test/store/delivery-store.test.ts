import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open-database.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';

const dir = mkdtempSync(join(tmpdir(), 'strikewire-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const T0 = new Date('2024-03-10T16:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function twoConnections(name: string) {
  const path = join(dir, name, 'nested', 'strikewire.db');
  const a = openDatabase(path);
  const b = openDatabase(path);
  const subs = new SubscriptionStore(a);
  const sub = subs.upsert({ platform: 'slack', channelId: 'C1', localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'U1' }, at(-60)).subscription;
  return { path, a, b, sub, subs, storeA: new DeliveryStore(a), storeB: new DeliveryStore(b) };
}

describe('openDatabase', () => {
  it('creates the directory, uses WAL and records each migration once', () => {
    const { path, a, b } = twoConnections('open');
    expect(existsSync(path)).toBe(true);
    expect(a.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(b)).toEqual([]);
    expect(b.prepare('SELECT version FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    a.close();
    b.close();
  });
});

describe('DeliveryStore claims', () => {
  it('GIVEN two connections claiming the same slot THEN exactly one gets it', () => {
    const { storeA, storeB, sub, a, b } = twoConnections('race');
    const slot = { subscriptionId: sub.id, localDate: '2024-03-10', dueAt: T0, late: false };
    const first = storeA.claim(slot, 'proc-a', at(0), at(5));
    const second = storeB.claim(slot, 'proc-b', at(0), at(5));
    expect(first).toMatchObject({ owner: 'proc-a', retaken: false });
    expect(second).toBeUndefined();
    expect(storeB.renew(first!, at(6), at(1))).toBe(true);
    expect(storeB.confirm({ ...first!, owner: 'proc-b' }, ['1.2'], at(1))).toBe(false);
    expect(storeA.confirm(first!, ['1.2', '1.3'], at(1))).toBe(true);
    expect(storeB.claim(slot, 'proc-b', at(60), at(65))).toBeUndefined();
    expect(storeB.get(slot)).toMatchObject({ status: 'confirmed', messageIds: ['1.2', '1.3'], postedAt: at(1) });
    a.close();
    b.close();
  });

  it('lets another owner retake a claim only after its lease runs out, flagged for reconciliation', () => {
    const { storeA, storeB, sub, a, b } = twoConnections('lease');
    const slot = { subscriptionId: sub.id, localDate: '2024-03-10', dueAt: T0, late: false };
    const crashed = storeA.claim(slot, 'proc-a', at(0), at(5))!;
    expect(storeB.claim(slot, 'proc-b', at(4), at(9))).toBeUndefined();
    const retaken = storeB.claim(slot, 'proc-b', at(5), at(10));
    expect(retaken).toMatchObject({ owner: 'proc-b', attempts: 2, retaken: true });
    // The crashed owner, were it alive after all, can no longer renew or confirm.
    expect(storeA.renew(crashed, at(11), at(6))).toBe(false);
    expect(storeA.confirm(crashed, ['x'], at(6))).toBe(false);
    a.close();
    b.close();
  });

  it('retries a failed delivery only once its retry time has come, and never overwrites a record with a skip', () => {
    const { storeA, sub, a, b } = twoConnections('fail');
    const slot = { subscriptionId: sub.id, localDate: '2024-03-10', dueAt: T0, late: false };
    const claim = storeA.claim(slot, 'p', at(0), at(5))!;
    storeA.fail(claim, 'transient: 500', at(1), at(6));
    expect(storeA.claim(slot, 'p', at(5), at(10))).toBeUndefined();
    expect(storeA.claim(slot, 'p', at(6), at(11))).toMatchObject({ retaken: true });
    expect(storeA.skip(slot, 'missed', at(7))).toBe(false);
    const permanent = storeA.claim({ ...slot, localDate: '2024-03-11' }, 'p', at(0), at(5))!;
    storeA.fail(permanent, 'rejected', at(1));
    expect(storeA.claim({ ...slot, localDate: '2024-03-11' }, 'p', at(600), at(605))).toBeUndefined();
    expect(storeA.skip({ ...slot, localDate: '2024-03-09' }, 'missed', at(7))).toBe(true);
    expect(storeA.latest(sub.id)).toMatchObject({ localDate: '2024-03-11', status: 'failed', error: 'rejected' });
    a.close();
    b.close();
  });

  it('remembers when the previous digest went out, for the next digest’s window', () => {
    const { storeA, sub, a, b } = twoConnections('since');
    for (const [date, minutes] of [['2024-03-08', -2880], ['2024-03-09', -1440]] as const) {
      const c = storeA.claim({ subscriptionId: sub.id, localDate: date, dueAt: at(minutes), late: false }, 'p', at(minutes), at(minutes + 5))!;
      storeA.confirm(c, ['m'], at(minutes + 1));
    }
    expect(storeA.lastPostedAt(sub.id, '2024-03-10')).toEqual(at(-1439));
    expect(storeA.lastPostedAt(sub.id, '2024-03-09')).toEqual(at(-2879));
    a.close();
    b.close();
  });
});

describe('SubscriptionStore', () => {
  it('keeps one subscription per channel; re-subscribing changes it and lifts a pause', () => {
    const db = new Database(':memory:');
    migrate(db);
    const subs = new SubscriptionStore(db);
    const first = subs.upsert({ platform: 'discord', channelId: '42', workspaceId: 'G', localTime: '09:00', timeZone: 'Europe/London', createdBy: 'u1' }, at(0));
    subs.pause(first.subscription.id, 'Missing Access', at(1));
    expect(subs.listActive()).toEqual([]);
    const again = subs.upsert({ platform: 'discord', channelId: '42', localTime: '07:15', timeZone: 'America/Los_Angeles', createdBy: 'u2' }, at(2));
    expect(again.previous?.pausedReason).toBe('Missing Access');
    expect(again.subscription).toMatchObject({ id: first.subscription.id, workspaceId: 'G', localTime: '07:15', createdBy: 'u1', activeSince: at(2) });
    expect(again.subscription.pausedReason).toBeUndefined();
    const same = subs.upsert({ platform: 'discord', channelId: '42', localTime: '07:15', timeZone: 'America/Los_Angeles', createdBy: 'u3' }, at(3));
    expect(same.subscription.activeSince).toEqual(at(2));
    expect(subs.remove('discord', '42')).toBe(true);
    expect(subs.remove('discord', '42')).toBe(false);
    db.close();
  });
});
