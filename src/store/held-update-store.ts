import type { PatchAuthor } from '../core/forms/held-patches.js';
import { InProcessHeldUpdates, type HeldUpdate, type HeldUpdates } from '../core/updates/held-updates.js';
import type { FormMemoStore } from './form-memo-store.js';

/**
 * The editors' desk's changes awaiting Confirm (a stance or status change, an amendment) as form memos, so the Confirm
 * button works on any replica and after a restart. The shell confirms in the same process, so its changes stay there.
 */
export class StoredHeldUpdates implements HeldUpdates {
  private readonly local = new InProcessHeldUpdates();

  constructor(private readonly memos: FormMemoStore) {}

  hold(author: PatchAuthor, change: HeldUpdate, now: Date, ttlMs: number): Promise<string> {
    if (author.platform === 'shell') return this.local.hold(author, change, now, ttlMs);
    return this.memos.remember(author.platform, author.userId, { kind: 'held-update', raw: change.raw, ...(change.amends ? { amends: change.amends } : {}) }, now, ttlMs);
  }

  async take(pendingId: string, author: PatchAuthor, now: Date): Promise<HeldUpdate | undefined> {
    if (author.platform === 'shell') return this.local.take(pendingId, author, now);
    const content = await this.memos.take(author.platform, pendingId, author.userId, now);
    if (content?.kind !== 'held-update') return undefined;
    return { raw: content.raw, ...(content.amends ? { amends: content.amends } : {}) };
  }

  async isHeldBy(pendingId: string, author: PatchAuthor, now: Date): Promise<boolean> {
    if (author.platform === 'shell') return this.local.isHeldBy(pendingId, author, now);
    return (await this.memos.recall(author.platform, pendingId, author.userId, now))?.kind === 'held-update';
  }

  async drop(pendingId: string, author: PatchAuthor, now: Date): Promise<boolean> {
    if (author.platform === 'shell') return this.local.drop(pendingId, author, now);
    if (!(await this.isHeldBy(pendingId, author, now))) return false;
    await this.memos.forget(author.platform, pendingId, author.userId);
    return true;
  }
}
