import { sql, type Kysely } from 'kysely';
import type { Actor, CorrectionKind, CorrectionRecord, EditAttempt, UpdateStorePort } from '../core/updates/update-port.js';
import type { StoredPatch } from '../core/patch/patch-schema.js';
import type { EditorUpdate, PatchRecord, UpdateOrigin, UpdateRecord } from '../core/updates/update-schema.js';
import { deleteEvidence } from './evidence-store.js';
import { notifyKnowledgeChanged } from './knowledge-notifications.js';
import type { Store } from './open-store.js';
import { logRefusal } from './refusal-log.js';
import { lockKnowledge, readRevision } from './knowledge-revision.js';
import { greatest } from './store-dialect.js';
import type { StoreTables } from './store-tables.js';
import { toCorrection, toUpdate } from './update-rows.js';
import { writeTransaction } from './write-transaction.js';

/** A digest delivery, named as the deliveries table names it. */
export interface DeliveryRef {
  subscriptionId: number;
  localDate: string;
}

/** Thrown for a write to an update that does not exist or can no longer change. */
export class UpdateNotWritable extends Error {
  override readonly name = 'UpdateNotWritable';
}

type Db = Kysely<StoreTables>;

/**
 * Editors' updates and corrections, in the same database as the digests (SQLite or PostgreSQL, one behaviour).
 * Updates are never deleted: a retraction marks them, and each correction keeps the content before and after with
 * its author and reason. Every write that changes the knowledge notifies the other replicas as it commits.
 */
export class UpdateStore {
  constructor(private readonly store: Store) {}

  private get db(): Db {
    return this.store.db;
  }

  async list(): Promise<UpdateRecord[]> {
    return (await this.db.selectFrom('updates').selectAll().orderBy('id').execute()).map(toUpdate);
  }

  async get(id: number): Promise<UpdateRecord | undefined> {
    return getUpdate(this.db, id);
  }

  async add(input: { update: EditorUpdate; origin: UpdateOrigin } & Actor): Promise<UpdateRecord> {
    return this.insert({ content: JSON.stringify(input.update), kind: 'update', unverified: input.update.unverified, ...input });
  }

  /** Stores a patch (`desk apply`); it applies on top of the pack and every earlier update or patch, in id order. */
  async addPatch(input: { patch: StoredPatch; unverified: boolean; origin: UpdateOrigin } & Actor): Promise<PatchRecord> {
    return (await this.insert({ content: JSON.stringify(input.patch), kind: 'patch', ...input })) as PatchRecord;
  }

  async addPatchIfUnchanged(input: { patch: StoredPatch; unverified: boolean; origin: UpdateOrigin } & Actor, revision: string): Promise<PatchRecord | undefined> {
    return (await this.insert({ content: JSON.stringify(input.patch), kind: 'patch', ...input }, revision)) as PatchRecord | undefined;
  }

  /**
   * The id the next stored update or patch will most likely get: the sequence's next value, which counts ids a
   * rolled-back insert used up (ids only grow; a retracted one is never reused). Another replica may take it first;
   * the caller compares it with the id the insert returns (PatchDesk reloads everything when they differ).
   */
  async nextId(): Promise<number> {
    if (this.store.dialect === 'postgres') {
      const { rows } = await sql<{ last: number | string | null }>`SELECT pg_sequence_last_value(pg_get_serial_sequence('updates', 'id')::regclass) AS last`.execute(this.db);
      return Number(rows[0]?.last ?? 0) + 1;
    }
    const { rows } = await sql<{ seq: number }>`SELECT seq FROM sqlite_sequence WHERE name = 'updates'`.execute(this.db);
    return (rows[0]?.seq ?? 0) + 1;
  }

  /** Replaces the content; an amendment marked unverified (the update's own flag, or `unverified` for a patch) makes it unverified again. */
  async amend(id: number, update: EditorUpdate | StoredPatch, input: Actor & { reason: string; unverified?: boolean }): Promise<CorrectionRecord> {
    const unverified = 'patch' in update ? Boolean(input.unverified) : update.unverified;
    return this.correct(id, 'amend', input, async (trx) => {
      // Marking an amendment unverified withdraws an earlier verification; otherwise verification stands.
      await trx
        .updateTable('updates')
        .set({ content: JSON.stringify(update), amended_at: input.at.toISOString(), ...(unverified ? { unverified: 1, verified_at: null, verified_by: null } : {}) })
        .where('id', '=', id)
        .execute();
      return update;
    });
  }

  /** Marks an update retracted; a draft's private evidence goes with it, since nothing may cite it any more. */
  async retract(id: number, input: Actor & { reason: string }): Promise<CorrectionRecord> {
    return this.correct(id, 'retract', input, async (trx) => {
      await trx.updateTable('updates').set({ retracted_at: input.at.toISOString() }).where('id', '=', id).execute();
      await deleteEvidence(trx, id);
      return undefined;
    });
  }

  async verify(id: number, input: Actor): Promise<UpdateRecord> {
    return writeTransaction(this.store, async (trx) => {
      await lockKnowledge(trx, this.store.dialect);
      const verified = await trx
        .updateTable('updates')
        .set({ unverified: 0, verified_at: input.at.toISOString(), verified_by: input.author })
        .where('id', '=', id)
        .where('unverified', '=', 1)
        .where('retracted_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!verified) throw new UpdateNotWritable((await getUpdate(trx, id)) ? `update #${id} is not awaiting verification` : `there is no update #${id}`);
      await notifyKnowledgeChanged(trx, this.store.dialect);
      return toUpdate(verified);
    });
  }

  async recentCorrections(limit: number): Promise<CorrectionRecord[]> {
    return (await this.db.selectFrom('corrections').selectAll().orderBy('id', 'desc').limit(limit).execute()).map(toCorrection);
  }

  /** Corrections with an id above `afterId`, oldest first: what another process corrected since this one last looked. */
  async correctionsAfter(afterId: number): Promise<CorrectionRecord[]> {
    return (await this.db.selectFrom('corrections').selectAll().where('id', '>', afterId).orderBy('id').execute()).map(toCorrection);
  }

  /** Corrections of updates a posted digest had carried, made in (after, until]: the next digest's Corrections section. */
  async publishedCorrections(after: Date, until: Date): Promise<CorrectionRecord[]> {
    const rows = await this.db
      .selectFrom('corrections')
      .selectAll()
      .where('published', '=', 1)
      .where('created_at', '>', after.toISOString())
      .where('created_at', '<=', until.toISOString())
      .orderBy('id')
      .execute();
    return rows.map(toCorrection);
  }

  async recentUpdates(limit: number): Promise<UpdateRecord[]> {
    const latest = greatest(this.store.dialect, sql`recorded_at`, ...['verified_at', 'amended_at', 'retracted_at'].map((c) => sql`coalesce(${sql.ref(c)}, '')`));
    return (await this.db.selectFrom('updates').selectAll().orderBy(latest, 'desc').orderBy('id', 'desc').limit(limit).execute()).map(toUpdate);
  }

  async logAttempt(attempt: EditAttempt): Promise<void> {
    const row = {
      at: attempt.at,
      day: attempt.at.slice(0, 10),
      platform: attempt.platform,
      user_id: attempt.userId ?? null,
      action: attempt.action.slice(0, 100),
      allowed: attempt.allowed ? 1 : 0,
      detail: attempt.detail?.slice(0, 300) ?? null,
    };
    if (attempt.allowed || !attempt.userId) await this.db.insertInto('edit_attempts').values(row).execute();
    else await logRefusal(this.db, row);
  }

  async refusedAttempts(since: Date, limit: number): Promise<EditAttempt[]> {
    const rows = await this.db.selectFrom('edit_attempts').selectAll().where('allowed', '=', 0).where('at', '>=', since.toISOString()).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ at: r.at, platform: r.platform, action: r.action, allowed: false, ...(r.user_id ? { userId: r.user_id } : {}), ...(r.detail ? { detail: r.detail } : {}) }));
  }

  /** Changes whenever an update or correction is written or an update verified, by any replica. */
  async revision(): Promise<string> {
    return readRevision(this.db);
  }

  /** Records that a posted digest carried these updates, so a correction can find and edit it. */
  async recordCarried(delivery: DeliveryRef, updateIds: readonly number[], at: Date): Promise<void> {
    if (updateIds.length === 0) return;
    const rows = updateIds.map((id) => ({ update_id: id, subscription_id: delivery.subscriptionId, local_date: delivery.localDate, recorded_at: at.toISOString() }));
    await this.db.insertInto('update_deliveries').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }

  /** The digest deliveries that carried an update, oldest first. */
  async carriedBy(updateId: number): Promise<DeliveryRef[]> {
    const rows = await this.db.selectFrom('update_deliveries').select(['subscription_id', 'local_date']).where('update_id', '=', updateId).orderBy('local_date').orderBy('subscription_id').execute();
    return rows.map((r) => ({ subscriptionId: r.subscription_id, localDate: r.local_date }));
  }

  /** The updates one posted digest carried. */
  async carriedIn(delivery: DeliveryRef): Promise<number[]> {
    const rows = await this.db
      .selectFrom('update_deliveries')
      .select('update_id')
      .where('subscription_id', '=', delivery.subscriptionId)
      .where('local_date', '=', delivery.localDate)
      .orderBy('update_id')
      .execute();
    return rows.map((r) => r.update_id);
  }

  /** Every correction of these updates, oldest first. */
  async correctionsOf(updateIds: readonly number[]): Promise<CorrectionRecord[]> {
    if (updateIds.length === 0) return [];
    return (await this.db.selectFrom('corrections').selectAll().where('update_id', 'in', [...updateIds]).orderBy('id').execute()).map(toCorrection);
  }

  /** What happened to one posted digest's edit after a correction. */
  async recordEdit(correctionId: number, delivery: DeliveryRef, outcome: { status: 'edited' | 'failed'; error?: string }, at: Date): Promise<void> {
    await this.db
      .insertInto('correction_edits')
      .values({ correction_id: correctionId, subscription_id: delivery.subscriptionId, local_date: delivery.localDate, status: outcome.status, error: outcome.error?.slice(0, 300) ?? null, at: at.toISOString() })
      .onConflict((oc) =>
        oc.columns(['correction_id', 'subscription_id', 'local_date']).doUpdateSet((eb) => ({ status: eb.ref('excluded.status'), error: eb.ref('excluded.error'), at: eb.ref('excluded.at') })),
      )
      .execute();
  }

  /** Edits recorded for a correction. */
  async editsOf(correctionId: number): Promise<(DeliveryRef & { status: 'edited' | 'failed'; error?: string })[]> {
    const rows = await this.db.selectFrom('correction_edits').selectAll().where('correction_id', '=', correctionId).orderBy('local_date').orderBy('subscription_id').execute();
    return rows.map((r) => ({ subscriptionId: r.subscription_id, localDate: r.local_date, status: r.status, ...(r.error ? { error: r.error } : {}) }));
  }

  /**
   * One insert into updates and its notification, committed together; the id is the one the insert was given.
   * With `ifRevision`, nothing is inserted (undefined) unless the knowledge is still at that revision.
   */
  private async insert(input: { content: string; kind: 'update' | 'patch'; unverified: boolean; origin: UpdateOrigin } & Actor): Promise<UpdateRecord>;
  private async insert(input: { content: string; kind: 'update' | 'patch'; unverified: boolean; origin: UpdateOrigin } & Actor, ifRevision: string): Promise<UpdateRecord | undefined>;
  private async insert(input: { content: string; kind: 'update' | 'patch'; unverified: boolean; origin: UpdateOrigin } & Actor, ifRevision?: string): Promise<UpdateRecord | undefined> {
    return writeTransaction(this.store, async (trx) => {
      await lockKnowledge(trx, this.store.dialect);
      if (ifRevision !== undefined && (await readRevision(trx)) !== ifRevision) return undefined;
      const row = await trx
        .insertInto('updates')
        .values({ content: input.content, kind: input.kind, author: input.author, origin: input.origin, recorded_at: input.at.toISOString(), unverified: input.unverified ? 1 : 0 })
        .returningAll()
        .executeTakeFirstOrThrow();
      await notifyKnowledgeChanged(trx, this.store.dialect);
      return toUpdate(row);
    });
  }

  /** One write transaction: check the update can change, apply the change, keep before and after with the reason. */
  private async correct(id: number, kind: CorrectionKind, input: Actor & { reason: string }, change: (trx: Db) => Promise<EditorUpdate | StoredPatch | undefined>): Promise<CorrectionRecord> {
    return writeTransaction(this.store, async (trx) => {
      await lockKnowledge(trx, this.store.dialect);
      // FOR UPDATE on PostgreSQL: a second replica correcting the same update waits, then sees it as this one left it.
      const locked = trx.selectFrom('updates').selectAll().where('id', '=', id);
      const row = await (this.store.dialect === 'postgres' ? locked.forUpdate() : locked).executeTakeFirst();
      const current = row ? toUpdate(row) : undefined;
      if (!current) throw new UpdateNotWritable(`there is no update #${id}`);
      if (current.retractedAt) throw new UpdateNotWritable(`update #${id} was already retracted`);
      const after = await change(trx);
      const published = (await trx.selectFrom('update_deliveries').select('update_id').where('update_id', '=', id).limit(1).executeTakeFirst()) !== undefined;
      const correction = await trx
        .insertInto('corrections')
        .values({
          update_id: id,
          kind,
          reason: input.reason,
          author: input.author,
          created_at: input.at.toISOString(),
          before_content: JSON.stringify(current.update ?? current.patch),
          after_content: after ? JSON.stringify(after) : null,
          published: published ? 1 : 0,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await notifyKnowledgeChanged(trx, this.store.dialect);
      return toCorrection(correction);
    });
  }
}

async function getUpdate(db: Db, id: number): Promise<UpdateRecord | undefined> {
  const row = await db.selectFrom('updates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUpdate(row) : undefined;
}

/** The store as the core's editor commands see it: now that every method is async, the store itself fits the port. */
export function updateStorePort(store: UpdateStore): UpdateStorePort {
  return store;
}
