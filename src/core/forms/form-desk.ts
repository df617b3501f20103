import type { CommandContext, Origin } from '../commands/command-spec.js';
import { checkPatch } from '../patch/check-patch.js';
import type { PatchProblem } from '../patch/patch-problem.js';
import type { EditorDesk } from '../updates/editor-desk.js';
import { PENDING_TTL_MS } from '../updates/editor-desk.js';
import { confirmationReply, invalidReply, noteReply, refusalReply, storedReply } from '../updates/editor-replies.js';
import type { PatchRecord } from '../updates/update-schema.js';
import type { PatchDeskPort, PatchOutcome, PatchSubmission } from './form-submit.js';
import { InProcessHeldPatches, type HeldPatches, type PatchAuthor } from './held-patches.js';

/** The patch desk's apply, as the forms call it (`desk apply` uses the same). */
export interface PatchApplier {
  apply(
    ctx: CommandContext,
    raw: unknown,
    origin: Origin,
    submission: { title: string; unverified?: boolean },
  ): Promise<{ kind: 'refused'; reason: string } | { kind: 'invalid'; problems: PatchProblem[] } | { kind: 'stored'; record: PatchRecord }>;
}

/** The editors' desk, as far as the forms use it: the editor check, syncing, and the records that count now. */
export type FormDeskBase = Pick<EditorDesk, 'authorize' | 'syncIfChanged'> & { readonly acceptedRecords: readonly { id: number }[] };

const authorOf = (origin: Origin) => `${origin.platform}:${origin.userId ?? 'unknown'}`;
const heldBy = (origin: Origin): PatchAuthor => ({ platform: origin.platform, userId: origin.userId ?? 'unknown' });

/**
 * The forms' way into the patch desk: a submitted form's patch is validated on the current knowledge exactly as
 * `desk apply` validates it and shown to the editor with every change's before and after; Confirm hands it to the
 * patch desk, which validates again (the knowledge may have moved on), stores it with its provenance and points
 * every surface at the result.
 */
export class FormDesk implements PatchDeskPort {
  constructor(
    private readonly desk: FormDeskBase,
    private readonly patches: PatchApplier,
    /** Where patches wait for Confirm: the database's, so any replica takes the Confirm; this process's by default. */
    private readonly held: HeldPatches = new InProcessHeldPatches(),
  ) {}

  /** The editor check and attempt log every write shares. */
  authorize(ctx: CommandContext, origin: Origin, action: string) {
    return this.desk.authorize(ctx, origin, action);
  }

  /** Validates the patch and holds it for confirmation; problems come back named by patch path. */
  async submitPatch(ctx: CommandContext, submission: PatchSubmission, origin: Origin): Promise<PatchOutcome> {
    await this.desk.syncIfChanged(ctx);
    const at = ctx.clock();
    const updateId = Math.max(0, ...this.desk.acceptedRecords.map((r) => r.id)) + 1;
    const checked = checkPatch(ctx.knowledge.pack, submission.patch, { now: at, provenance: { updateId, recordedAt: at.toISOString(), author: authorOf(origin) } });
    if (!checked.ok) {
      const problems = checked.problems.map((p) => ({ field: p.path, problem: p.problem }));
      return { kind: 'invalid', problems, reply: invalidReply(ctx, problems) };
    }
    const pendingId = await this.held.hold(heldBy(origin), submission, at, PENDING_TTL_MS);
    return { kind: 'confirm', pendingId, reply: confirmationReply(ctx, submission.title, checked.changes) };
  }

  /** Stores a held patch its author confirmed, through the patch desk. */
  async confirmPatch(ctx: CommandContext, pendingId: string, origin: Origin): Promise<PatchOutcome> {
    const held = await this.held.take(pendingId, heldBy(origin), ctx.clock());
    if (!held) {
      return { kind: 'refused', reply: noteReply(ctx, 'Nothing was saved', 'This confirmation has expired or belongs to someone else. Please submit the form again.') };
    }
    const outcome = await this.patches.apply(ctx, held.patch, origin, { title: held.title, unverified: held.unverified });
    if (outcome.kind === 'refused') return { kind: 'refused', reply: refusalReply(ctx) };
    if (outcome.kind === 'invalid') {
      const problems = outcome.problems.map((p) => ({ field: p.path, problem: p.problem }));
      return { kind: 'invalid', problems, reply: invalidReply(ctx, problems) };
    }
    return { kind: 'stored', reply: storedReply(ctx, outcome.record, undefined, origin) };
  }

  /** Drops a held patch (its author cancelled). */
  async cancelPatch(pendingId: string, origin: Origin): Promise<void> {
    await this.held.drop(pendingId, heldBy(origin));
  }
}
