import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { DigestPlatform, DigestSubscription, SubscriptionInput } from '../core/digest/subscription-port.js';

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


/** Digest subscriptions in SQLite: one per platform channel. */
export class SubscriptionStore {
  constructor(private readonly db: Database.Database) {}

  find(platform: DigestPlatform, channelId: string): DigestSubscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?').get(platform, channelId);
    return row ? toSubscription(row) : undefined;
  }

  get(id: number): DigestSubscription | undefined {
    const row = this.db.prepare('SELECT * FROM subscriptions WHERE id = ?').get(id);
    return row ? toSubscription(row) : undefined;
  }

  /** Subscriptions that should receive digests (not paused). */
  listActive(): DigestSubscription[] {
    return this.db.prepare('SELECT * FROM subscriptions WHERE paused_reason IS NULL ORDER BY id').all().map(toSubscription);
  }

  /** Creates the channel's subscription or changes its time and zone; either way the pause is lifted. */
  upsert(input: SubscriptionInput, now: Date): { subscription: DigestSubscription; previous?: DigestSubscription } {
    return this.db
      .transaction(() => {
        const previous = this.find(input.platform, input.channelId);
        const at = now.toISOString();
        this.db
          .prepare(
            `INSERT INTO subscriptions (platform, workspace_id, channel_id, local_time, time_zone, created_by, created_at, active_since)
             VALUES (@platform, @workspaceId, @channelId, @localTime, @timeZone, @createdBy, @at, @at)
             ON CONFLICT (platform, channel_id) DO UPDATE SET
               workspace_id = COALESCE(excluded.workspace_id, workspace_id), local_time = excluded.local_time,
               time_zone = excluded.time_zone, paused_reason = NULL, paused_at = NULL,
               -- A new time or zone owes nothing before now; the same schedule again (a share, a resume) keeps its start.
               active_since = CASE WHEN local_time = excluded.local_time AND time_zone = excluded.time_zone THEN active_since ELSE excluded.active_since END`,
          )
          .run({ ...input, workspaceId: input.workspaceId ?? null, at });
        const subscription = this.find(input.platform, input.channelId)!;
        return previous ? { subscription, previous } : { subscription };
      })
      .immediate();
  }

  /** Removes the subscription and its delivery history; true when it existed. */
  remove(platform: DigestPlatform, channelId: string): boolean {
    return this.db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes > 0;
  }

  /** Stops deliveries to a channel that is gone or shut the bot out; the reason is shown in `digest status`. */
  pause(id: number, reason: string, now: Date): void {
    this.db.prepare('UPDATE subscriptions SET paused_reason = ?, paused_at = ? WHERE id = ?').run(reason, now.toISOString(), id);
  }
}
