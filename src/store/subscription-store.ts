import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DigestPlatform, DigestSubscription, SubscriptionInput } from '../core/digest/subscription-port.js';
import type { Store } from './open-store.js';
import type { StoreTables } from './store-tables.js';
import { writeTransaction } from './write-transaction.js';

const SubscriptionRow = z.object({
  id: z.number().int(),
  platform: z.enum(['slack', 'discord']),
  workspace_id: z.string().nullable(),
  channel_id: z.string(),
  local_time: z.string().regex(/^\d{2}:\d{2}$/),
  time_zone: z.string(),
  created_by: z.string(),
  created_at: z.iso.datetime(),
  active_since: z.iso.datetime(),
  paused_reason: z.string().nullable(),
});

function toSubscription(raw: unknown): DigestSubscription {
  const row = SubscriptionRow.parse(raw);
  return {
    id: row.id,
    platform: row.platform,
    ...(row.workspace_id ? { workspaceId: row.workspace_id } : {}),
    channelId: row.channel_id,
    localTime: row.local_time,
    timeZone: row.time_zone,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    activeSince: new Date(row.active_since),
    ...(row.paused_reason ? { pausedReason: row.paused_reason } : {}),
  };
}

async function findIn(db: Kysely<StoreTables>, platform: DigestPlatform, channelId: string): Promise<DigestSubscription | undefined> {
  const row = await db.selectFrom('subscriptions').selectAll().where('platform', '=', platform).where('channel_id', '=', channelId).executeTakeFirst();
  return row ? toSubscription(row) : undefined;
}

/** Digest subscriptions in the store (SQLite or PostgreSQL): one per platform channel. */
export class SubscriptionStore {
  constructor(private readonly store: Store) {}

  find(platform: DigestPlatform, channelId: string): Promise<DigestSubscription | undefined> {
    return findIn(this.store.db, platform, channelId);
  }

  async get(id: number): Promise<DigestSubscription | undefined> {
    const row = await this.store.db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSubscription(row) : undefined;
  }

  /** Subscriptions that should receive digests (not paused). */
  async listActive(): Promise<DigestSubscription[]> {
    const rows = await this.store.db.selectFrom('subscriptions').selectAll().where('paused_reason', 'is', null).orderBy('id').execute();
    return rows.map(toSubscription);
  }

  /** Creates the channel's subscription or changes its time and zone; either way the pause is lifted. */
  upsert(input: SubscriptionInput, now: Date): Promise<{ subscription: DigestSubscription; previous?: DigestSubscription }> {
    return writeTransaction(this.store, async (trx) => {
      // SQLite's BEGIN IMMEDIATE already serialises writers; on PostgreSQL two replicas subscribing one channel at once
      // would both read "no previous" first, so they take a per-channel lock for the transaction, as SQLite would.
      if (this.store.dialect === 'postgres') {
        await sql`select pg_advisory_xact_lock(hashtext(${`subscription:${input.platform}:${input.channelId}`}))`.execute(trx);
      }
      const previous = await findIn(trx, input.platform, input.channelId);
      const at = now.toISOString();
      await trx
        .insertInto('subscriptions')
        .values({
          platform: input.platform,
          workspace_id: input.workspaceId ?? null,
          channel_id: input.channelId,
          local_time: input.localTime,
          time_zone: input.timeZone,
          created_by: input.createdBy,
          created_at: at,
          active_since: at,
        })
        .onConflict((oc) =>
          oc.columns(['platform', 'channel_id']).doUpdateSet((eb) => ({
            workspace_id: eb.fn.coalesce(eb.ref('excluded.workspace_id'), eb.ref('subscriptions.workspace_id')),
            local_time: eb.ref('excluded.local_time'),
            time_zone: eb.ref('excluded.time_zone'),
            paused_reason: null,
            paused_at: null,
            // A new time or zone owes nothing before now; the same schedule again (a share, a resume) keeps its start.
            active_since: eb
              .case()
              .when(
                eb.and([
                  eb('subscriptions.local_time', '=', eb.ref('excluded.local_time')),
                  eb('subscriptions.time_zone', '=', eb.ref('excluded.time_zone')),
                ]),
              )
              .then(eb.ref('subscriptions.active_since'))
              .else(eb.ref('excluded.active_since'))
              .end(),
          })),
        )
        .execute();
      const subscription = (await findIn(trx, input.platform, input.channelId))!;
      return previous ? { subscription, previous } : { subscription };
    });
  }

  /** Removes the subscription and its delivery history; true when it existed. */
  async remove(platform: DigestPlatform, channelId: string): Promise<boolean> {
    const result = await this.store.db
      .deleteFrom('subscriptions')
      .where('platform', '=', platform)
      .where('channel_id', '=', channelId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** Stops deliveries to a channel that is gone or shut the bot out; the reason is shown in `digest status`. */
  async pause(id: number, reason: string, now: Date): Promise<void> {
    await this.store.db.updateTable('subscriptions').set({ paused_reason: reason, paused_at: now.toISOString() }).where('id', '=', id).execute();
  }
}
