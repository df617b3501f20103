import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failoverBoundMs, GATEWAY_LEASE_NAME, GATEWAY_LEASE_TIMING, stepDownAfterMs, type LeaseTiming } from '../../src/bots/discord/gateway-election.js';
import { LeaseStore } from '../../src/store/lease-store.js';
import type { Store } from '../../src/store/open-store.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { createTestDatabase, REPLICA_STORE_KIND, type TestDatabase } from '../support/test-store.js';

const REPLICA = fileURLToPath(new URL('./gateway-replica.ts', import.meta.url));
/** Discord's promise to the newsroom: a dead holder's gateway is back within this long. */
const FAILOVER_LIMIT_MS = 30_000;
/** Time left for the new holder's login (GET /gateway/bot, connect, IDENTIFY) once it holds the lease. */
const LOGIN_ALLOWANCE_MS = 5_000;

describe('gateway lease timing', () => {
  it('replaces a dead holder within 30 s with production constants, leaving time to log in', () => {
    expect(failoverBoundMs(GATEWAY_LEASE_TIMING) + LOGIN_ALLOWANCE_MS).toBeLessThanOrEqual(FAILOVER_LIMIT_MS);
  });

  it('closes a holder\'s session a whole renewal period before its lease could pass on, and renews more often than that', () => {
    const t = GATEWAY_LEASE_TIMING;
    expect(stepDownAfterMs(t) + t.renewEveryMs).toBeLessThanOrEqual(t.ttlMs);
    expect(t.renewEveryMs).toBeLessThan(stepDownAfterMs(t));
  });
});

interface Replica {
  child: ChildProcess;
  started: Promise<void>;
  exited: Promise<NodeJS.Signals | null>;
  output(): string;
}

describe(`two bot replicas sharing one ${REPLICA_STORE_KIND} store and one bot token`, () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let observer: Store;
  let leases: LeaseStore;
  let workDir: string;
  const replicas: Replica[] = [];

  beforeEach(async () => {
    fake = await startFakeDiscord();
    database = await createTestDatabase(REPLICA_STORE_KIND);
    observer = await database.open();
    leases = new LeaseStore(observer);
    workDir = mkdtempSync(join(tmpdir(), 'strikewire-replicas-'));
  });

  afterEach(async () => {
    for (const r of replicas.splice(0)) {
      if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
      await r.exited;
    }
    await observer.close();
    await database.drop();
    await fake.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  function startReplica(timing?: LeaseTiming): Replica {
    const index = replicas.length;
    const child = spawn(process.execPath, ['--import', 'tsx', REPLICA], {
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: 'fake.bot.token',
        DISCORD_API_URL: fake.apiUrl,
        LEASE_STORE: JSON.stringify(database.config),
        DATABASE_PATH: join(workDir, `replica-${index}.db`),
        ...(timing ? { GATEWAY_LEASE_TIMING: JSON.stringify(timing) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => void (out += chunk.toString('utf8')));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const started = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', () => {
        if (out.includes('"msg":"replica started"')) resolve();
      });
      void exited.then(() => reject(new Error(`replica ${index} exited before it started:\n${out}`)));
    });
    const replica = { child, started, exited, output: () => out };
    replicas.push(replica);
    return replica;
  }

  async function holderPid(): Promise<number | undefined> {
    const holder = await leases.holderOf(GATEWAY_LEASE_NAME);
    return holder === undefined ? undefined : Number(holder.split(':').at(-2));
  }

  /** The first replica logs in; the second, started after it, stands by. */
  async function holderAndStandby(timing?: LeaseTiming): Promise<[Replica, Replica]> {
    const first = startReplica(timing);
    await first.started;
    expect(fake.identifies).toHaveLength(1);
    const second = startReplica(timing);
    await second.started;
    expect(second.output()).toContain('standing by');
    expect(fake.identifies).toHaveLength(1);
    expect(await holderPid()).toBe(first.child.pid);
    return [first, second];
  }

  it('keeps one gateway session, and a standby identifies within 30 s of the holder being SIGKILLed', { timeout: 120_000 }, async () => {
    const [holder, standby] = await holderAndStandby();
    const killedAt = Date.now();
    holder.child.kill('SIGKILL');
    expect(await holder.exited).toBe('SIGKILL');

    await fake.waitForIdentifies(2, FAILOVER_LIMIT_MS - (Date.now() - killedAt));
    if (process.env.REPORT_FAILOVER) process.stderr.write(`failover after SIGKILL: ${Date.now() - killedAt} ms\n`);
    expect(await holderPid()).toBe(standby.child.pid);
    // The dead holder's socket was gone before the standby identified: never two sessions at once.
    expect(fake.identifies.map((i) => i.othersOpen)).toEqual([0, 0]);
    await fake.waitForOpenSessions(1);
  });

  it('hands the gateway over at once, long before the lease would expire, when the holder stops on SIGTERM', { timeout: 120_000 }, async () => {
    // A lease far longer than the wait below: only the release on SIGTERM can let the standby in that fast.
    const timing: LeaseTiming = { ttlMs: 120_000, renewEveryMs: 5_000, retryEveryMs: 250 };
    const [holder, standby] = await holderAndStandby(timing);
    const stoppedAt = Date.now();
    holder.child.kill('SIGTERM');
    await fake.waitForIdentifies(2, 20_000);
    if (process.env.REPORT_FAILOVER) process.stderr.write(`handover after SIGTERM: ${Date.now() - stoppedAt} ms\n`);
    expect(await holder.exited).toBe(null);
    expect(holder.output()).toContain('"msg":"stopped"');
    expect(await holderPid()).toBe(standby.child.pid);
    expect(fake.identifies.map((i) => i.othersOpen)).toEqual([0, 0]);
  });
});
