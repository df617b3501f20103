import type Database from 'better-sqlite3';
import { logRefusal } from './refusal-log.js';
import { z } from 'zod';
import type { Actor, CorrectionKind, CorrectionRecord, EditAttempt, UpdateStorePort } from '../core/updates/update-port.js';
import { StoredPatchSchema, type StoredPatch } from '../core/patch/patch-schema.js';
import { EditorUpdateSchema, type EditorUpdate, type PatchRecord, type UpdateOrigin, type UpdateRecord } from '../core/updates/update-schema.js';

const UpdateRow = z.object({
  id: z.number().int(),
  content: z.string(),
  author: z.string(),
  origin: z.enum(['editor', 'ingest']),
  recorded_at: z.iso.datetime(),
  unverified: z.union([z.literal(0), z.literal(1)]),
  verified_at: z.iso.datetime().nullable(),
  verified_by: z.string().nullable(),
  amended_at: z.iso.datetime().nullable(),
  retracted_at: z.iso.datetime().nullable(),
  kind: z.enum(['update', 'patch']).default('update'),
});

const CorrectionRow = z.object({
  id: z.number().int(),
  update_id: z.number().int(),
  kind: z.enum(['amend', 'retract']),
  reason: z.string(),
  author: z.string(),
  created_at: z.iso.datetime(),
  before_content: z.string(),
  after_content: z.string().nullable(),
  published: z.union([z.literal(0), z.literal(1)]),
});

// Stored content went through the schema on the way in; parsing it again keeps a hand-edited row from slipping through.
const content = (json: string): EditorUpdate => EditorUpdateSchema.parse(JSON.parse(json));
const patchContent = (json: string): StoredPatch => StoredPatchSchema.parse(JSON.parse(json));
/** A correction's before or after: a patch when it has one, else a form update. */
const anyContent = (json: string): EditorUpdate | StoredPatch => {
  const value: unknown = JSON.parse(json);
  return value && typeof value === 'object' && 'patch' in value ? StoredPatchSchema.parse(value) : EditorUpdateSchema.parse(value);
};

function toUpdate(raw: unknown): UpdateRecord {
  const row = UpdateRow.parse(raw);
  return {
    id: row.id,
    ...(row.kind === 'patch' ? { patch: patchContent(row.content) } : { update: content(row.content) }),
    author: row.author,
    origin: row.origin,
    recordedAt: row.recorded_at,
    unverified: row.unverified === 1,
    ...(row.verified_at ? { verifiedAt: row.verified_at } : {}),
    ...(row.verified_by ? { verifiedBy: row.verified_by } : {}),
    ...(row.amended_at ? { amendedAt: row.amended_at } : {}),
    ...(row.retracted_at ? { retractedAt: row.retracted_at } : {}),
  };
}

function toCorrection(raw: unknown): CorrectionRecord {
  const row = CorrectionRow.parse(raw);
  return {
    id: row.id,
    updateId: row.update_id,
    kind: row.kind,
    reason: row.reason,
    author: row.author,
    at: row.created_at,
    before: anyContent(row.before_content),
    ...(row.after_content ? { after: anyContent(row.after_content) } : {}),
    published: row.published === 1,
  };
}

/** A digest delivery, named as the deliveries table names it. */
export interface DeliveryRef {
  subscriptionId: number;
  localDate: string;
}

/** Thrown for a write to an update that does not exist or can no longer change. */
export class UpdateNotWritable extends Error {
  override readonly name = 'UpdateNotWritable';
}

/**
 * Editors' updates and corrections in SQLite, in the same database as the digests. Updates are never deleted: a
 * retraction marks them, and each correction keeps the content before and after with its author and reason.
 */
export class UpdateStore {
  constructor(private readonly db: Database.Database) {}

  list(): UpdateRecord[] {
    return this.db.prepare('SELECT * FROM updates ORDER BY id').all().map(toUpdate);
  }

  get(id: number): UpdateRecord | undefined {
    const row = this.db.prepare('SELECT * FROM updates WHERE id = ?').get(id);
    return row ? toUpdate(row) : undefined;
  }

  add(input: { update: EditorUpdate; origin: UpdateOrigin } & Actor): UpdateRecord {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO updates (content, author, origin, recorded_at, unverified) VALUES (?, ?, ?, ?, ?)')
      .run(JSON.stringify(input.update), input.author, input.origin, input.at.toISOString(), input.update.unverified ? 1 : 0);
    return this.get(Number(lastInsertRowid))!;
  }

  /** Stores a patch (`desk apply`); it applies on top of the pack and every earlier update or patch, in id order. */
  addPatch(input: { patch: StoredPatch; unverified: boolean; origin: UpdateOrigin } & Actor): PatchRecord {
    const { lastInsertRowid } = this.db
      .prepare("INSERT INTO updates (content, author, origin, recorded_at, unverified, kind) VALUES (?, ?, ?, ?, ?, 'patch')")
      .run(JSON.stringify(input.patch), input.author, input.origin, input.at.toISOString(), input.unverified ? 1 : 0);
    return this.get(Number(lastInsertRowid)) as PatchRecord;
  }

  /** The id the next stored update or patch will get (ids only grow; a retracted one is never reused). */
  nextId(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'updates'").get() as { seq: number } | undefined;
    return (row?.seq ?? 0) + 1;
  }

  /** Replaces the content; an amendment marked unverified (the update's own flag, or `unverified` for a patch) makes it unverified again. */
  amend(id: number, update: EditorUpdate | StoredPatch, input: Actor & { reason: string; unverified?: boolean }): CorrectionRecord {
    const unverified = 'patch' in update ? Boolean(input.unverified) : update.unverified;
    return this.correct(id, 'amend', input, () => {
      // Marking an amendment unverified withdraws an earlier verification; otherwise verification stands.
      this.db
        .prepare(
          `UPDATE updates SET content = ?, amended_at = ?, unverified = CASE WHEN ? = 1 THEN 1 ELSE unverified END,
             verified_at = CASE WHEN ? = 1 THEN NULL ELSE verified_at END, verified_by = CASE WHEN ? = 1 THEN NULL ELSE verified_by END
           WHERE id = ?`,
        )
        .run(JSON.stringify(update), input.at.toISOString(), ...Array<number>(3).fill(unverified ? 1 : 0), id);
      return update;
    });
  }

  retract(id: number, input: Actor & { reason: string }): CorrectionRecord {
    return this.correct(id, 'retract', input, () => {
      this.db.prepare('UPDATE updates SET retracted_at = ? WHERE id = ?').run(input.at.toISOString(), id);
      return undefined;
    });
  }

  verify(id: number, input: Actor): UpdateRecord {
    const changed = this.db
      .prepare('UPDATE updates SET unverified = 0, verified_at = ?, verified_by = ? WHERE id = ? AND unverified = 1 AND retracted_at IS NULL')
      .run(input.at.toISOString(), input.author, id).changes;
    if (changed === 0) throw new UpdateNotWritable(this.get(id) ? `update #${id} is not awaiting verification` : `there is no update #${id}`);
    return this.get(id)!;
  }

  recentCorrections(limit: number): CorrectionRecord[] {
    return this.db.prepare('SELECT * FROM corrections ORDER BY id DESC LIMIT ?').all(limit).map(toCorrection);
  }

  /** Corrections with an id above `afterId`, oldest first: what another process corrected since this one last looked. */
  correctionsAfter(afterId: number): CorrectionRecord[] {
    return this.db.prepare('SELECT * FROM corrections WHERE id > ? ORDER BY id').all(afterId).map(toCorrection);
  }

  /** Corrections of updates a posted digest had carried, made in (after, until]: the next digest's Corrections section. */
  publishedCorrections(after: Date, until: Date): CorrectionRecord[] {
    return this.db
      .prepare('SELECT * FROM corrections WHERE published = 1 AND created_at > ? AND created_at <= ? ORDER BY id')
      .all(after.toISOString(), until.toISOString())
      .map(toCorrection);
  }

  recentUpdates(limit: number): UpdateRecord[] {
    return this.db
      .prepare('SELECT * FROM updates ORDER BY MAX(recorded_at, COALESCE(verified_at, \'\'), COALESCE(amended_at, \'\'), COALESCE(retracted_at, \'\')) DESC, id DESC LIMIT ?')
      .all(limit)
      .map(toUpdate);
  }

  logAttempt(attempt: EditAttempt): void {
    const row = [attempt.at, attempt.at.slice(0, 10), attempt.platform, attempt.userId ?? null, attempt.action.slice(0, 100), attempt.allowed ? 1 : 0, attempt.detail?.slice(0, 300) ?? null];
    if (attempt.allowed || !attempt.userId) {
      this.db.prepare('INSERT INTO edit_attempts (at, day, platform, user_id, action, allowed, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(...row);
    } else {
      logRefusal(this.db, row);
    }
  }

  refusedAttempts(since: Date, limit: number): EditAttempt[] {
    const rows = this.db
      .prepare('SELECT * FROM edit_attempts WHERE allowed = 0 AND at >= ? ORDER BY id DESC LIMIT ?')
      .all(since.toISOString(), limit) as { at: string; platform: string; user_id: string | null; action: string; detail: string | null }[];
    return rows.map((r) => ({ at: r.at, platform: r.platform, action: r.action, allowed: false, ...(r.user_id ? { userId: r.user_id } : {}), ...(r.detail ? { detail: r.detail } : {}) }));
  }

  revision(): string {
    const row = this.db
      .prepare(
        `SELECT (SELECT COALESCE(MAX(id), 0) FROM updates) AS u, (SELECT COALESCE(MAX(id), 0) FROM corrections) AS c,
                (SELECT COUNT(*) FROM updates WHERE verified_at IS NOT NULL) AS v`,
      )
      .get() as { u: number; c: number; v: number };
    return `${row.u}:${row.c}:${row.v}`;
  }

  /** Records that a posted digest carried these updates, so a correction can find and edit it. */
  recordCarried(delivery: DeliveryRef, updateIds: readonly number[], at: Date): void {
    const insert = this.db.prepare('INSERT OR IGNORE INTO update_deliveries (update_id, subscription_id, local_date, recorded_at) VALUES (?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const id of updateIds) insert.run(id, delivery.subscriptionId, delivery.localDate, at.toISOString());
    })();
  }

  /** The digest deliveries that carried an update, oldest first. */
  carriedBy(updateId: number): DeliveryRef[] {
    const rows = this.db
      .prepare('SELECT subscription_id, local_date FROM update_deliveries WHERE update_id = ? ORDER BY local_date, subscription_id')
      .all(updateId) as { subscription_id: number; local_date: string }[];
    return rows.map((r) => ({ subscriptionId: r.subscription_id, localDate: r.local_date }));
  }

  /** The updates one posted digest carried. */
  carriedIn(delivery: DeliveryRef): number[] {
    const rows = this.db
      .prepare('SELECT update_id FROM update_deliveries WHERE subscription_id = ? AND local_date = ? ORDER BY update_id')
      .all(delivery.subscriptionId, delivery.localDate) as { update_id: number }[];
    return rows.map((r) => r.update_id);
  }

  /** Every correction of these updates, oldest first. */
  correctionsOf(updateIds: readonly number[]): CorrectionRecord[] {
    if (updateIds.length === 0) return [];
    return this.db
      .prepare(`SELECT * FROM corrections WHERE update_id IN (${updateIds.map(() => '?').join(', ')}) ORDER BY id`)
      .all(...updateIds)
      .map(toCorrection);
  }

  /** What happened to one posted digest's edit after a correction. */
  recordEdit(correctionId: number, delivery: DeliveryRef, outcome: { status: 'edited' | 'failed'; error?: string }, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO correction_edits (correction_id, subscription_id, local_date, status, error, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (correction_id, subscription_id, local_date) DO UPDATE SET status = excluded.status, error = excluded.error, at = excluded.at`,
      )
      .run(correctionId, delivery.subscriptionId, delivery.localDate, outcome.status, outcome.error?.slice(0, 300) ?? null, at.toISOString());
  }

  /** Edits recorded for a correction. */
  editsOf(correctionId: number): (DeliveryRef & { status: 'edited' | 'failed'; error?: string })[] {
    const rows = this.db.prepare('SELECT * FROM correction_edits WHERE correction_id = ? ORDER BY local_date, subscription_id').all(correctionId) as {
      subscription_id: number;
      local_date: string;
      status: 'edited' | 'failed';
      error: string | null;
    }[];
    return rows.map((r) => ({ subscriptionId: r.subscription_id, localDate: r.local_date, status: r.status, ...(r.error ? { error: r.error } : {}) }));
  }

  /** One transaction: check the update can change, apply the change, keep before and after with the reason. */
  private correct(id: number, kind: CorrectionKind, input: Actor & { reason: string }, change: () => EditorUpdate | StoredPatch | undefined): CorrectionRecord {
    return this.db
      .transaction(() => {
        const current = this.get(id);
        if (!current) throw new UpdateNotWritable(`there is no update #${id}`);
        if (current.retractedAt) throw new UpdateNotWritable(`update #${id} was already retracted`);
        const after = change();
        const published = this.db.prepare('SELECT 1 FROM update_deliveries WHERE update_id = ? LIMIT 1').get(id) !== undefined;
        const { lastInsertRowid } = this.db
          .prepare('INSERT INTO corrections (update_id, kind, reason, author, created_at, before_content, after_content, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, kind, input.reason, input.author, input.at.toISOString(), JSON.stringify(current.update ?? current.patch), after ? JSON.stringify(after) : null, published ? 1 : 0);
        return toCorrection(this.db.prepare('SELECT * FROM corrections WHERE id = ?').get(Number(lastInsertRowid)));
      })
      .immediate();
  }
}

/** The store as the core's editor commands see it. */
export function updateStorePort(store: UpdateStore): UpdateStorePort {
  return {
    list: async () => store.list(),
    get: async (id) => store.get(id),
    add: async (input) => store.add(input),
    addPatch: async (input) => store.addPatch(input),
    nextId: async () => store.nextId(),
    amend: async (id, update, input) => store.amend(id, update, input),
    retract: async (id, input) => store.retract(id, input),
    verify: async (id, input) => store.verify(id, input),
    recentCorrections: async (limit) => store.recentCorrections(limit),
    recentUpdates: async (limit) => store.recentUpdates(limit),
    refusedAttempts: async (since, limit) => store.refusedAttempts(since, limit),
    logAttempt: async (attempt) => store.logAttempt(attempt),
    revision: async () => store.revision(),
  };
}
