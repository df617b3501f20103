import { afterEach, describe, expect, it } from 'vitest';
import { claimOnce } from '../../src/store/claim-once.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

describe.each(STORE_KINDS)('claimOnce on %s', (kind) => {
  const now = new Date('2024-04-20T10:00:00Z');
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  async function open() {
    const opened = await openTestStore(kind);
    const replica = await opened.database.open();
    closers.push(async () => {
      await replica.close();
      await opened.close();
    });
    return { claims: new InteractionClaims(opened.store), replicaClaims: new InteractionClaims(replica) };
  }

  it('does the work once and answers a repeat with the recorded result', async () => {
    const { claims } = await open();
    let runs = 0;
    const work = async () => `done ${++runs}`;
    expect(await claimOnce(claims, 'slack', 'form:V1:abc', now, work)).toEqual({ first: true, result: 'done 1' });
    expect(await claimOnce(claims, 'slack', 'form:V1:abc', now, work)).toEqual({ first: false, result: 'done 1' });
    expect(runs).toBe(1);
  });

  it('gives the claim up when the work fails, so the retry does the work', async () => {
    const { claims } = await open();
    await expect(claimOnce(claims, 'discord', 'form:t:x', now, async () => { throw new Error('database is busy'); })).rejects.toThrow('busy');
    expect(await claimOnce(claims, 'discord', 'form:t:x', now, async () => 'stored')).toEqual({ first: true, result: 'stored' });
  });

  it('GIVEN the same submission delivered to two replicas at once THEN the work runs once and the other says it is in progress', async () => {
    const { claims, replicaClaims } = await open();
    let runs = 0;
    let finish!: () => void;
    const finished = new Promise<void>((r) => (finish = r));
    const slow = async () => {
      runs++;
      await finished;
      return 'stored once';
    };
    const first = claimOnce(claims, 'slack', 'form:V2:race', now, slow);
    // The first delivery's claim is in the database before its work finishes; the replica sees it.
    await expect.poll(() => runs).toBe(1);
    expect(await claimOnce(replicaClaims, 'slack', 'form:V2:race', now, slow)).toEqual({ first: false });
    finish();
    expect(await first).toEqual({ first: true, result: 'stored once' });
    expect(await claimOnce(replicaClaims, 'slack', 'form:V2:race', now, slow)).toEqual({ first: false, result: 'stored once' });
    expect(runs).toBe(1);
  });
});
