import type { FormMemoContent } from '../../store/form-memo-content.js';
import { newFormMemoToken, type FormMemoStore } from '../../store/form-memo-store.js';

/** Where the Discord forms keep their memos: the database's FormMemoStore, or InProcessFormMemos without one. */
export type FormMemoShelf = Pick<FormMemoStore, 'remember' | 'recall' | 'save'>;

const MAX_MEMOS = 500;

/**
 * Memos in this process only, for tests of rendering that have no database. Content is kept as JSON text, as the
 * database keeps it, so a handler that changes a recalled memo without saving it loses the change here too.
 */
export class InProcessFormMemos implements FormMemoShelf {
  private readonly memos = new Map<string, { userId: string; content: string; expiresAt: number }>();

  async remember(platform: string, userId: string, content: FormMemoContent, now: Date, ttlMs: number): Promise<string> {
    for (const [key, m] of this.memos) if (m.expiresAt < now.getTime() || this.memos.size >= MAX_MEMOS) this.memos.delete(key);
    const token = newFormMemoToken();
    this.memos.set(`${platform}:${token}`, { userId, content: JSON.stringify(content), expiresAt: now.getTime() + ttlMs });
    return token;
  }

  async recall(platform: string, token: string, userId: string, now: Date): Promise<FormMemoContent | undefined> {
    const memo = this.memos.get(`${platform}:${token}`);
    return memo && memo.expiresAt >= now.getTime() && memo.userId === userId ? (JSON.parse(memo.content) as FormMemoContent) : undefined;
  }

  async save(platform: string, token: string, content: FormMemoContent): Promise<boolean> {
    const memo = this.memos.get(`${platform}:${token}`);
    if (memo) memo.content = JSON.stringify(content);
    return Boolean(memo);
  }
}
