import { randomUUID } from 'node:crypto';
import type { FormName, FormValues } from '../../core/forms/form-model.js';

/** What a Discord form remembers between its pages: whose it is, which form, and what was entered so far. */
export interface FormPagesMemo {
  userId: string;
  form: FormName;
  values: FormValues;
  /** Private evidence shown beside a drafted form (the message's sentences). */
  notice?: string;
  /** The article sentences behind a drafted form, to refuse copied wording on submit. */
  evidence?: string[];
  /** Set once the last page was submitted: a page reopened to fix a problem submits the form again. */
  submitted?: boolean;
  expiresAt: number;
}

/** Form tokens live this long: an editor may take a while over several pages. */
export const FORM_PAGES_TTL_MS = 60 * 60 * 1000;
const MAX_MEMOS = 500;

/** In-memory tokens for open multi-page forms (custom ids are too short to carry the values). */
export class FormPagesMemory {
  private readonly memos = new Map<string, FormPagesMemo>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores a new form's memo; returns its token. */
  remember(memo: Omit<FormPagesMemo, 'expiresAt'>): string {
    const now = this.now();
    for (const [token, m] of this.memos) if (m.expiresAt < now || this.memos.size >= MAX_MEMOS) this.memos.delete(token);
    const token = randomUUID().replaceAll('-', '').slice(0, 20);
    this.memos.set(token, { ...memo, expiresAt: now + FORM_PAGES_TTL_MS });
    return token;
  }

  /** The memo, if it exists, has not expired and belongs to this user. */
  recall(token: string, userId: string): FormPagesMemo | undefined {
    const memo = this.memos.get(token);
    return memo && memo.expiresAt >= this.now() && memo.userId === userId ? memo : undefined;
  }
}

/** Prefix of the forms' custom ids: `sw-fm:<action>:<token>:<page>`. */
export const FORM_ID_PREFIX = 'sw-fm';
/** Submit a page, open a page, confirm or cancel a held patch. */
export type FormAction = 'page' | 'open' | 'ok' | 'no';

/** `sw-fm:page:abc:0` */
export function formCustomId(action: FormAction, token: string, page = 0): string {
  return `${FORM_ID_PREFIX}:${action}:${token}:${page}`;
}

/** Reads a forms custom id; undefined for anyone else's. */
export function readFormCustomId(customId: string): { action: FormAction; token: string; page: number } | undefined {
  const m = /^sw-fm:(page|open|ok|no):([A-Za-z0-9]{1,40}):(\d{1,2})$/.exec(customId);
  return m ? { action: m[1] as FormAction, token: m[2]!, page: Number(m[3]) } : undefined;
}
