import type { HeldPatches, PatchAuthor } from '../core/forms/held-patches.js';
import type { PatchSubmission } from '../core/forms/form-submit.js';
import type { FormMemoStore } from './form-memo-store.js';
import type { ClaimPlatform } from './interaction-claims.js';

function platformOf(author: PatchAuthor): ClaimPlatform {
  // The forms run only in Slack and Discord; the shell writes through the patch desk directly.
  if (author.platform === 'shell') throw new Error('held patches are kept for Slack and Discord only');
  return author.platform;
}

/** FormDesk's held patches as form memos, so the Confirm button works on any replica and after a restart. */
export class StoredHeldPatches implements HeldPatches {
  constructor(private readonly memos: FormMemoStore) {}

  hold(author: PatchAuthor, submission: PatchSubmission, now: Date, ttlMs: number): Promise<string> {
    return this.memos.remember(platformOf(author), author.userId, { kind: 'held-patch', ...submission }, now, ttlMs);
  }

  async take(pendingId: string, author: PatchAuthor, now: Date): Promise<PatchSubmission | undefined> {
    const content = await this.memos.take(platformOf(author), pendingId, author.userId, now);
    if (content?.kind !== 'held-patch') return undefined;
    return { patch: content.patch, title: content.title, unverified: content.unverified };
  }

  drop(pendingId: string, author: PatchAuthor): Promise<void> {
    return this.memos.forget(platformOf(author), pendingId, author.userId);
  }
}
