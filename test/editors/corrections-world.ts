import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import type { Store } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { ManualClock } from '../scheduler/scheduler-harness.js';
import { openTestStore } from '../support/test-store.js';
import { RecordingDigestChannel } from './recording-digest-channel.js';
import { PACK } from './support.js';

export const ZONE = 'America/Los_Angeles';
// 09:00 in Los Angeles in August.
export const AUG_12_DIGEST = '2023-08-12T16:00:30Z';
export const AUG_13_DIGEST = '2023-08-13T16:00:30Z';

/** Two Slack channels subscribed at 09:00 Los Angeles, the editors' desk and a scheduler posting through a recording channel. */
export interface World {
  db: Store;
  clock: ManualClock;
  channel: RecordingDigestChannel;
  editors: EditorService;
  ctx: CommandContext;
  scheduler: DigestScheduler;
  /** Stops the editors' sync, closes the store and drops its database. */
  close(): Promise<void>;
}

/** Starts a fresh world on a SQLite test database, with the clock at Aug 10, 2023. */
export async function startWorld(): Promise<World> {
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  const clock = new ManualClock(new Date('2023-08-10T00:00:00Z'));
  const subscriptions = new SubscriptionStore(db);
  const deliveries = new DeliveryStore(db);
  for (const channelId of ['C0NEWS', 'C0DESK']) await subscriptions.upsert({ platform: 'slack', channelId, localTime: '09:00', timeZone: ZONE, createdBy: 'U0ADMIN' }, clock.now());
  const channel = new RecordingDigestChannel();
  const editors = openEditorService(db, { pack: PACK, clock: clock.now, log: () => undefined, sleep: async () => undefined });
  editors.useChannels({ slack: channel });
  const ctx = contextFromPack(PACK, { clock: clock.now, extensions: editors.commands });
  const running = await editors.start(ctx);
  const scheduler = new DigestScheduler({
    ctx,
    subscriptions,
    deliveries,
    channels: { slack: editors.wrapChannel(channel) },
    clock: clock.now,
    corrections: (s) => editors.corrections(s),
    sleep: async () => undefined,
    log: () => undefined,
  });
  return {
    db,
    clock,
    channel,
    editors,
    ctx,
    scheduler,
    async close() {
      await running.stop();
      await opened.close();
    },
  };
}
