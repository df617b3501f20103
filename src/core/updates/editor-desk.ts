import { commandName } from '../commands/command-name.js';
import type { CommandContext, Origin } from '../commands/command-spec.js';
import { askIndexFor } from '../ask/ask-index.js';
import { refreshContext } from '../create-context.js';
import { formatPath } from '../knowledge/pack-error.js';
import type { Pack } from '../knowledge/schema.js';
import type { Reply } from '../reply/reply.js';
import { applyUpdates } from './apply-updates.js';
import { previewChanges } from './change-preview.js';
import { confirmationReply, invalidReply, logReply, noteReply, refusalReply, retractedReply, storedReply, verifiedReply } from './editor-replies.js';
import { mergeStored } from './merge-stored.js';
import { UpdateError, uniqueProblems, type FieldProblem } from './update-error.js';
import type { CorrectionPublisher, UpdateStorePort } from './update-port.js';
import { EditorUpdateSchema, updateLabel, type EditorUpdate, type FormRecord, type UpdateRecord } from './update-schema.js';
import { componentLog } from '../../log/logger.js';
import { InProcessHeldUpdates, type HeldUpdates } from './held-updates.js';
import type { PatchAuthor } from '../forms/held-patches.js';

/** How long a stance or status change waits for the editor's confirmation. */
export const PENDING_TTL_MS = 15 * 60 * 1000;
/** Shortest reason a correction accepts: "typo" is a reason, "x" is not. */
export const MIN_REASON_CHARS = 3;
/** Longest reason: it is printed in every corrected digest. */
export const MAX_REASON_CHARS = 300;
const LOG_ITEMS = 10;
const REFUSED_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** How the desk is set up. */
export interface EditorDeskOptions {
  /** The shipped pack: updates are merged into it, never written to it. */
  pack: Pack;
  store: UpdateStorePort;
  /** Edits posted digests after a correction; without it corrections only change the knowledge. */
  publisher?: CorrectionPublisher;
  /** Operator log (refused attempts, skipped updates); never given tokens. */
  log?: (message: string) => void;
  /** Changes waiting for Confirm: in the store for replicas (StoredHeldUpdates), in this process without it. */
  held?: HeldUpdates;
}

/** What a submitted form led to. */
export type SubmitOutcome =
  | { kind: 'refused'; reply: Reply }
  | { kind: 'invalid'; problems: FieldProblem[]; reply: Reply }
  | { kind: 'confirm'; pendingId: string; reply: Reply }
  | { kind: 'stored'; record: UpdateRecord; reply: Reply; edits?: Promise<{ edited: number; failed: number }> };

/** How a submission is handled. */
export interface SubmitOptions {
  amends?: Amendment;
  confirmed?: boolean;
  /**
   * Answer as soon as an amendment is stored and edit the posted digests afterwards (`edits` on the outcome), for
   * forms that must be answered within seconds (a Slack modal submission).
   */
  publishInBackground?: boolean;
}

/** An amendment: which update it replaces and why. */
export interface Amendment {
  id: number;
  reason: string;
}

/** The author a held change belongs to, as the held-change stores key it. */
const heldAuthor = (origin: Origin): PatchAuthor => ({ platform: origin.platform, userId: origin.userId ?? 'unknown' });

const authorOf = (origin: Origin) => `${origin.platform}:${origin.userId ?? 'unknown'}`;

/**
 * The editors' desk: checks who may write, validates submitted updates against the knowledge, asks for
 * confirmation of stance and status changes, stores updates and corrections, and points the shared context at
 * the new knowledge at once. Platform forms and the editor commands both go through it.
 */
export class EditorDesk {
  private accepted: UpdateRecord[] = [];
  private revision = '';
  private readonly held: HeldUpdates;

  constructor(private readonly options: EditorDeskOptions) {
    this.held = options.held ?? new InProcessHeldUpdates();
  }

  /** Merges every stored update into the pack and points the context at the result. */
  async reload(ctx: CommandContext): Promise<void> {
    const revision = await this.options.store.revision();
    const merged = mergeStored(this.options.pack, await this.options.store.list());
    for (const skipped of merged.skipped) this.log(`left out a stored update the pack no longer accepts: ${skipped.message}`);
    refreshContext(ctx, merged.pack, merged.verifiedPack === merged.pack ? undefined : merged.verifiedPack);
    // Index everything just loaded now, not on the first question: after a patch, ask then re-reads only what it changed.
    askIndexFor(ctx.knowledge, ctx.entities);
    this.accepted = merged.accepted;
    this.revision = revision;
  }

  /**
   * Points the context at knowledge already merged and validated with one more stored record (a patch just
   * applied on top of the current merge), without merging everything again; a full reload when another process
   * wrote in between.
   */
  async adopt(ctx: CommandContext, record: UpdateRecord, pack: Pack, verifiedPack: Pack | undefined, revisionBefore: string): Promise<void> {
    const revision = await this.options.store.revision();
    if (revisionBefore !== this.revision) return this.reload(ctx);
    refreshContext(ctx, pack, verifiedPack);
    this.accepted = [...this.accepted, record];
    this.revision = revision;
  }

  /** The shipped pack the stored updates and patches apply on top of. */
  get basePack(): Pack {
    return this.options.pack;
  }

  /** The revision of the stored updates the context reflects. */
  get loadedRevision(): string {
    return this.revision;
  }

  /** The stored updates and patches that count now, oldest first. */
  get acceptedRecords(): readonly UpdateRecord[] {
    return this.accepted;
  }

  /** Reloads when another process (the CLI's ingest --apply, a second bot) changed the stored updates. */
  async syncIfChanged(ctx: CommandContext): Promise<boolean> {
    if ((await this.options.store.revision()) === this.revision) return false;
    await this.reload(ctx);
    return true;
  }

  /** Undefined when the person may write; otherwise the private refusal. Every attempt is logged either way. */
  async authorize(ctx: CommandContext, origin: Origin, action: string): Promise<Reply | undefined> {
    if (!origin.isEditor) {
      // Mentions, DMs and share buttons carry no editor check: writes go through the slash command only, where
      // the answer stays private. Nobody is told they are not an editor when the path simply cannot tell.
      await this.options.store.logAttempt({ at: ctx.clock().toISOString(), platform: origin.platform, ...(origin.userId ? { userId: origin.userId } : {}), action, allowed: false, detail: 'no editor check on this path' });
      return noteReply(ctx, 'Editor commands need /strike', `Run /strike ${action.split(' ')[0]} as the slash command in Slack or Discord, where the answer stays private. Nothing was changed.`);
    }
    let allowed = false;
    try {
      allowed = (await origin.isEditor?.()) ?? false;
    } catch (err) {
      this.log(`editor check failed for ${origin.platform} user ${origin.userId ?? 'unknown'}; refusing: ${(err as Error).message}`);
    }
    await this.options.store.logAttempt({ at: ctx.clock().toISOString(), platform: origin.platform, ...(origin.userId ? { userId: origin.userId } : {}), action, allowed });
    if (allowed) return undefined;
    this.log(`refused ${action} by ${origin.platform} user ${origin.userId ?? 'unknown'}: not an editor`);
    return refusalReply(ctx);
  }

  /**
   * Validates and stores a submitted update (or an amendment). A stance or status change first comes back as
   * `confirm` with before and after; `confirm(pendingId)` stores it.
   */
  async submit(ctx: CommandContext, raw: unknown, origin: Origin, options: SubmitOptions = {}): Promise<SubmitOutcome> {
    const refusal = await this.authorize(ctx, origin, options.amends ? `correct ${updateLabel(options.amends.id)}` : 'update');
    if (refusal) return { kind: 'refused', reply: refusal };
    await this.syncIfChanged(ctx);
    const checked = await this.check(ctx, raw, origin, options.amends);
    if (!checked.ok) return { kind: 'invalid', problems: checked.problems, reply: invalidReply(ctx, checked.problems) };
    const changes = previewChanges(ctx.knowledge, checked.update);
    if (changes.length > 0 && !options.confirmed) {
      const pendingId = await this.held.hold(heldAuthor(origin), { raw, ...(options.amends ? { amends: options.amends } : {}) }, ctx.clock(), PENDING_TTL_MS);
      return { kind: 'confirm', pendingId, reply: confirmationReply(ctx, checked.update.title, changes) };
    }
    const at = ctx.clock();
    const author = authorOf(origin);
    if (options.amends) {
      const correction = await this.options.store.amend(options.amends.id, checked.update, { author, at, reason: options.amends.reason });
      await this.reload(ctx);
      const record = (await this.options.store.get(options.amends.id))!;
      if (options.publishInBackground) return { kind: 'stored', record, reply: storedReply(ctx, record, 'in progress', origin), edits: this.publish(correction) };
      return { kind: 'stored', record, reply: storedReply(ctx, record, await this.publish(correction), origin) };
    }
    const record = await this.options.store.add({ update: checked.update, origin: 'editor', author, at });
    await this.reload(ctx);
    return { kind: 'stored', record, reply: storedReply(ctx, record, undefined, origin) };
  }

  /** Stores a change the same editor confirmed; it is validated again, since the knowledge may have moved on. */
  async confirm(ctx: CommandContext, pendingId: string, origin: Origin, options: Pick<SubmitOptions, 'publishInBackground'> = {}): Promise<SubmitOutcome> {
    // Taken, not read: of two Confirm clicks (on two replicas, say) only one stores the change.
    const pending = await this.held.take(pendingId, heldAuthor(origin), ctx.clock());
    if (!pending) {
      return { kind: 'invalid', problems: [{ field: 'update', problem: 'this confirmation has expired; please submit the update again' }], reply: noteReply(ctx, 'Nothing was saved', 'This confirmation has expired or belongs to someone else. Please submit the update again.') };
    }
    return this.submit(ctx, pending.raw, origin, { ...options, confirmed: true, ...(pending.amends ? { amends: pending.amends } : {}) });
  }

  /** Drops a pending change when the editor who made it cancels; false (nothing dropped) for anyone else or once gone. */
  cancel(ctx: CommandContext, pendingId: string, origin: Origin): Promise<boolean> {
    return this.held.drop(pendingId, heldAuthor(origin), ctx.clock());
  }

  /** Whether a change is still waiting for `origin`'s confirmation: the one author check Confirm and Cancel share. */
  isPendingOf(ctx: CommandContext, pendingId: string, origin: Origin): Promise<boolean> {
    return this.held.isHeldBy(pendingId, heldAuthor(origin), ctx.clock());
  }

  /** The current content of an update, to prefill an amendment form; undefined when it cannot be amended (a patch is amended with `desk amend`). */
  async amendable(id: number): Promise<FormRecord | undefined> {
    const record = await this.options.store.get(id);
    return record && !record.retractedAt && record.update ? record : undefined;
  }

  /** Retracts an update: it leaves the knowledge, and the digests that carried it are edited. */
  async retract(ctx: CommandContext, origin: Origin, id: number, reason: string): Promise<Reply> {
    const refusal = await this.authorize(ctx, origin, `correct ${updateLabel(id)}`);
    if (refusal) return refusal;
    const problem = await this.cannotCorrect(id, reason, origin);
    if (problem) return noteReply(ctx, 'Nothing was changed', problem);
    const correction = await this.options.store.retract(id, { author: authorOf(origin), at: ctx.clock(), reason: reason.trim() });
    await this.reload(ctx);
    return retractedReply(ctx, correction, await this.publish(correction), origin);
  }

  /** Marks an unverified update verified: the label goes and the next digest carries it. */
  async verify(ctx: CommandContext, origin: Origin, id: number): Promise<Reply> {
    const refusal = await this.authorize(ctx, origin, `verify ${updateLabel(id)}`);
    if (refusal) return refusal;
    const record = await this.options.store.get(id);
    if (!record || record.retractedAt || !record.unverified) {
      const why = !record ? `There is no update ${updateLabel(id)}.` : record.retractedAt ? `Update ${updateLabel(id)} was retracted.` : `Update ${updateLabel(id)} is already verified.`;
      return noteReply(ctx, 'Nothing was changed', why, `See recent updates with ${commandName(origin, 'log')}.`);
    }
    const verified = await this.options.store.verify(id, { author: authorOf(origin), at: ctx.clock() });
    await this.reload(ctx);
    return verifiedReply(ctx, verified);
  }

  /** Recent updates and corrections with authors and times, and refused attempts: editors only. */
  async logFor(ctx: CommandContext, origin: Origin): Promise<Reply> {
    const refusal = await this.authorize(ctx, origin, 'log');
    if (refusal) return refusal;
    const { store } = this.options;
    const since = new Date(ctx.clock().getTime() - REFUSED_WINDOW_MS);
    return logReply(ctx, await store.recentUpdates(LOG_ITEMS), await store.recentCorrections(LOG_ITEMS), await store.refusedAttempts(since, LOG_ITEMS));
  }

  /** Why an update cannot be corrected with this reason, or undefined; commands named as `origin` spells them. */
  async cannotCorrect(id: number, reason: string, origin?: Origin): Promise<string | undefined> {
    if (reason.trim().length < MIN_REASON_CHARS) return `A correction needs a reason, e.g. ${commandName(origin, 'correct 7 retract the meeting was on Aug 10, not Aug 11')}.`;
    if (reason.trim().length > MAX_REASON_CHARS) return `Please keep the reason under ${MAX_REASON_CHARS} characters; it is printed in every corrected digest.`;
    const record = await this.options.store.get(id);
    if (!record) return `There is no update ${updateLabel(id)}. See recent updates with ${commandName(origin, 'log')}.`;
    if (record.retractedAt) return `Update ${updateLabel(id)} was already retracted.`;
    return undefined;
  }

  private async check(ctx: CommandContext, raw: unknown, origin: Origin, amends?: Amendment): Promise<{ ok: true; update: EditorUpdate } | { ok: false; problems: FieldProblem[] }> {
    const parsed = EditorUpdateSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, problems: uniqueProblems(parsed.error.issues.map((i) => ({ field: formatPath(i.path) || 'update', problem: i.message }))) };
    if (amends) {
      const problem = await this.cannotCorrect(amends.id, amends.reason, origin);
      if (problem) return { ok: false, problems: [{ field: problem.startsWith('A correction') ? 'reason' : 'update', problem }] };
    }
    const id = amends?.id ?? Math.max(0, ...this.accepted.map((r) => r.id)) + 1;
    const candidate: UpdateRecord = { id, update: parsed.data, author: 'candidate', recordedAt: ctx.clock().toISOString(), unverified: parsed.data.unverified, origin: 'editor' };
    try {
      applyUpdates(this.options.pack, [...this.accepted.filter((r) => r.id !== id), candidate], { now: ctx.clock() });
    } catch (err) {
      if (!(err instanceof UpdateError)) throw err;
      if (err.updateId === id) return { ok: false, problems: err.problems };
      throw err;
    }
    return { ok: true, update: parsed.data };
  }

  private async publish(correction: Parameters<CorrectionPublisher['publish']>[0]): Promise<{ edited: number; failed: number }> {
    if (!this.options.publisher) return { edited: 0, failed: 0 };
    try {
      return await this.options.publisher.publish(correction);
    } catch (err) {
      this.log(`editing the digests that carried update ${updateLabel(correction.updateId)} failed: ${(err as Error).message}`);
      return { edited: 0, failed: 1 };
    }
  }

  private log(message: string): void {
    (this.options.log ?? componentLog('editors'))(message);
  }
}
