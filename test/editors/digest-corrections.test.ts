import { afterEach, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/core/commands/registry.js';
import { parseDeliveryKey, updatesCarried } from '../../src/editors/carried-updates.js';
import { deliveryKey } from '../../src/scheduler/digest-channel.js';
import { AUG_12_DIGEST, AUG_13_DIGEST, startWorld, type World } from './corrections-world.js';
import { meetingUpdate, origin } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function store(w: World, overrides: Parameters<typeof meetingUpdate>[0] = {}, at = '2023-08-12T10:00:00Z') {
  w.clock.set(at);
  const outcome = await w.editors.desk.submit(w.ctx, meetingUpdate({ stance: undefined, ...overrides }), origin(true));
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.reply.fallbackText}`);
  return outcome.record;
}

async function digestsAt(w: World, at: string) {
  w.clock.set(at);
  const before = w.channel.posts.length;
  await w.scheduler.runDueCheck(1);
  return w.channel.posts.slice(before);
}

describe('corrections reach the digests', () => {
  it('edits the two posted digests that carried a retracted update, and the next digest in each channel lists it', async () => {
    world = await startWorld();
    const record = await store(world);
    const first = await digestsAt(world, AUG_12_DIGEST);
    expect(first.map((p) => p.channelId).sort()).toEqual(['C0DESK', 'C0NEWS']);
    for (const post of first) expect(post.digest.fallbackText).toContain('WGA and AMPTP negotiators meet again');
    expect(await world.editors.store.carriedBy(record.id)).toHaveLength(2);

    world.clock.set('2023-08-12T20:00:00Z');
    const reply = await runCommandText(world.ctx, `correct ${record.id} retract the sides did not meet; the report confused two calls`, origin(true));
    expect(reply.fallbackText).toContain('Edited 2 posted digests that carried it');

    expect(world.channel.edits.map((e) => e.messageIds[0]).sort()).toEqual(first.map((p) => p.messageIds[0]).sort());
    for (const edit of world.channel.edits) {
      expect(edit.digest.title).toMatch(/\(corrected\)$/);
      expect(edit.digest.blocks[0]).toEqual({ kind: 'heading', text: 'Corrections' });
      expect(edit.digest.fallbackText).toContain('the item “WGA and AMPTP negotiators meet again” (Aug 11, 2023) was retracted: the sides did not meet; the report confused two calls.');
      expect(edit.digest.fallbackText).not.toContain('Negotiators for the guild and the studios met');
    }
    expect(await world.db.db.selectFrom('correction_edits').select('status').where('status', '=', 'edited').execute()).toHaveLength(2);

    const next = await digestsAt(world, AUG_13_DIGEST);
    expect(next).toHaveLength(2);
    for (const post of next) {
      expect(post.digest.blocks[0]).toEqual({ kind: 'heading', text: 'Corrections' });
      expect(post.digest.fallbackText).toContain('was retracted: the sides did not meet');
    }
    // Listed once: the digest after that has no Corrections section.
    const later = await digestsAt(world, '2023-08-14T16:00:30Z');
    expect(later.every((p) => !p.digest.fallbackText.includes('Corrections'))).toBe(true);
  });

  it('rebuilds an amended update in the digests that carried it', async () => {
    world = await startWorld();
    const record = await store(world);
    await digestsAt(world, AUG_12_DIGEST);
    world.clock.set('2023-08-12T20:00:00Z');
    const outcome = await world.editors.desk.submit(world.ctx, meetingUpdate({ stance: undefined, title: 'Negotiators talk by phone', contact: false }), origin(true), { amends: { id: record.id, reason: 'it was a call, not a meeting' } });
    expect(outcome.kind).toBe('stored');
    expect(world.channel.edits).toHaveLength(2);
    expect(world.channel.edits[0]!.digest.fallbackText).toContain('Negotiators talk by phone');
    expect(world.channel.edits[0]!.digest.fallbackText).toContain('was corrected: it was a call, not a meeting. It now reads: Negotiators talk by phone (Aug 11, 2023).');
  });

  it('does not list the correction of an update no digest carried', async () => {
    world = await startWorld();
    const record = await store(world, { unverified: true });
    await digestsAt(world, AUG_12_DIGEST);
    world.clock.set('2023-08-12T20:00:00Z');
    await runCommandText(world.ctx, `correct ${record.id} retract a rumour that did not stand up`, origin(true));
    expect(world.channel.edits).toHaveLength(0);
    const next = await digestsAt(world, AUG_13_DIGEST);
    expect(next.some((p) => p.digest.fallbackText.includes('Corrections'))).toBe(false);
  });
});

describe('unverified updates and digests', () => {
  it('keeps an unverified update out of the digest while answers label it, and reports it in the digest after verification', async () => {
    world = await startWorld();
    const record = await store(world, { unverified: true });
    expect((await runCommandText(world.ctx, 'timeline', origin(false))).fallbackText).toContain('Unverified: Aug 11, 2023: WGA and AMPTP negotiators meet again.');
    const first = await digestsAt(world, AUG_12_DIGEST);
    expect(first).toHaveLength(2);
    for (const post of first) {
      expect(post.digest.fallbackText).not.toContain('negotiators meet again');
      expect(post.digest.fallbackText).not.toContain('Unverified');
    }
    expect(await world.editors.store.carriedBy(record.id)).toEqual([]);

    world.clock.set('2023-08-12T20:00:00Z');
    await runCommandText(world.ctx, `verify ${record.id}`, origin(true));
    const next = await digestsAt(world, AUG_13_DIGEST);
    for (const post of next) expect(post.digest.fallbackText).toContain('WGA and AMPTP negotiators meet again');
  });
});

describe('unverified stance changes and digests', () => {
  it('leaves an unverified stance change out of where things stand, while status labels it', async () => {
    world = await startWorld();
    world.clock.set('2023-08-12T10:00:00Z');
    const outcome = await world.editors.desk.submit(world.ctx, meetingUpdate({ unverified: true }), origin(true));
    if (outcome.kind !== 'confirm') throw new Error(`expected a confirmation, got ${outcome.kind}`);
    expect((await world.editors.desk.confirm(world.ctx, outcome.pendingId, origin(true))).kind).toBe('stored');
    expect((await runCommandText(world.ctx, 'status', origin(false))).fallbackText).toContain('Unverified: AMPTP has countered');
    const [post] = await digestsAt(world, AUG_12_DIGEST);
    expect(post!.digest.fallbackText).toContain('Minimum staffing in episodic TV: WGA demands it; AMPTP rejects it');
    expect(post!.digest.fallbackText).not.toMatch(/Unverified|countered|negotiators meet again/);
  });
});

describe('delivery keys and carried updates', () => {
  it('reads back the scheduler’s delivery keys', () => {
    expect(parseDeliveryKey(deliveryKey(12, '2023-08-12'))).toEqual({ subscriptionId: 12, localDate: '2023-08-12' });
    expect(parseDeliveryKey('not-a-key')).toBeUndefined();
  });

  it('finds the updates a digest cites', () => {
    const cites = (ids: string[]) => ({ citations: ids.map((sourceId, i) => ({ n: i + 1, sourceId, outlet: 'o', title: 't', date: '2023-08-11' })) }) as never;
    expect(updatesCarried(cites(['trade-report-2023-08-04', 'update-3-source', 'update-12-source', 'update-3-source']))).toEqual([3, 12]);
  });
});
