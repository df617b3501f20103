import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDigestService } from '../../src/bots/digests/start-digests.js';
import { parseEnv } from '../../src/env.js';
import { ExpiredRowsPruner, PRUNE_INTERVAL_MS } from '../../src/store/expired-rows.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { migrate } from '../../src/store/migrations.js';
import { ShareTokens } from '../../src/store/share-tokens.js';
import { MemoryDigestChannel } from '../scheduler/memory-digest-channel.js';
import { digestWorld, ManualClock, packContext } from '../scheduler/scheduler-harness.js';

const MINUTE = 60_000;
const T0 = new Date('2026-03-01T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

function world() {
  const db = new Database(':memory:');
  migrate(db);
  return { db, claims: new InteractionClaims(db), shares: new ShareTokens(db) };
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const owner = { userId: 'U1', channelId: 'C1' };

describe('ExpiredRowsPruner', () => {
  it('deletes expired claims and share tokens, keeps live ones, and runs at most once an interval', () => {
    const { db, claims, shares } = world();
    claims.claim('slack', 'old-click', at(-2 * MINUTE), MINUTE);
    claims.claim('discord', 'live-click', at(0), 10 * PRUNE_INTERVAL_MS);
    const live = shares.issue('slack', owner, '{"name":"status"}', at(0), 10 * PRUNE_INTERVAL_MS);
    shares.issue('discord', owner, '{"name":"status"}', at(-2 * MINUTE), MINUTE);
    const pruner = new ExpiredRowsPruner(db);

    expect(pruner.pruneIfDue(at(0))).toEqual({ claims: 1, shareTokens: 1 });
    expect(count(db, 'interaction_claims')).toBe(1);
    expect(shares.redeem('slack', live, owner, at(MINUTE))).toMatchObject({ kind: 'ok', payload: '{"name":"status"}' });

    // Rows that expire later wait for the next interval, however often the tick asks.
    claims.claim('slack', 'soon-stale', at(0), MINUTE);
    for (let m = 1; m < 60; m++) expect(pruner.pruneIfDue(at(m * MINUTE))).toBeUndefined();
    expect(count(db, 'interaction_claims')).toBe(2);
    expect(pruner.pruneIfDue(at(PRUNE_INTERVAL_MS))).toEqual({ claims: 1, shareTokens: 0 });
    expect(count(db, 'interaction_claims')).toBe(1);
  });

  it('prunes again at once after the clock is set back, rather than waiting for it to catch up', () => {
    const { db, claims } = world();
    const pruner = new ExpiredRowsPruner(db);
    pruner.pruneIfDue(at(0));
    claims.claim('slack', 'stale', at(-10 * PRUNE_INTERVAL_MS), MINUTE);
    expect(pruner.pruneIfDue(at(-5 * PRUNE_INTERVAL_MS))).toEqual({ claims: 1, shareTokens: 0 });
  });
});

describe('the digest scheduler’s minute tick', () => {
  it('hands housekeeping the tick’s time, and a failing housekeeping neither stops the tick nor its due check', async () => {
    const { scheduler } = digestWorld();
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
      const claims = new InteractionClaims(service.db);
      claims.claim('discord', 'stale-interaction', at(-2 * MINUTE), MINUTE);
      claims.claim('discord', 'fresh-interaction', at(0));
      await started.scheduler.tick();
      expect(service.db.prepare('SELECT key FROM interaction_claims').all()).toEqual([{ key: 'fresh-interaction' }]);
      expect(logs.join('\n')).toContain('pruned 1 expired interaction claims and 0 expired share tokens');
    } finally {
      await started.stop();
    }
  });
});
