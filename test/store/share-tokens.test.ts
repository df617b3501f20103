import { describe, expect, it } from 'vitest';
import { SHARE_TTL_MS, ShareTokens } from '../../src/store/share-tokens.js';
import { sharedTestDatabase, STORE_KINDS } from '../support/test-store.js';

const now = new Date('2026-01-10T12:00:00Z');
const alice = { userId: 'U-alice', channelId: 'C1' };

describe.each(STORE_KINDS)('ShareTokens on %s', (kind) => {
  const { open } = sharedTestDatabase(kind);

  it('issues distinct unguessable tokens', async () => {
    const shares = new ShareTokens(await open());
    const tokens = new Set(await Promise.all(Array.from({ length: 200 }, () => shares.issue('discord', alice, '{}', now))));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('redeems once, for the owner in the owner’s channel, before expiry; seen by a second store', async () => {
    const token = await new ShareTokens(await open()).issue('discord', alice, 'payload-a', now);
    const shares = new ShareTokens(await open());
    expect(await shares.redeem('discord', token, { userId: 'U-bob', channelId: 'C1' }, now)).toEqual({ kind: 'not-owner' });
    expect(await shares.redeem('discord', token, { userId: 'U-alice', channelId: 'C2' }, now)).toEqual({ kind: 'expired' });
    expect(await shares.redeem('discord', token, { userId: 'U-alice' }, now)).toEqual({ kind: 'expired' });
    expect(await shares.redeem('slack', token, alice, now)).toEqual({ kind: 'expired' });
    expect(await shares.redeem('discord', token, alice, now)).toEqual({ kind: 'ok', payload: 'payload-a' });
    expect(await shares.redeem('discord', token, alice, now)).toEqual({ kind: 'used' });
  });

  it('GIVEN two replicas redeeming one token at once THEN only one shares', async () => {
    const [a, b] = [new ShareTokens(await open()), new ShareTokens(await open())];
    const token = await a.issue('slack', alice, 'once', now);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).redeem('slack', token, alice, now)));
    expect(results.filter((r) => r.kind === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'used')).toHaveLength(7);
  });

  it('calls an unknown or expired token expired, and prunes expired ones', async () => {
    const shares = new ShareTokens(await open());
    expect(await shares.redeem('discord', 'nope', alice, now)).toEqual({ kind: 'expired' });
    const token = await shares.issue('discord', alice, 'x', now);
    const later = new Date(now.getTime() + SHARE_TTL_MS + 1);
    expect(await shares.redeem('discord', token, alice, later)).toEqual({ kind: 'expired' });
    expect(await shares.pruneExpired(later)).toBe(1);
  });

  it('keeps DM tokens (no channel) owner-bound too, and usable only outside a channel', async () => {
    const shares = new ShareTokens(await open());
    const token = await shares.issue('discord', { userId: 'U-alice' }, 'dm', now);
    expect(await shares.redeem('discord', token, { userId: 'U-bob' }, now)).toEqual({ kind: 'not-owner' });
    expect(await shares.redeem('discord', token, { userId: 'U-alice', channelId: 'C1' }, now)).toEqual({ kind: 'expired' });
    expect(await shares.redeem('discord', token, { userId: 'U-alice' }, now)).toEqual({ kind: 'ok', payload: 'dm' });
  });
});
