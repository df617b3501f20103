import { randomBytes } from 'node:crypto';
import { retryWhileBusy } from './busy-retry.js';
import { FormMemoContentSchema, type FormMemoContent } from './form-memo-content.js';
import type { ClaimPlatform } from './interaction-claims.js';
import type { Store } from './open-store.js';

/** Form tokens are this long: they sit in custom ids (at most 100 characters) beside a prefix, an action and a page. */
export const FORM_MEMO_TOKEN_CHARS = 20;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 62 below 256: bytes at or above it are dropped, so every character is equally likely.
const UNBIASED_BELOW = 256 - (256 % ALPHABET.length);

/** A random token of letters and digits (the custom ids' pattern), about 119 bits: not guessable. */
export function newFormMemoToken(): string {
  let token = '';
  while (token.length < FORM_MEMO_TOKEN_CHARS) {
    for (const byte of randomBytes(FORM_MEMO_TOKEN_CHARS * 2)) {
      if (byte < UNBIASED_BELOW && token.length < FORM_MEMO_TOKEN_CHARS) token += ALPHABET[byte % ALPHABET.length];
    }
  }
  return token;
}

function readContent(text: string): FormMemoContent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const content = FormMemoContentSchema.safeParse(parsed);
  return content.success ? content.data : undefined;
}

/**
 * Open forms' memos in the database, so a form opened on one replica can continue on another, or after a restart.
 * Each memo belongs to the user who opened it and expires; custom ids carry only its token.
 */
export class FormMemoStore {
  constructor(private readonly store: Store) {}

  /** Stores a new memo for `userId`, valid for `ttlMs` from `now`; returns its token. */
  async remember(platform: ClaimPlatform, userId: string, content: FormMemoContent, now: Date, ttlMs: number): Promise<string> {
    const token = newFormMemoToken();
    const row = { platform, token, user_id: userId, content: JSON.stringify(content), expires_at: new Date(now.getTime() + ttlMs).toISOString() };
    await retryWhileBusy(() => this.store.db.insertInto('form_memos').values(row).execute());
    return token;
  }

  /** The memo's content, if it exists, has not expired, belongs to `userId` and is well-formed; otherwise undefined. */
  async recall(platform: ClaimPlatform, token: string, userId: string, now: Date): Promise<FormMemoContent | undefined> {
    const row = await retryWhileBusy(() =>
      this.store.db
        .selectFrom('form_memos')
        .select('content')
        .where('platform', '=', platform)
        .where('token', '=', token)
        .where('user_id', '=', userId)
        .where('expires_at', '>=', now.toISOString())
        .executeTakeFirst(),
    );
    return row ? readContent(row.content) : undefined;
  }

  /** Replaces a memo's content (a page's values, the submitted flag), keeping its owner and expiry; false when it is gone. */
  async save(platform: ClaimPlatform, token: string, content: FormMemoContent): Promise<boolean> {
    const result = await retryWhileBusy(() =>
      this.store.db
        .updateTable('form_memos')
        .set({ content: JSON.stringify(content) })
        .where('platform', '=', platform)
        .where('token', '=', token)
        .executeTakeFirst(),
    );
    return Number(result.numUpdatedRows) === 1;
  }

  /** Deletes and returns the memo in one statement, under the same checks as recall: of two replicas, one gets it. */
  async take(platform: ClaimPlatform, token: string, userId: string, now: Date): Promise<FormMemoContent | undefined> {
    const row = await retryWhileBusy(() =>
      this.store.db
        .deleteFrom('form_memos')
        .where('platform', '=', platform)
        .where('token', '=', token)
        .where('user_id', '=', userId)
        .where('expires_at', '>=', now.toISOString())
        .returning('content')
        .executeTakeFirst(),
    );
    return row ? readContent(row.content) : undefined;
  }

  /** Deletes `userId`'s memo, if any. */
  async forget(platform: ClaimPlatform, token: string, userId: string): Promise<void> {
    await retryWhileBusy(() => this.store.db.deleteFrom('form_memos').where('platform', '=', platform).where('token', '=', token).where('user_id', '=', userId).execute());
  }

  /** Deletes memos that expired before `now`; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    const result = await retryWhileBusy(() => this.store.db.deleteFrom('form_memos').where('expires_at', '<', now.toISOString()).executeTakeFirst());
    return Number(result.numDeletedRows);
  }
}
