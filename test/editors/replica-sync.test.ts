import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { renderPlainText } from '../../src/core/reply/plain-text.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import type { Store } from '../../src/store/open-store.js';
import { PatchDesk } from '../../src/core/patch/patch-desk.js';
import { StoredPatchSchema } from '../../src/core/patch/patch-schema.js';
import { EditorDesk } from '../../src/core/updates/editor-desk.js';
import type { UpdateStorePort } from '../../src/core/updates/update-port.js';
import { UpdateStore, updateStorePort } from '../../src/store/update-store.js';
import { createTestDatabase, POSTGRES_AVAILABLE, STORE_KINDS, type TestDatabase } from '../support/test-store.js';
import { origin, PACK } from './support.js';

// A patch written for these tests: a fictional follow-up session, with a source of its own.
const PATCH = {
  sources: [{ id: 'replica-wire-aug-11', outlet: 'Strikewire Test Wire', title: 'Guild and studios talk again', date: '2023-08-11', kind: 'press', url: 'https://example.org/wire/replicas' }],
  events: [{ id: 'replica-session-2023-08-11', date: '2023-08-11', participants: ['wga', 'amptp'], title: 'Guild and studios hold a replica session', text: 'The two sides met for a session, the test wire said.', sources: ['replica-wire-aug-11'] }],
};
const STORED = StoredPatchSchema.parse({ title: 'Replica session', patch: PATCH });
const clock = fixedClock('2023-08-12T10:00:00Z');

interface Replica {
  store: Store;
  editors: EditorService;
  ctx: CommandContext;
  stop(): Promise<void>;
  /** Resolves once a sync has loaded knowledge with this event in it (or without it). */
  syncedWith(eventId: string, present?: boolean): Promise<void>;
}

let database: TestDatabase | undefined;
const replicas: Replica[] = [];
afterEach(async () => {
  for (const r of replicas.splice(0)) {
    await r.stop();
    await r.store.close();
  }
  await database?.drop();
  database = undefined;
});

async function startReplica(db: TestDatabase): Promise<Replica> {
  const store = await db.open();
  let waiting: (() => void) | undefined;
  // The 30 s poll stays the default: only a notification can bring the change within the test's time limit.
  const editors = openEditorService(store, { pack: PACK, clock, log: () => undefined, onKnowledgeSynced: () => waiting?.() });
  const ctx = contextFromPack(PACK, { clock, extensions: editors.commands });
  const running = await editors.start(ctx);
  // Resolves at the next sync that loads knowledge another replica stored.
  const nextSync = () => new Promise<void>((resolve) => (waiting = resolve));
  // Listening starts before the write: a sync already under way when it lands cannot resolve the wait too early.
  const syncedWith = async (eventId: string, present = true) => {
    const has = () => ctx.knowledge.events.some((e) => e.id === eventId) === present;
    while (!has()) await nextSync();
  };
  const replica: Replica = { store, editors, ctx, stop: running.stop, syncedWith };
  replicas.push(replica);
  return replica;
}

const ask = async (r: Replica, text: string) => renderPlainText(await runCommandText(r.ctx, text, origin(false)));

// LISTEN/NOTIFY is PostgreSQL's; CI always has the server (STRIKEWIRE_REQUIRE_POSTGRES), a laptop may not.
describe.runIf(POSTGRES_AVAILABLE)('replicas sharing one PostgreSQL database', () => {
  it('a patch stored through one replica is live on the other as soon as it commits, by LISTEN/NOTIFY', async () => {
    database = await createTestDatabase('postgres');
    const a = await startReplica(database);
    const b = await startReplica(database);
    const question = 'what happened in the second session?';
    expect(await ask(b, question)).not.toContain('Strikewire Test Wire');

    const started = performance.now();
    const synced = b.syncedWith('replica-session-2023-08-11');
    const outcome = await a.editors.patches.apply(a.ctx, PATCH, origin(true), { title: 'Replica session' });
    expect(outcome.kind).toBe('stored');
    await synced;
    const latencyMs = performance.now() - started;

    expect(b.ctx.knowledge.events.some((e) => e.id === 'replica-session-2023-08-11')).toBe(true);
    expect(await ask(b, question)).toContain('Strikewire Test Wire: Guild and studios talk again');

    // A retraction through the other replica travels back the same way.
    if (outcome.kind !== 'stored') return;
    const retracted = a.syncedWith('replica-session-2023-08-11', false);
    await b.editors.desk.retract(b.ctx, origin(true), outcome.record.id, 'there was no such session');
    await retracted;
    expect(a.ctx.knowledge.events.some((e) => e.id === 'replica-session-2023-08-11')).toBe(false);
    expect(await ask(a, question)).not.toContain('Strikewire Test Wire');

    // A few more, for a steadier figure: each stored through A, waited for on B.
    const samples = [latencyMs];
    for (let i = 1; i <= 5; i++) {
      const t0 = performance.now();
      const next = b.syncedWith(`replica-call-${i}`);
      const more = { sources: [{ ...PATCH.sources[0]!, id: `replica-wire-${i}` }], events: [{ ...PATCH.events[0]!, id: `replica-call-${i}`, title: `Call ${i}`, sources: [`replica-wire-${i}`] }] };
      expect((await a.editors.patches.apply(a.ctx, more, origin(true), { title: `Call ${i}` })).kind).toBe('stored');
      await next;
      samples.push(performance.now() - t0);
      expect(b.ctx.knowledge.events.some((e) => e.id === `replica-call-${i}`)).toBe(true);
    }
    console.info(`replica sync, stored on A to live on B: ${samples.map((v) => v.toFixed(0)).join(', ')} ms`);
  });
});

describe.each(STORE_KINDS)('two writers on one %s database', (kind) => {
  it('a patch checked against knowledge another replica changed meanwhile is checked again on top of that change', async () => {
    database = await createTestDatabase(kind);
    const mine = await database.open();
    const theirs = await database.open();
    replicas.push({ store: mine, stop: async () => undefined } as Replica, { store: theirs, stop: async () => undefined } as Replica);
    const other = new UpdateStore(theirs);
    let checks = 0;
    // The other replica stores its patch just as this one has checked the knowledge: the window a second replica opens.
    const base = updateStorePort(new UpdateStore(mine));
    const port: UpdateStorePort = Object.assign(Object.create(base) as UpdateStorePort, {
      async nextId() {
        if (++checks === 1) await other.addPatch({ patch: STORED, unverified: false, origin: 'editor', author: 'slack:U0OTHER', at: clock() });
        return base.nextId();
      },
    });
    const desk = new EditorDesk({ pack: PACK, store: port, log: () => undefined });
    const ctx = contextFromPack(PACK, { clock });
    await desk.reload(ctx);
    const own = {
      sources: [{ id: 'own-wire-aug-11', outlet: 'Strikewire Test Wire', title: 'A second look', date: '2023-08-11', kind: 'press', url: 'https://example.org/wire/own' }],
      events: [{ id: 'own-call-2023-08-11', date: '2023-08-11', participants: ['wga'], title: 'Guild calls its members', text: 'The guild called its members, the test wire said.', sources: ['own-wire-aug-11'] }],
    };
    const outcome = await new PatchDesk(desk, port).apply(ctx, own, origin(true), { title: 'Own call' });
    expect(outcome).toMatchObject({ kind: 'stored', record: { id: 2 } });
    expect(checks).toBe(2);
    expect(ctx.knowledge.events.some((e) => e.id === 'replica-session-2023-08-11')).toBe(true);
    expect(ctx.knowledge.events.some((e) => e.id === 'own-call-2023-08-11')).toBe(true);
  });

  it('stores nothing when the knowledge is no longer at the revision a patch was checked against', async () => {
    database = await createTestDatabase(kind);
    const store = await database.open();
    replicas.push({ store, stop: async () => undefined } as Replica);
    const updates = new UpdateStore(store);
    const input = { patch: STORED, unverified: false, origin: 'editor' as const, author: 'slack:U0EDITOR', at: clock() };
    const stale = await updates.revision();
    await updates.addPatch(input);
    expect(await updates.addPatchIfUnchanged(input, stale)).toBeUndefined();
    expect(await updates.list()).toHaveLength(1);
    expect(await updates.addPatchIfUnchanged(input, await updates.revision())).toMatchObject({ id: 2 });
  });
});
