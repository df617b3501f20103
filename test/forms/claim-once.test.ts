import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { claimOnce } from '../../src/store/claim-once.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { openDatabase } from '../../src/store/open-database.js';

let db: Database.Database | undefined;
afterEach(() => db?.close());

describe('claimOnce', () => {
  const now = new Date('2024-04-20T10:00:00Z');

  it('does the work once and answers a repeat with the recorded result', async () => {
    db = openDatabase(':memory:');
    const claims = new InteractionClaims(db);
    let runs = 0;
    const work = async () => `done ${++runs}`;
    expect(await claimOnce(claims, 'slack', 'form:V1:abc', now, work)).toEqual({ first: true, result: 'done 1' });
    expect(await claimOnce(claims, 'slack', 'form:V1:abc', now, work)).toEqual({ first: false, result: 'done 1' });
    expect(runs).toBe(1);
  });

  it('gives the claim up when the work fails, so the retry does the work', async () => {
    db = openDatabase(':memory:');
    const claims = new InteractionClaims(db);
    await expect(claimOnce(claims, 'discord', 'form:t:x', now, async () => { throw new Error('database is busy'); })).rejects.toThrow('busy');
    expect(await claimOnce(claims, 'discord', 'form:t:x', now, async () => 'stored')).toEqual({ first: true, result: 'stored' });
  });
});
