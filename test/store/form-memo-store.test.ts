import { afterEach, describe, expect, it } from 'vitest';
import type { FormMemoContent } from '../../src/store/form-memo-content.js';
import { FORM_MEMO_TOKEN_CHARS, FormMemoStore } from '../../src/store/form-memo-store.js';
import { StoredHeldPatches } from '../../src/store/held-patch-store.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

const NOW = new Date('2023-08-12T10:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

const pages: FormMemoContent = { kind: 'pages', form: 'new-person', values: { name: 'Dana Okafor', flags: ['unverified'] }, evidence: ['A sentence from the article.'] };

describe.each(STORE_KINDS)('FormMemoStore on %s', (kind) => {
  let opened: Awaited<ReturnType<typeof openTestStore>> | undefined;
  const others: Store[] = [];
  afterEach(async () => {
    await Promise.all(others.splice(0).map((s) => s.close()));
    await opened?.close();
    opened = undefined;
  });

  async function memos(): Promise<FormMemoStore> {
    opened = await openTestStore(kind);
    return new FormMemoStore(opened.store);
  }

  it('gives each memo a fresh 20-character token of letters and digits, and recalls it for its owner', async () => {
    const store = await memos();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => store.remember('discord', 'u1', pages, NOW, HOUR)));
    expect(new Set(tokens).size).toBe(20);
    for (const token of tokens) expect(token).toMatch(new RegExp(`^[A-Za-z0-9]{${FORM_MEMO_TOKEN_CHARS}}$`));
    expect(await store.recall('discord', tokens[0]!, 'u1', NOW)).toEqual(pages);
  });

  it('refuses someone else, another platform, an unknown token and an expired memo', async () => {
    const store = await memos();
    const token = await store.remember('discord', 'u1', pages, NOW, HOUR);
    expect(await store.recall('discord', token, 'u2', NOW)).toBeUndefined();
    expect(await store.recall('slack', token, 'u1', NOW)).toBeUndefined();
    expect(await store.recall('discord', 'A'.repeat(FORM_MEMO_TOKEN_CHARS), 'u1', NOW)).toBeUndefined();
    expect(await store.recall('discord', token, 'u1', later(HOUR))).toEqual(pages);
    expect(await store.recall('discord', token, 'u1', later(HOUR + 1))).toBeUndefined();
  });

  it('saves a memo changed between pages, for the next recall on another connection to the same database', async () => {
    const store = await memos();
    const token = await store.remember('discord', 'u1', pages, NOW, HOUR);
    const second = await opened!.database.open();
    others.push(second);
    const changed: FormMemoContent = { ...pages, values: { ...pages.values, role: 'Deputy negotiator' }, submitted: true };
    expect(await new FormMemoStore(second).save('discord', token, changed)).toBe(true);
    expect(await store.recall('discord', token, 'u1', later(HOUR))).toEqual(changed);
    expect(await store.save('discord', 'A'.repeat(FORM_MEMO_TOKEN_CHARS), changed)).toBe(false);
  });

  it('treats a hand-edited row as no memo: not JSON, the wrong shape, or an unknown form', async () => {
    const store = await memos();
    const db = opened!.store.db;
    for (const content of ['{not json', JSON.stringify({ kind: 'pages', form: 'new-person', values: { name: 42 } }), JSON.stringify({ ...pages, form: 'drop-table' }), JSON.stringify({ ...pages, extra: true }), '"pages"']) {
      const token = await store.remember('discord', 'u1', pages, NOW, HOUR);
      await db.updateTable('form_memos').set({ content }).where('token', '=', token).execute();
      expect(await store.recall('discord', token, 'u1', NOW)).toBeUndefined();
    }
  });

  it('prunes only memos expired before now', async () => {
    const store = await memos();
    const short = await store.remember('discord', 'u1', pages, NOW, 1_000);
    const long = await store.remember('discord', 'u1', { kind: 'update', amends: { id: 3, reason: 'wrong date' } }, NOW, HOUR);
    expect(await store.pruneExpired(later(1_000))).toBe(0);
    expect(await store.pruneExpired(later(1_001))).toBe(1);
    expect(await store.recall('discord', short, 'u1', NOW)).toBeUndefined();
    expect(await store.recall('discord', long, 'u1', NOW)).toEqual({ kind: 'update', amends: { id: 3, reason: 'wrong date' } });
  });

  it('takes a memo once: of two connections racing for it, one gets it; only its owner may take or forget it', async () => {
    const store = await memos();
    const second = await opened!.database.open();
    others.push(second);
    const token = await store.remember('discord', 'u1', pages, NOW, HOUR);
    expect(await store.take('discord', token, 'u2', NOW)).toBeUndefined();
    await store.forget('discord', token, 'u2');
    const taken = await Promise.all([store.take('discord', token, 'u1', NOW), new FormMemoStore(second).take('discord', token, 'u1', NOW)]);
    expect(taken.filter(Boolean)).toEqual([pages]);
    const other = await store.remember('discord', 'u1', pages, NOW, HOUR);
    expect(await store.take('discord', other, 'u1', later(HOUR + 1))).toBeUndefined();
    await store.forget('discord', other, 'u1');
    expect(await store.recall('discord', other, 'u1', NOW)).toBeUndefined();
  });

  it('holds a form patch for its author, who alone confirms it once; a cancelled one is gone', async () => {
    const held = new StoredHeldPatches(await memos());
    const steward = { platform: 'discord' as const, userId: 'u1' };
    const submission = { patch: { people: [{ id: 'dana-okafor', name: 'Dana Okafor' }] }, title: 'New person: Dana Okafor', unverified: false };
    const id = await held.hold(steward, submission, NOW, HOUR);
    expect(await held.take(id, { platform: 'discord', userId: 'u2' }, NOW)).toBeUndefined();
    expect(await held.take(id, { platform: 'slack', userId: 'u1' }, NOW)).toBeUndefined();
    expect(await held.take(id, steward, NOW)).toEqual(submission);
    expect(await held.take(id, steward, NOW)).toBeUndefined();
    const kept = await held.hold(steward, submission, NOW, HOUR);
    await held.drop(kept, { platform: 'discord', userId: 'u2' });
    expect(await held.take(kept, steward, NOW)).toEqual(submission);
    const cancelled = await held.hold(steward, submission, NOW, HOUR);
    await held.drop(cancelled, steward);
    expect(await held.take(cancelled, steward, NOW)).toBeUndefined();
    // A form's pages memo is not a held patch, even for its owner.
    expect(await held.take(await new FormMemoStore(opened!.store).remember('discord', 'u1', pages, NOW, HOUR), steward, NOW)).toBeUndefined();
  });
});
