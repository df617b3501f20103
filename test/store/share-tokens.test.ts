import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/open-database.js';
import { SHARE_TTL_MS, ShareTokens } from '../../src/store/share-tokens.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shares-'));
  dirs.push(dir);
  return join(dir, 'strikewire.db');
}

const now = new Date('2026-01-10T12:00:00Z');
const alice = { userId: 'U-alice', channelId: 'C1' };

describe('ShareTokens', () => {
  it('issues distinct unguessable tokens', () => {
    const shares = new ShareTokens(openDatabase(':memory:'));
    const tokens = new Set(Array.from({ length: 200 }, () => shares.issue('discord', alice, '{}', now)));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('redeems once, for the owner in the owner’s channel, before expiry; survives a reopen', () => {
    const path = dbPath();
    const token = new ShareTokens(openDatabase(path)).issue('discord', alice, 'payload-a', now);
    const shares = new ShareTokens(openDatabase(path));
    expect(shares.redeem('discord', token, { userId: 'U-bob', channelId: 'C1' }, now)).toEqual({ kind: 'not-owner' });
    expect(shares.redeem('discord', token, { userId: 'U-alice', channelId: 'C2' }, now)).toEqual({ kind: 'expired' });
    expect(shares.redeem('slack', token, alice, now)).toEqual({ kind: 'expired' });
    expect(shares.redeem('discord', token, alice, now)).toEqual({ kind: 'ok', payload: 'payload-a' });
    expect(shares.redeem('discord', token, alice, now)).toEqual({ kind: 'used' });
  });

  it('calls an unknown or expired token expired, and prunes expired ones', () => {
    const shares = new ShareTokens(openDatabase(':memory:'));
    expect(shares.redeem('discord', 'nope', alice, now)).toEqual({ kind: 'expired' });
    const token = shares.issue('discord', alice, 'x', now);
    const later = new Date(now.getTime() + SHARE_TTL_MS + 1);
    expect(shares.redeem('discord', token, alice, later)).toEqual({ kind: 'expired' });
    expect(shares.pruneExpired(later)).toBe(1);
  });

  it('keeps DM tokens (no channel) owner-bound too', () => {
    const shares = new ShareTokens(openDatabase(':memory:'));
    const token = shares.issue('discord', { userId: 'U-alice' }, 'dm', now);
    expect(shares.redeem('discord', token, { userId: 'U-bob' }, now)).toEqual({ kind: 'not-owner' });
    expect(shares.redeem('discord', token, { userId: 'U-alice' }, now)).toEqual({ kind: 'ok', payload: 'dm' });
  });
});
