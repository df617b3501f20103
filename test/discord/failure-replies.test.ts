import { describe, expect, it } from 'vitest';
import { failureReply, SORRY } from '../../src/bots/discord/failure-replies.js';
import { STORAGE_TEXT, storageReply } from '../../src/core/reply/storage-reply.js';
import { StorageBusyError } from '../../src/store/busy-retry.js';
import { shippedContext } from '../support/core-context.js';

const sqliteError = (code: string) => Object.assign(new Error(code), { code });

describe('Discord failure replies', () => {
  it('say busy and read-only storage in the same words as Slack’s storageReply', () => {
    const slack = (trouble: 'busy' | 'read-only') => storageReply(shippedContext(), trouble).fallbackText;
    for (const busy of [sqliteError('SQLITE_BUSY'), sqliteError('SQLITE_BUSY_SNAPSHOT'), sqliteError('SQLITE_LOCKED'), new StorageBusyError('locked for 4000 ms')]) {
      expect(failureReply(busy)).toBe(STORAGE_TEXT.busy.text);
    }
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_FULL', 'SQLITE_CANTOPEN']) expect(failureReply(sqliteError(code))).toBe(STORAGE_TEXT['read-only'].text);
    expect(slack('busy')).toContain(STORAGE_TEXT.busy.text);
    expect(slack('read-only')).toContain(STORAGE_TEXT['read-only'].text);
  });

  it('keep a plain apology for anything else, never the error itself', () => {
    for (const err of [new Error('token xyz leaked in a stack'), sqliteError('SQLITE_CONSTRAINT'), null, 'a string']) expect(failureReply(err)).toBe(SORRY);
  });
});
