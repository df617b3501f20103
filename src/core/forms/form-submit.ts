import type { CommandContext, Origin } from '../commands/command-spec.js';
import type { Reply } from '../reply/reply.js';
import { invalidReply } from '../updates/editor-replies.js';
import { uniqueProblems, type FieldProblem } from '../updates/update-error.js';
import { copiedWording } from './copied-wording.js';
import type { FormPatch } from './form-patch.js';
import type { FormContext, FormSpec, FormValues } from './form-model.js';

/** A form's patch on its way to the desk: what it changes, a headline for the log, and whether it is unverified. */
export interface PatchSubmission {
  patch: FormPatch;
  title: string;
  unverified: boolean;
}

/** What the desk made of a submission; problems name patch paths ("proposals[0].stances[1].party"). */
export type PatchOutcome =
  | { kind: 'refused'; reply: Reply }
  | { kind: 'invalid'; problems: FieldProblem[]; reply: Reply }
  | { kind: 'confirm'; pendingId: string; reply: Reply }
  | { kind: 'stored'; reply: Reply };

/**
 * The one path every form's patch takes, shared with `desk apply`: the same permission check and log, validation of
 * the merged result, before/after confirmation and provenance. Implemented over the patch desk.
 */
export interface PatchDeskPort {
  /** Undefined when the person may write; otherwise the private refusal. Every attempt is logged. */
  authorize(ctx: CommandContext, origin: Origin, action: string): Promise<Reply | undefined>;
  /** Validates and, when nothing needs confirming (or it was confirmed), stores the patch. */
  submitPatch(ctx: CommandContext, submission: PatchSubmission, origin: Origin): Promise<PatchOutcome>;
  /** Stores a held patch the same person confirmed. */
  confirmPatch(ctx: CommandContext, pendingId: string, origin: Origin): Promise<PatchOutcome>;
  /** Drops a held patch, if it is this person's. */
  cancelPatch(pendingId: string, origin: Origin): Promise<void>;
}

/** The form's context from the command context. */
export function formContext(ctx: CommandContext): FormContext {
  return { knowledge: ctx.knowledge, today: ctx.clock().toISOString().slice(0, 10) };
}

/**
 * Submits a form: the editor check first (a non-editor learns nothing about the form's content), then the form's
 * own checks (with `evidence`, the article sentences a drafted form was shown beside, no copied wording), then the desk. Every problem comes back named by the form input it belongs to.
 */
export async function submitForm(desk: PatchDeskPort, ctx: CommandContext, form: FormSpec, values: FormValues, origin: Origin, evidence: readonly string[] = []): Promise<PatchOutcome> {
  const refusal = await desk.authorize(ctx, origin, `form ${form.name}`);
  if (refusal) return { kind: 'refused', reply: refusal };
  const copied = copiedWording(values, evidence);
  const built = form.toPatch(values, formContext(ctx));
  if (!built.ok || copied.length > 0) return invalid(ctx, [...copied, ...(built.ok ? [] : built.problems)]);
  const outcome = await desk.submitPatch(ctx, { patch: built.patch, title: built.title, unverified: built.unverified }, origin);
  if (outcome.kind !== 'invalid') return outcome;
  return invalid(ctx, outcome.problems.map((p) => ({ field: built.fieldOf(p.field), problem: p.problem })));
}

function invalid(ctx: CommandContext, problems: FieldProblem[]): PatchOutcome {
  const unique = uniqueProblems(problems);
  return { kind: 'invalid', problems: unique, reply: invalidReply(ctx, unique) };
}
