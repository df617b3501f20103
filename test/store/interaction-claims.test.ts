import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { openDatabase } from '../../src/store/open-database.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claims-'));
  dirs.push(dir);
  return join(dir, 'strikewire.db');
}

describe('InteractionClaims', () => {
  const now = new Date('2026-01-10T12:00:00Z');

  it('gives the first claim of a key to one caller, and the recorded result to repeats', () => {
    const claims = new InteractionClaims(openDatabase(':memory:'));
    expect(claims.claim('slack', 'A1', now)).toEqual({ first: true });
    expect(claims.claim('slack', 'A1', now)).toEqual({ first: false });
    claims.complete('slack', 'A1', '1700000000.000100');
    expect(claims.claim('slack', 'A1', now)).toEqual({ first: false, result: '1700000000.000100' });
    // The same id on the other platform is a different interaction.
    expect(claims.claim('discord', 'A1', now)).toEqual({ first: true });
  });

  it('holds claims across a reopen and between two connections to one file', () => {
    const path = dbPath();
    const a = new InteractionClaims(openDatabase(path));
    const b = new InteractionClaims(openDatabase(path));
    expect(a.claim('discord', '1234', now).first).toBe(true);
    expect(b.claim('discord', '1234', now).first).toBe(false);
    expect(new InteractionClaims(openDatabase(path)).claim('discord', '1234', now).first).toBe(false);
  });

  it('prunes expired claims, after which the key is new again', () => {
    const claims = new InteractionClaims(openDatabase(':memory:'));
    claims.claim('slack', 'V1', now, 1000);
    claims.claim('slack', 'V2', now, 60_000);
    expect(claims.pruneExpired(new Date(now.getTime() + 2000))).toBe(1);
    expect(claims.claim('slack', 'V1', new Date(now.getTime() + 2000)).first).toBe(true);
    expect(claims.claim('slack', 'V2', new Date(now.getTime() + 2000)).first).toBe(false);
  });
});
