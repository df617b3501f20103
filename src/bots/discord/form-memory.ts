import type { FormPagesContent } from '../../store/form-memo-content.js';
import { InProcessFormMemos, type FormMemoShelf } from './form-memo-shelf.js';

/** What a Discord form remembers between its pages: which form, what was entered so far, the draft's evidence. */
export type FormPagesMemo = Omit<FormPagesContent, 'kind'>;

/** Form tokens live this long: an editor may take a while over several pages. */
export const FORM_PAGES_TTL_MS = 60 * 60 * 1000;

/**
 * Tokens for open multi-page forms (custom ids are too short to carry the values). With the database's memos any
 * replica can take the next page, and a restart loses nothing; without them (rendering tests) they live in this process.
 */
export class FormPagesMemory {
  private readonly shelf: FormMemoShelf;

  constructor(memos: FormMemoShelf | undefined, private readonly now: () => Date) {
    this.shelf = memos ?? new InProcessFormMemos();
  }

  /** Stores a new form's memo for `userId`; returns its token. */
  remember(userId: string, memo: FormPagesMemo): Promise<string> {
    return this.shelf.remember('discord', userId, { kind: 'pages', ...memo }, this.now(), FORM_PAGES_TTL_MS);
  }

  /** The memo, if it exists, has not expired and belongs to this user. */
  async recall(token: string, userId: string): Promise<FormPagesMemo | undefined> {
    const content = await this.shelf.recall('discord', token, userId, this.now());
    if (content?.kind !== 'pages') return undefined;
    const { kind: _kind, ...memo } = content;
    return memo;
  }

  /** Keeps what changed since recall (a page's values, the submitted flag) for the next page, wherever it arrives. */
  async save(token: string, memo: FormPagesMemo): Promise<void> {
    await this.shelf.save('discord', token, { kind: 'pages', ...memo });
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
