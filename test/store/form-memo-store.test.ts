import { afterEach, describe, expect, it } from 'vitest';
import type { FormMemoContent } from '../../src/store/form-memo-content.js';
import { FORM_MEMO_TOKEN_CHARS, FormMemoStore } from '../../src/store/form-memo-store.js';
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
});
