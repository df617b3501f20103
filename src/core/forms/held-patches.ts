import { randomUUID } from 'node:crypto';
import type { PatchSubmission } from './form-submit.js';

/** Who held a patch: only they may confirm or cancel it. */
export interface PatchAuthor {
  platform: 'slack' | 'discord' | 'shell';
  userId: string;
}

/**
 * Patches waiting for their author's Confirm. In the database (StoredHeldPatches) the Confirm may reach any replica,
 * or the bot after a restart; InProcessHeldPatches keeps them in this process, for a single bot or a test.
 */
export interface HeldPatches {
  /** Holds a submission for `author` for `ttlMs`; returns the pending id the Confirm and Cancel buttons carry. */
  hold(author: PatchAuthor, submission: PatchSubmission, now: Date, ttlMs: number): Promise<string>;
  /** Removes and returns the submission when it exists, has not expired and is `author`'s: at most one caller gets it. */
  take(pendingId: string, author: PatchAuthor, now: Date): Promise<PatchSubmission | undefined>;
  /** Drops `author`'s held submission, if any. */
  drop(pendingId: string, author: PatchAuthor): Promise<void>;
}

const MAX_HELD = 200;
const keyOf = (author: PatchAuthor) => `${author.platform}:${author.userId}`;

/** Held patches in this process only. */
export class InProcessHeldPatches implements HeldPatches {
  private readonly held = new Map<string, { submission: PatchSubmission; author: string; expiresAt: number }>();

  async hold(author: PatchAuthor, submission: PatchSubmission, now: Date, ttlMs: number): Promise<string> {
    for (const [id, h] of this.held) if (h.expiresAt < now.getTime() || this.held.size >= MAX_HELD) this.held.delete(id);
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    this.held.set(id, { submission, author: keyOf(author), expiresAt: now.getTime() + ttlMs });
    return id;
  }

  async take(pendingId: string, author: PatchAuthor, now: Date): Promise<PatchSubmission | undefined> {
    const held = this.held.get(pendingId);
    if (!held || held.expiresAt < now.getTime() || held.author !== keyOf(author)) return undefined;
    this.held.delete(pendingId);
    return held.submission;
  }

  async drop(pendingId: string, author: PatchAuthor): Promise<void> {
    if (this.held.get(pendingId)?.author === keyOf(author)) this.held.delete(pendingId);
  }
}
