import { commandName } from '../commands/command-name.js';
import type { CommandContext, Origin } from '../commands/command-spec.js';
import type { Pack } from '../knowledge/schema.js';
import { applyUpdates, provenanceOf } from '../updates/apply-updates.js';
import type { EditorDesk } from '../updates/editor-desk.js';
import { UpdateError } from '../updates/update-error.js';
import type { CorrectionPublisher, UpdateStorePort } from '../updates/update-port.js';
import type { PatchRecord, UpdateOrigin } from '../updates/update-schema.js';
import { checkPatch } from './check-patch.js';
import { mergePatches } from './validate-patch.js';
import { describeChanges, type PatchChange } from './patch-changes.js';
import type { PatchProblem } from './patch-problem.js';
import { StoredPatchSchema, type Patch } from './patch-schema.js';

/** What applying or amending a patch led to. */
export type PatchOutcome =
  | { kind: 'refused'; reason: string }
  | { kind: 'invalid'; problems: PatchProblem[] }
  | { kind: 'stored'; record: PatchRecord; changes: PatchChange[]; edits?: { edited: number; failed: number } };

/** How a patch is submitted. */
export interface PatchSubmission {
  /** How editors know it in logs and correction notes; defaults to the file name. */
  title: string;
  file?: string;
  unverified?: boolean;
  /** Where it came from: an editor's file or form, or a draft from the article reader. */
  origin?: UpdateOrigin;
}

/** How many times a patch is checked against knowledge that other replicas keep changing before it is stored as checked. */
const MAX_CHECKS = 3;

const authorOf = (origin: Origin) => `${origin.platform}:${origin.userId ?? 'unknown'}`;

/**
 * Patches through the editors' desk: the same permission check, attempt log, store and corrections as the
 * forms. A new patch is validated on top of the knowledge already merged and adopted as it is, so applying one
 * costs one validation however many patches are stored.
 */
export class PatchDesk {
  constructor(
    private readonly desk: EditorDesk,
    private readonly store: UpdateStorePort,
    /** Edits posted digests after an amendment; the CLI has none (no bot running), so the next digests list it only. */
    private readonly publisher?: CorrectionPublisher,
  ) {}

  /**
   * Validates and stores a new patch; nothing is stored when any problem is found. The patch is stored only if
   * the knowledge it was checked against is still the stored one; when another replica wrote in between, it is
   * checked again on top of that write (a few times, then stored as checked, as a single process always did).
   */
  async apply(ctx: CommandContext, raw: unknown, origin: Origin, submission: PatchSubmission): Promise<PatchOutcome> {
    const refusal = await this.desk.authorize(ctx, origin, 'patch');
    if (refusal) return { kind: 'refused', reason: 'not an editor' };
    for (let attempt = 1; ; attempt++) {
      await this.desk.syncIfChanged(ctx);
      const revision = this.desk.loadedRevision;
      const at = ctx.clock();
      const updateId = await this.store.nextId();
      const unverified = Boolean(submission.unverified);
      const provenance = { updateId, recordedAt: at.toISOString(), author: authorOf(origin), ...(unverified ? { unverified: true as const } : {}) };
      const checked = checkPatch(ctx.knowledge.pack, raw, { now: at, provenance });
      if (!checked.ok) {
        await this.logRefusal(ctx, origin, checked.problems);
        return { kind: 'invalid', problems: checked.problems };
      }
      const content = StoredPatchSchema.parse({ title: submission.title, patch: checked.patch, ...(submission.file ? { file: submission.file } : {}) });
      const input = { patch: content, unverified, origin: submission.origin ?? 'editor', author: provenance.author, at } as const;
      const record = attempt < MAX_CHECKS ? await this.store.addPatchIfUnchanged(input, revision) : await this.store.addPatch(input);
      if (!record) continue;
      // Another process may have used the id it expected (a rolled-back insert counts): then merge everything again.
      if (record.id !== updateId) await this.desk.reload(ctx);
      else await this.desk.adopt(ctx, record, checked.pack, this.verifiedWith(ctx, checked.patch, record), revision);
      return { kind: 'stored', record, changes: checked.changes };
    }
  }

  /** Replaces a stored patch's content; the digests that carried it are edited and the next ones list the correction. */
  async amend(ctx: CommandContext, id: number, raw: unknown, origin: Origin, submission: PatchSubmission & { reason: string }): Promise<PatchOutcome> {
    const refusal = await this.desk.authorize(ctx, origin, `correct #${id}`);
    if (refusal) return { kind: 'refused', reason: 'not an editor' };
    const problem = await this.desk.cannotCorrect(id, submission.reason, origin);
    if (problem) return { kind: 'invalid', problems: [{ path: '', problem }] };
    const current = await this.store.get(id);
    if (!current?.patch) return { kind: 'invalid', problems: [{ path: '', problem: `#${id} is a form update, not a patch; correct it with ${commandName(origin, `correct ${id} amend <reason>`)}` }] };
    const parsed = StoredPatchSchema.safeParse({ title: submission.title || current.patch.title, patch: raw, ...(submission.file ? { file: submission.file } : {}) });
    if (!parsed.success) {
      const checked = checkPatch(ctx.knowledge.pack, raw, { now: ctx.clock(), provenance: provenanceOf(current) });
      return { kind: 'invalid', problems: checked.ok ? [{ path: '', problem: parsed.error.issues[0]?.message ?? 'invalid patch' }] : checked.problems };
    }
    const unverified = submission.unverified ?? current.unverified;
    const candidate: PatchRecord = { ...current, patch: parsed.data, unverified };
    const records = (await this.store.list()).map((r) => (r.id === id ? candidate : r));
    let merged: Pack;
    try {
      merged = applyUpdates(this.desk.basePack, records, { now: ctx.clock() });
    } catch (err) {
      if (err instanceof UpdateError && err.updateId === id) return { kind: 'invalid', problems: err.problems.map((p) => ({ path: p.field, problem: p.problem })) };
      throw err;
    }
    const correction = await this.store.amend(id, parsed.data, { author: authorOf(origin), at: ctx.clock(), reason: submission.reason.trim(), unverified });
    const before = ctx.knowledge.pack;
    await this.desk.reload(ctx);
    const record = (await this.store.get(id)) as PatchRecord;
    return { kind: 'stored', record, changes: describeChanges(before, merged, parsed.data.patch), edits: this.publisher ? await this.publisher.publish(correction) : { edited: 0, failed: 0 } };
  }

  // The knowledge for digests: unchanged by an unverified patch, and the same as the whole when nothing is unverified.
  private verifiedWith(ctx: CommandContext, patch: Patch, record: PatchRecord): Pack | undefined {
    const verified = ctx.verifiedKnowledge?.pack;
    if (record.unverified) return verified ?? ctx.knowledge.pack;
    if (!verified) return undefined;
    const merged = mergePatches(verified, [{ patchId: record.id, provenance: provenanceOf(record), patch }]);
    // A verified patch that builds on unverified entries waits for them, as mergeStored leaves such updates out.
    return merged.ok ? merged.pack : verified;
  }

  private async logRefusal(ctx: CommandContext, origin: Origin, problems: PatchProblem[]): Promise<void> {
    await this.store.logAttempt({ at: ctx.clock().toISOString(), platform: origin.platform, ...(origin.userId ? { userId: origin.userId } : {}), action: 'patch', allowed: false, detail: `invalid: ${problems.map((p) => `${p.path}: ${p.problem}`).join('; ')}` });
  }
}
