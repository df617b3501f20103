import { randomUUID } from 'node:crypto';
import type { CommandContext, Origin } from '../commands/command-spec.js';
import { checkPatch } from '../patch/check-patch.js';
import type { PatchProblem } from '../patch/patch-problem.js';
import type { EditorDesk } from '../updates/editor-desk.js';
import { PENDING_TTL_MS } from '../updates/editor-desk.js';
import { confirmationReply, invalidReply, noteReply, refusalReply, storedReply } from '../updates/editor-replies.js';
import type { PatchRecord } from '../updates/update-schema.js';
import type { PatchDeskPort, PatchOutcome, PatchSubmission } from './form-submit.js';

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

interface Held {
  submission: PatchSubmission;
  author: string;
  expiresAt: number;
}

const MAX_HELD = 200;
const authorOf = (origin: Origin) => `${origin.platform}:${origin.userId ?? 'unknown'}`;

/**
 * The forms' way into the patch desk: a submitted form's patch is validated on the current knowledge exactly as
 * `desk apply` validates it and shown to the editor with every change's before and after; Confirm hands it to the
 * patch desk, which validates again (the knowledge may have moved on), stores it with its provenance and points
 * every surface at the result.
 */
export class FormDesk implements PatchDeskPort {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly desk: FormDeskBase,
    private readonly patches: PatchApplier,
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
    const pendingId = this.hold({ submission, author: authorOf(origin) }, at.getTime());
    return { kind: 'confirm', pendingId, reply: confirmationReply(ctx, submission.title, checked.changes) };
  }

  /** Stores a held patch its author confirmed, through the patch desk. */
  async confirmPatch(ctx: CommandContext, pendingId: string, origin: Origin): Promise<PatchOutcome> {
    const held = this.held.get(pendingId);
    if (!held || held.expiresAt < ctx.clock().getTime() || held.author !== authorOf(origin)) {
      return { kind: 'refused', reply: noteReply(ctx, 'Nothing was saved', 'This confirmation has expired or belongs to someone else. Please submit the form again.') };
    }
    this.held.delete(pendingId);
    const outcome = await this.patches.apply(ctx, held.submission.patch, origin, { title: held.submission.title, unverified: held.submission.unverified });
    if (outcome.kind === 'refused') return { kind: 'refused', reply: refusalReply(ctx) };
    if (outcome.kind === 'invalid') {
      const problems = outcome.problems.map((p) => ({ field: p.path, problem: p.problem }));
      return { kind: 'invalid', problems, reply: invalidReply(ctx, problems) };
    }
    return { kind: 'stored', reply: storedReply(ctx, outcome.record, undefined, origin) };
  }

  /** Drops a held patch (the editor cancelled). */
  cancelPatch(pendingId: string): void {
    this.held.delete(pendingId);
  }

  private hold(held: Omit<Held, 'expiresAt'>, now: number): string {
    for (const [id, h] of this.held) if (h.expiresAt < now || this.held.size >= MAX_HELD) this.held.delete(id);
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    this.held.set(id, { ...held, expiresAt: now + PENDING_TTL_MS });
    return id;
  }
}
