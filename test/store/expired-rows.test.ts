import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDigestService } from '../../src/bots/digests/start-digests.js';
import { parseEnv } from '../../src/env.js';
import { FormMemoStore } from '../../src/store/form-memo-store.js';
import { ExpiredRowsPruner, PRUNE_INTERVAL_MS } from '../../src/store/expired-rows.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import type { Store } from '../../src/store/open-store.js';
import { ShareTokens } from '../../src/store/share-tokens.js';
import { MemoryDigestChannel } from '../scheduler/memory-digest-channel.js';
import { digestWorld, ManualClock, packContext } from '../scheduler/scheduler-harness.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

const MINUTE = 60_000;
const T0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function count(store: Store, table: 'interaction_claims' | 'share_tokens' | 'form_memos'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // PostgreSQL's count is a bigint, which pg hands over as a string.
  return Number(row.n);
}
const owner = { userId: 'U1', channelId: 'C1' };

describe.each(STORE_KINDS)('ExpiredRowsPruner on %s', (kind) => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function world() {
    const { store, database, close } = await openTestStore(kind);
    closers.push(close);
    /** Another replica on the same database, closed before the database is dropped. */
    const open = async () => {
      const replica = await database.open();
      closers.unshift(() => replica.close());
      return replica;
    };
    return { store, open, claims: new InteractionClaims(store), shares: new ShareTokens(store), memos: new FormMemoStore(store) };
  }

  it('deletes expired claims, share tokens and form memos, keeps live ones, and runs at most once an interval', async () => {
    const { store, claims, shares, memos } = await world();
    const form = { kind: 'update' as const };
    await memos.remember('discord', 'U1', form, at(-2 * MINUTE), MINUTE);
    const liveForm = await memos.remember('discord', 'U1', form, at(0), 10 * PRUNE_INTERVAL_MS);
    await claims.claim('slack', 'old-click', at(-2 * MINUTE), MINUTE);
    await claims.claim('discord', 'live-click', at(0), 10 * PRUNE_INTERVAL_MS);
    const live = await shares.issue('slack', owner, '{"name":"status"}', at(0), 10 * PRUNE_INTERVAL_MS);
    await shares.issue('discord', owner, '{"name":"status"}', at(-2 * MINUTE), MINUTE);
    const pruner = new ExpiredRowsPruner(store);

    expect(await pruner.pruneIfDue(at(0))).toEqual({ claims: 1, shareTokens: 1, formMemos: 1 });
    expect(await count(store, 'interaction_claims')).toBe(1);
    expect(await count(store, 'form_memos')).toBe(1);
    expect(await memos.recall('discord', liveForm, 'U1', at(MINUTE))).toEqual(form);
    expect(await shares.redeem('slack', live, owner, at(MINUTE))).toMatchObject({ kind: 'ok', payload: '{"name":"status"}' });

    // Rows that expire later wait for the next interval, however often the tick asks.
    await claims.claim('slack', 'soon-stale', at(0), MINUTE);
    for (let m = 1; m < 60; m++) expect(await pruner.pruneIfDue(at(m * MINUTE))).toBeUndefined();
    expect(await count(store, 'interaction_claims')).toBe(2);
    expect(await pruner.pruneIfDue(at(PRUNE_INTERVAL_MS))).toEqual({ claims: 1, shareTokens: 0, formMemos: 0 });
    expect(await count(store, 'interaction_claims')).toBe(1);
  });

  it('prunes again at once after the clock is set back, rather than waiting for it to catch up', async () => {
    const { store, claims } = await world();
    const pruner = new ExpiredRowsPruner(store);
    await pruner.pruneIfDue(at(0));
    await claims.claim('slack', 'stale', at(-10 * PRUNE_INTERVAL_MS), MINUTE);
    expect(await pruner.pruneIfDue(at(-5 * PRUNE_INTERVAL_MS))).toEqual({ claims: 1, shareTokens: 0, formMemos: 0 });
  });

  it('GIVEN two replicas pruning the same rows at once THEN each row is deleted once and neither fails', async () => {
    const { store, claims, open } = await world();
    const replica = await open();
    await claims.claim('slack', 'stale-a', at(-2 * MINUTE), MINUTE);
    await claims.claim('slack', 'stale-b', at(-2 * MINUTE), MINUTE);
    const results = await Promise.all([new ExpiredRowsPruner(store).pruneIfDue(at(0)), new ExpiredRowsPruner(replica).pruneIfDue(at(0))]);
    expect(results[0]!.claims + results[1]!.claims).toBe(2);
    expect(await count(replica, 'interaction_claims')).toBe(0);
  });
});

describe('the digest scheduler’s minute tick', () => {
  it('hands housekeeping the tick’s time, and a failing housekeeping neither stops the tick nor its due check', async () => {
    const { scheduler } = await digestWorld();
    const clock = new ManualClock(T0);
    const seen: string[] = [];
    const logs: string[] = [];
    let fail = true;
    const s = scheduler(clock.now, { slack: new MemoryDigestChannel(clock.now) }, {
      housekeeping: (now) => {
        seen.push(now.toISOString());
        if (fail) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
      log: (m) => logs.push(m),
    });
    expect(await s.tick()).toMatchObject({ posted: 0, failed: 0 });
    expect(logs.join('\n')).toMatch(/housekeeping failed, trying again next minute: database is locked/);
    fail = false;
    clock.advance(MINUTE);
    expect(await s.tick()).toBeDefined();
    expect(seen).toEqual([T0.toISOString(), at(MINUTE).toISOString()]);
  });
});

describe('the running digest service', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strikewire-prune-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prunes expired claims on its minute tick, on the database file the bots share, and logs what it deleted', async () => {
    const clock = new ManualClock(T0);
    const logs: string[] = [];
    const service = await openDigestService(parseEnv({ DATABASE_PATH: join(dir, 'strikewire.db') }), { clock: clock.now, cron: false, channels: {}, log: (m) => logs.push(m) });
    const started = await service.start(packContext);
    try {
      const claims = new InteractionClaims(service.store);
      await claims.claim('discord', 'stale-interaction', at(-2 * MINUTE), MINUTE);
      await claims.claim('discord', 'fresh-interaction', at(0));
      await started.scheduler.tick();
      expect(await service.store.db.selectFrom('interaction_claims').select('key').execute()).toEqual([{ key: 'fresh-interaction' }]);
      expect(logs.join('\n')).toContain('pruned 1 expired interaction claims and 0 expired share tokens');
    } finally {
      await started.stop();
    }
  });
});
