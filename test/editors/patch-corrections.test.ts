import { afterEach, describe, expect, it } from 'vitest';
import { AUG_12_DIGEST, AUG_13_DIGEST, startWorld, type World } from './corrections-world.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import { origin, PACK } from './support.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

// A patch written for these tests: a fictional follow-up session, with a source of its own.
const PATCH = {
  sources: [{ id: 'desk-wire-aug-11', outlet: 'Strikewire Test Wire', title: 'Guild and studios talk again', date: '2023-08-11', kind: 'press', url: 'https://example.org/wire/talk-again' }],
  events: [{ id: 'desk-session-2023-08-11', date: '2023-08-11', participants: ['wga', 'amptp'], title: 'Guild and studios hold a second session', text: 'The two sides met for a second session, the test wire said.', sources: ['desk-wire-aug-11'] }],
};

async function applyPatch(w: World, patch: unknown, at = '2023-08-12T10:00:00Z') {
  w.clock.set(at);
  const outcome = await w.editors.patches.apply(w.ctx, patch, origin(true), { title: 'Second session' });
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${JSON.stringify(outcome)}`);
  return outcome.record;
}

async function digestsAt(w: World, at: string) {
  w.clock.set(at);
  const before = w.channel.posts.length;
  await w.scheduler.runDueCheck(1);
  return w.channel.posts.slice(before);
}

describe('corrections of a stored patch reach the digests that carried it', () => {
  it('records which posted digests carried a patch, edits them on amend and lists the correction next', async () => {
    world = await startWorld();
    const record = await applyPatch(world, PATCH);
    const first = await digestsAt(world, AUG_12_DIGEST);
    expect(first).toHaveLength(2);
    for (const post of first) expect(post.digest.fallbackText).toContain('Guild and studios hold a second session');
    expect(await world.editors.store.carriedBy(record.id)).toHaveLength(2);

    world.clock.set('2023-08-12T20:00:00Z');
    const amended = { ...PATCH, events: [{ ...PATCH.events[0]!, title: 'Guild and studios speak by phone', text: 'The two sides spoke by phone, the test wire later said.' }] };
    const outcome = await world.editors.patches.amend(world.ctx, record.id, amended, origin(true), { title: '', reason: 'it was a call, not a meeting' });
    expect(outcome.kind).toBe('stored');
    if (outcome.kind === 'stored') expect(outcome.edits).toEqual({ edited: 2, failed: 0 });
    expect(world.channel.edits).toHaveLength(2);
    for (const edit of world.channel.edits) {
      expect(edit.digest.title).toMatch(/\(corrected\)$/);
      expect(edit.digest.fallbackText).toContain('Guild and studios speak by phone');
      expect(edit.digest.fallbackText).not.toContain('hold a second session');
      expect(edit.digest.fallbackText).toContain('the item “Second session” (Aug 11, 2023) was corrected: it was a call, not a meeting.');
    }
    const next = await digestsAt(world, AUG_13_DIGEST);
    for (const post of next) expect(post.digest.fallbackText).toContain('was corrected: it was a call, not a meeting');
  });

  it('edits the digests behind a retraction another process made (cli desk retract) when the bot next syncs', async () => {
    world = await startWorld();
    const record = await applyPatch(world, PATCH);
    await digestsAt(world, AUG_12_DIGEST);
    // The CLI writes the same database without a bot to edit through.
    await world.editors.store.retract(record.id, { author: 'shell:desk', at: new Date('2023-08-12T20:00:00Z'), reason: 'the session did not happen' });
    world.clock.set('2023-08-12T20:00:30Z');
    expect(await world.editors.publishPending()).toBe(1);
    expect(world.channel.edits).toHaveLength(2);
    for (const edit of world.channel.edits) expect(edit.digest.fallbackText).toContain('was retracted: the session did not happen.');
    expect(await world.editors.publishPending()).toBe(0);
  });

  it('edits those digests once when two replicas notice the retraction at the same moment', async () => {
    world = await startWorld();
    const record = await applyPatch(world, PATCH);
    await digestsAt(world, AUG_12_DIGEST);
    // A second replica on the same database, posting through the same platform.
    const replica = openEditorService(world.db, { pack: PACK, clock: world.clock.now, log: () => undefined, sleep: async () => undefined });
    replica.useChannels({ slack: world.channel });
    await world.editors.store.retract(record.id, { author: 'shell:desk', at: new Date('2023-08-12T20:00:00Z'), reason: 'the session did not happen' });
    world.clock.set('2023-08-12T20:00:30Z');
    const published = await Promise.all([world.editors.publishPending(), replica.publishPending()]);
    expect(published.reduce((a, b) => a + b)).toBe(1);
    expect(world.channel.edits).toHaveLength(2);
    expect(await world.editors.store.editsOf((await world.editors.store.recentCorrections(1))[0]!.id)).toHaveLength(2);
  });

  it('holds an unverified patch out of the digest, and a refused patch stores nothing', async () => {
    world = await startWorld();
    world.clock.set('2023-08-12T10:00:00Z');
    const held = await world.editors.patches.apply(world.ctx, PATCH, origin(true), { title: 'Second session', unverified: true });
    expect(held.kind).toBe('stored');
    expect(world.ctx.knowledge.events.find((e) => e.id === 'desk-session-2023-08-11')?.unverified).toBe(true);
    const posts = await digestsAt(world, AUG_12_DIGEST);
    for (const post of posts) expect(post.digest.fallbackText).not.toContain('second session');
    const refused = await world.editors.patches.apply(world.ctx, { events: [{ id: 'x-event', date: '2023-08-11', title: 'T', text: 'T', participants: ['dga'], sources: ['desk-wire-aug-11'] }] }, origin(true), { title: 'bad' });
    expect(refused).toEqual({ kind: 'invalid', problems: [{ path: 'events[0].participants[0]', problem: 'unknown person or party "dga"' }] });
    expect(await world.editors.store.list()).toHaveLength(1);
    const notEditor = await world.editors.patches.apply(world.ctx, PATCH, origin(false), { title: 'x' });
    expect(notEditor.kind).toBe('refused');
  });
});
