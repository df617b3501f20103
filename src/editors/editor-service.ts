import { FormMemoStore } from '../store/form-memo-store.js';
import { StoredHeldUpdates } from '../store/held-update-store.js';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { CommandContext, CommandSpec } from '../core/commands/command-spec.js';
import type { DigestPlatform, DigestSubscription } from '../core/digest/subscription-port.js';
import type { Pack } from '../core/knowledge/schema.js';
import { systemClock, type Clock } from '../core/time/clock.js';
import { createEditorCommands } from '../core/updates/editor-commands.js';
import type { CorrectionPublisher } from '../core/updates/update-port.js';
import { EditorDesk } from '../core/updates/editor-desk.js';
import { PatchDesk } from '../core/patch/patch-desk.js';
import type { DigestChannel } from '../scheduler/digest-channel.js';
import type { Sleep } from '../scheduler/send-with-retry.js';
import { DeliveryStore } from '../store/delivery-store.js';
import { SubscriptionStore } from '../store/subscription-store.js';
import { UpdateStore, updateStorePort } from '../store/update-store.js';
import { retrying, type BusyRetryPolicy } from '../store/busy-retry.js';
import { CorrectionEditClaims } from '../store/correction-edit-claims.js';
import { listenForKnowledge } from '../store/knowledge-notifications.js';
import type { Store } from '../store/open-store.js';
import { recordCarriedUpdates } from './carried-updates.js';
import { coalescedRun } from './coalesced-run.js';
import { correctionsForNextDigest, createCorrectionPublisher } from './digest-corrections.js';
import { componentLog } from '../log/logger.js';

/** Editors' writes wait out a lock briefly: a form submission must still be acknowledged within three seconds. */
const EDITOR_STORE_RETRY: BusyRetryPolicy = { budgetMs: 1_500, firstDelayMs: 10, maxDelayMs: 200 };

/**
 * How often a running bot looks for updates another process stored (the CLI's ingest --apply, a second bot). On
 * PostgreSQL a notification brings them within moments; this poll is the safety net on both engines.
 */
export const SYNC_INTERVAL_MS = 30_000;

/** Everything editors need, as main.ts and the tests wire it. */
export interface EditorService {
  desk: EditorDesk;
  /** Patches in the pack's own format, through the same desk, store and corrections. */
  patches: PatchDesk;
  store: UpdateStore;
  /** update, correct, verify and log, to register as core extensions. */
  commands: CommandSpec[];
  /** Wraps a platform's digest poster so posted digests record the updates they carried. */
  wrapChannel(channel: DigestChannel): DigestChannel;
  /** Gives the service the digest posters it edits through after a correction. */
  useChannels(channels: Partial<Record<DigestPlatform, DigestChannel>>): void;
  /** The Corrections section of a subscription's next digest. */
  corrections(subscription: DigestSubscription): Promise<string[]>;
  /**
   * Edits the posted digests behind corrections another process made (`cli desk retract`, `desk amend`), which
   * has no bot to edit through; corrections already edited, or of nothing posted, are left alone.
   */
  publishPending(): Promise<number>;
  /**
   * Loads the stored updates into the shared context, then keeps it in step with the database: on each
   * PostgreSQL notification from another replica, and every sync interval.
   */
  start(ctx: CommandContext): Promise<{ stop(): Promise<void> }>;
}

/** Setup and test hooks. */
export interface EditorServiceOptions {
  /** The shipped pack: stored updates are merged into it, never written to it. */
  pack: Pack;
  clock?: Clock;
  log?: (message: string) => void;
  sleep?: Sleep;
  syncIntervalMs?: number;
  /** Called after a sync loaded knowledge another process or replica stored. */
  onKnowledgeSynced?: () => void;
}

/** Builds the editors' desk on the digests' store (SQLite or PostgreSQL), with corrections that edit posted digests. */
export function openEditorService(store: Store, options: EditorServiceOptions): EditorService {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? componentLog('editors');
  const updates = new UpdateStore(store);
  const deliveries = new DeliveryStore(store);
  let channels: Partial<Record<DigestPlatform, DigestChannel>> = {};
  const edits = new CorrectionEditClaims(store, `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`);
  const editsOnce = createCorrectionPublisher({
    pack: options.pack,
    updates,
    subscriptions: new SubscriptionStore(store),
    deliveries,
    channels: () => channels,
    clock,
    log,
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  // One replica edits the digests behind each correction: the one that made it, unless another already took it.
  const publisher: CorrectionPublisher = {
    publish: async (correction) => ((await edits.claim(correction.id)) ? editsOnce.publish(correction) : { edited: 0, failed: 0 }),
  };
  const port = retrying(updateStorePort(updates), EDITOR_STORE_RETRY);
  // Changes awaiting Confirm live in the store, so the Confirm click may reach any replica.
  const desk = new EditorDesk({ pack: options.pack, store: port, publisher, log, held: new StoredHeldUpdates(new FormMemoStore(store)) });
  const corrections = correctionsForNextDigest({ updates, deliveries, clock });
  let shared: CommandContext | undefined;
  let seenCorrection = 0;
  const publishPending = async (): Promise<number> => {
    let published = 0;
    for (const correction of await updates.correctionsAfter(seenCorrection)) {
      seenCorrection = correction.id;
      if ((await updates.editsOf(correction.id)).length > 0 || (await updates.carriedBy(correction.updateId)).length === 0) continue;
      if (!(await edits.claim(correction.id))) continue;
      await editsOnce.publish(correction);
      published++;
    }
    return published;
  };
  // A patch's sources keep its id in their provenance: that is how a posted digest is known to carry the patch.
  const sourceOwner = (id: string) => (shared?.verifiedKnowledge ?? shared?.knowledge)?.sources.get(id)?.updateId;
  return {
    desk,
    patches: new PatchDesk(desk, port, publisher),
    store: updates,
    commands: createEditorCommands(desk),
    wrapChannel: (channel) => recordCarriedUpdates(channel, updates, clock, log, sourceOwner),
    useChannels(next) {
      channels = next;
    },
    corrections,
    publishPending,
    async start(ctx) {
      shared = ctx;
      const sync = coalescedRun(async () => {
        try {
          if (await desk.syncIfChanged(ctx)) options.onKnowledgeSynced?.();
        } catch (err) {
          log(`could not reload stored updates: ${(err as Error).message}`);
        }
      });
      // Corrections another process made are published on the interval only: the replica that made one is still
      // editing its digests when the notification arrives, and a claim keeps the rest of them from doing it twice.
      const poll = async () => {
        await sync();
        await publishPending().catch((err: unknown) => log(`could not edit the digests behind a correction: ${(err as Error).message}`));
      };
      // Listen before the first load, so that nothing stored in between goes unnoticed.
      const listener = store.pool ? listenForKnowledge(store.pool, () => void sync(), log) : undefined;
      await listener?.ready;
      await desk.reload(ctx);
      seenCorrection = (await updates.recentCorrections(1))[0]?.id ?? 0;
      const timer = setInterval(() => void poll(), options.syncIntervalMs ?? SYNC_INTERVAL_MS);
      timer.unref();
      return {
        async stop() {
          clearInterval(timer);
          await listener?.stop();
        },
      };
    },
  };
}
