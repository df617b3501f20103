import type { UpdateFormContent } from '../../store/form-memo-content.js';
import { InProcessFormMemos, type FormMemoShelf } from './form-memo-shelf.js';

/** What a form token remembers between the modal and its submission: the amendment and the text to refill. */
export type FormMemo = Omit<UpdateFormContent, 'kind'>;

/** Form tokens live this long: an editor may take a while to write an update. */
export const FORM_TTL_MS = 60 * 60 * 1000;

/**
 * Tokens for open update forms (custom ids are too short to carry an amendment or a whole submission). With the
 * database's memos the submission may reach any replica, or the bot after a restart; without them, this process only.
 */
export class FormMemory {
  private readonly shelf: FormMemoShelf;

  constructor(memos: FormMemoShelf | undefined, private readonly now: () => Date) {
    this.shelf = memos ?? new InProcessFormMemos();
  }

  /** Stores a new form's memo for `userId`; returns its token. */
  remember(userId: string, memo: FormMemo): Promise<string> {
    return this.shelf.remember('discord', userId, { kind: 'update', ...memo }, this.now(), FORM_TTL_MS);
  }

  /** The memo, if it exists, has not expired and belongs to this user. */
  async recall(token: string, userId: string): Promise<FormMemo | undefined> {
    const content = await this.shelf.recall('discord', token, userId, this.now());
    if (content?.kind !== 'update') return undefined;
    const { kind: _kind, ...memo } = content;
    return memo;
  }
}
