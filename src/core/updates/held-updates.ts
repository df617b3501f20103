import { randomUUID } from 'node:crypto';
import type { PatchAuthor } from '../forms/held-patches.js';

/** A form update (or amendment) waiting for its author's Confirm: what was submitted, and what it amends. */
export interface HeldUpdate {
  raw: unknown;
  amends?: { id: number; reason: string };
}

/**
 * Updates waiting for their author's Confirm. In the database (StoredHeldUpdates) the Confirm may reach any replica,
 * or the bot after a restart; InProcessHeldUpdates keeps them in this process, for a single bot, the shell or a test.
 */
export interface HeldUpdates {
  /** Holds a change for `author` for `ttlMs`; returns the pending id the Confirm and Cancel buttons carry. */
  hold(author: PatchAuthor, change: HeldUpdate, now: Date, ttlMs: number): Promise<string>;
  /** Removes and returns the change when it exists, has not expired and is `author`'s: at most one caller gets it. */
  take(pendingId: string, author: PatchAuthor, now: Date): Promise<HeldUpdate | undefined>;
  /** Whether the change is still waiting for `author`. */
  isHeldBy(pendingId: string, author: PatchAuthor, now: Date): Promise<boolean>;
  /** Drops `author`'s change; false when there was none. */
  drop(pendingId: string, author: PatchAuthor, now: Date): Promise<boolean>;
}

const MAX_HELD = 200;
const keyOf = (author: PatchAuthor) => `${author.platform}:${author.userId}`;

/** Held updates in this process only. */
export class InProcessHeldUpdates implements HeldUpdates {
  private readonly held = new Map<string, { change: HeldUpdate; author: string; expiresAt: number }>();

  async hold(author: PatchAuthor, change: HeldUpdate, now: Date, ttlMs: number): Promise<string> {
    for (const [id, h] of this.held) if (h.expiresAt < now.getTime() || this.held.size >= MAX_HELD) this.held.delete(id);
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    this.held.set(id, { change, author: keyOf(author), expiresAt: now.getTime() + ttlMs });
    return id;
  }

  async take(pendingId: string, author: PatchAuthor, now: Date): Promise<HeldUpdate | undefined> {
    if (!(await this.isHeldBy(pendingId, author, now))) return undefined;
    const change = this.held.get(pendingId)!.change;
    this.held.delete(pendingId);
    return change;
  }

  async isHeldBy(pendingId: string, author: PatchAuthor, now: Date): Promise<boolean> {
    const held = this.held.get(pendingId);
    return Boolean(held && held.expiresAt >= now.getTime() && held.author === keyOf(author));
  }

  async drop(pendingId: string, author: PatchAuthor, now: Date): Promise<boolean> {
    if (!(await this.isHeldBy(pendingId, author, now))) return false;
    this.held.delete(pendingId);
    return true;
  }
}
