import { STORAGE_TEXT } from '../../core/reply/storage-reply.js';
import { storageTrouble } from '../../store/busy-retry.js';

/** What a member is told when answering failed on our side. */
export const SORRY = 'Something went wrong on my side while answering. Please try again in a moment.';

/** The private apology for an error: storage trouble in the words Slack uses too, anything else as a plain "something went wrong". */
export function failureReply(err: unknown): string {
  const trouble = storageTrouble(err);
  return trouble ? STORAGE_TEXT[trouble].text : SORRY;
}
