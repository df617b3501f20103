import type { CommandContext, Origin } from '../../src/core/commands/command-spec.js';
import type { PatchDeskPort, PatchOutcome, PatchSubmission } from '../../src/core/forms/form-submit.js';
import type { EditorDesk } from '../../src/core/updates/editor-desk.js';
import { noteReply } from '../../src/core/updates/editor-replies.js';

/**
 * A patch desk for the adapter tests: the real editor check and attempt log (EditorDesk.authorize on SQLite),
 * and a record of every patch that would be stored. A patch that changes a status or a stance asks for
 * confirmation first, as the real desk does; `refuse` makes the desk name a problem at a patch path.
 */
export class RecordingDesk implements PatchDeskPort {
  readonly stored: { submission: PatchSubmission; author: string }[] = [];
  private readonly held = new Map<string, { submission: PatchSubmission; author: string }>();
  refuse?: { field: string; problem: string };

  constructor(private readonly desk: EditorDesk) {}

  authorize(ctx: CommandContext, origin: Origin, action: string) {
    return this.desk.authorize(ctx, origin, action);
  }

  async submitPatch(ctx: CommandContext, submission: PatchSubmission, origin: Origin): Promise<PatchOutcome> {
    const refusal = await this.authorize(ctx, origin, 'patch');
    if (refusal) return { kind: 'refused', reply: refusal };
    if (this.refuse) return { kind: 'invalid', problems: [this.refuse], reply: noteReply(ctx, 'Not saved', this.refuse.problem) };
    const author = `${origin.platform}:${origin.userId}`;
    const changes = Boolean(submission.patch.dispute?.statusHistory) || (submission.patch.proposals ?? []).some((p) => p.stances || p.outcome);
    if (changes) {
      const pendingId = `p${this.held.size + 1}`;
      this.held.set(pendingId, { submission, author });
      return { kind: 'confirm', pendingId, reply: noteReply(ctx, 'Confirm this change', `Before and after of ${submission.title}`) };
    }
    this.stored.push({ submission, author });
    return { kind: 'stored', reply: noteReply(ctx, `Patch #${this.stored.length} saved`, submission.title) };
  }

  async confirmPatch(ctx: CommandContext, pendingId: string, origin: Origin): Promise<PatchOutcome> {
    const held = this.held.get(pendingId);
    if (!held || held.author !== `${origin.platform}:${origin.userId}`) return { kind: 'refused', reply: noteReply(ctx, 'Nothing was saved', 'This confirmation has expired.') };
    this.held.delete(pendingId);
    this.stored.push(held);
    return { kind: 'stored', reply: noteReply(ctx, `Patch #${this.stored.length} saved`, held.submission.title) };
  }

  async cancelPatch(pendingId: string): Promise<void> {
    this.held.delete(pendingId);
  }
}
