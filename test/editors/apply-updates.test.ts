import { describe, expect, it } from 'vitest';
import { contextFromPack } from '../../src/core/create-context.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { Knowledge } from '../../src/core/knowledge/knowledge.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { applyUpdates, latestToday } from '../../src/core/updates/apply-updates.js';
import { mergeStored, verifiedPackAt } from '../../src/core/updates/merge-stored.js';
import { UpdateError } from '../../src/core/updates/update-error.js';
import { parseUpdateId } from '../../src/core/updates/update-schema.js';
import { AUG_12, PACK, meetingUpdate, record } from './support.js';

const NOW = new Date(AUG_12);

function refusal(run: () => unknown): UpdateError {
  try {
    run();
  } catch (err) {
    if (err instanceof UpdateError) return err;
    throw err;
  }
  throw new Error('the update was accepted');
}

describe('applyUpdates', () => {
  it('merges an update into the pack as source, event, quote, stance, history and last contact, leaving the pack itself untouched', () => {
    const before = JSON.stringify(PACK);
    const merged = new Knowledge(applyUpdates(PACK, [record(1, meetingUpdate())], { now: NOW }));
    expect(JSON.stringify(PACK)).toBe(before);

    expect(merged.sources.get('update-1-source')).toMatchObject({ outlet: 'Strikewire Test Wire', date: '2023-08-11', kind: 'press', updateId: 1 });
    const event = merged.events.at(-1)!;
    expect(event).toMatchObject({ id: 'update-1', date: '2023-08-11', title: 'WGA and AMPTP negotiators meet again', proposals: ['tv-minimum-staffing'], updateId: 1, recordedAt: AUG_12 });
    expect(event.participants).toEqual(expect.arrayContaining(['amptp', 'carol-lombardini', 'wga']));
    expect(merged.statements.at(-1)).toMatchObject({ speaker: 'carol-lombardini', party: 'amptp', quote: '“We put real numbers on the table today.”', where: 'Strikewire Test Wire' });
    const staffing = merged.proposals.get('tv-minimum-staffing')!;
    expect(staffing.stances.find((s) => s.party === 'amptp')).toMatchObject({ stance: 'counters', since: '2023-08-11', sources: ['update-1-source'] });
    expect(staffing.stances.find((s) => s.party === 'wga')).toMatchObject({ stance: 'demands' });
    expect(staffing.history.at(-1)).toMatchObject({ party: 'amptp', stance: 'counters', date: '2023-08-11' });
    expect(merged.dispute.lastContact.event).toBe('update-1');
    expect(merged.dispute.nextContact).toBeUndefined();
    expect(merged.asOf).toBe('2023-08-11');
  });

  it('leaves retracted updates out and uses an amended update’s current content', () => {
    const retracted = applyUpdates(PACK, [record(1, meetingUpdate(), { retractedAt: AUG_12 })]);
    expect(retracted).toEqual(PACK);
    const amended = new Knowledge(applyUpdates(PACK, [record(1, meetingUpdate({ date: '2023-08-10', title: 'Negotiators meet on Aug 10' }), { amendedAt: AUG_12 })]));
    expect(amended.events.find((e) => e.id === 'update-1')).toMatchObject({ date: '2023-08-10', title: 'Negotiators meet on Aug 10' });
  });

  it.each([
    ['a missing source', { source: undefined }, 'source', /needs a source/],
    ['an unknown proposal', { proposals: ['four-day-week'] }, 'proposals[0]', /unknown proposal "four-day-week"/],
    ['a date in the future', { date: '2023-08-20' }, 'date', /Aug 20, 2023 is in the future/],
    ['a date that is no date', { date: '2023-02-30' }, 'date', /not a real calendar date/],
    ['an unknown speaker', { quote: { text: 'Hello', speaker: 'jane-doe' } }, 'quote.speaker', /unknown person or party "jane-doe"/],
    ['an unknown party in the stance change', { stance: { party: 'netflix', stance: 'rejects' } }, 'stance.party', /unknown party "netflix"/],
    ['a stance change on no proposal', { proposals: [] }, 'proposals', /needs the proposals/],
    ['a source URL that is not one', { source: { outlet: 'Wire', title: 'T', kind: 'press', url: 'not a url' } }, 'source.url', /web address/],
    ['an empty account', { what: '  ' }, 'what', /what happened is required/],
  ] as const)('refuses %s, naming the field', (_name, change, field, problem) => {
    const err = refusal(() => applyUpdates(PACK, [record(3, meetingUpdate(change as never))], { now: NOW }));
    expect(err.updateId).toBe(3);
    expect(err.problems).toContainEqual({ field, problem: expect.stringMatching(problem) });
  });

  it('counts "the future" from the earliest time zone, so an editor east of UTC can date today', () => {
    expect(latestToday(new Date('2023-08-11T10:00:00Z'))).toBe('2023-08-12');
    expect(latestToday(new Date('2023-08-11T09:59:59Z'))).toBe('2023-08-11');
    expect(() => applyUpdates(PACK, [record(1, meetingUpdate({ date: '2023-08-12' }))], { now: new Date('2023-08-11T12:00:00Z') })).not.toThrow();
  });

  it('puts a late report of an older move into the history without undoing a newer stance', () => {
    const merged = new Knowledge(applyUpdates(PACK, [record(1, meetingUpdate({ date: '2023-08-02', contact: false }))]));
    const staffing = merged.proposals.get('tv-minimum-staffing')!;
    expect(staffing.stances.find((s) => s.party === 'amptp')).toMatchObject({ stance: 'rejects', since: '2023-08-04' });
    expect(staffing.history.some((m) => m.date === '2023-08-02' && m.stance === 'counters')).toBe(true);
    expect(merged.dispute.lastContact.event).toBe('meeting-2023-08-04');
  });

  it('changes the dispute’s status from the update’s date', () => {
    const merged = new Knowledge(applyUpdates(PACK, [record(1, meetingUpdate({ status: 'tentative-agreement', stance: undefined }))]));
    expect(merged.currentStatus()).toMatchObject({ status: 'tentative-agreement', since: '2023-08-11', updateId: 1 });
  });

  it('marks facts of an unverified update, and dates a verified one from its verification for digests', () => {
    const unverified = applyUpdates(PACK, [record(1, meetingUpdate({ unverified: true }))]);
    expect(unverified.events.find((e) => e.id === 'update-1')?.unverified).toBe(true);
    const verified = applyUpdates(PACK, [record(1, meetingUpdate(), { verifiedAt: '2023-08-13T08:00:00.000Z' })]);
    expect(verified.events.find((e) => e.id === 'update-1')).toMatchObject({ recordedAt: '2023-08-13T08:00:00.000Z' });
    expect(verified.events.find((e) => e.id === 'update-1')?.unverified).toBeUndefined();
  });
});

describe('mergeStored and verifiedPackAt', () => {
  it('leaves out a stored update the pack no longer accepts instead of failing', () => {
    const merged = mergeStored(PACK, [record(1, meetingUpdate()), record(2, meetingUpdate({ proposals: ['dropped-proposal'] }))]);
    expect(merged.accepted.map((r) => r.id)).toEqual([1]);
    expect(merged.skipped[0]?.message).toMatch(/Update #2 .*proposals\[0\]/);
  });

  it('keeps unverified updates out of the verified pack', () => {
    const merged = mergeStored(PACK, [record(1, meetingUpdate({ unverified: true }))]);
    expect(merged.pack.events.some((e) => e.id === 'update-1')).toBe(true);
    expect(merged.verifiedPack.events.some((e) => e.id === 'update-1')).toBe(false);
  });

  it('rebuilds what a digest knew at an instant: later updates and later verifications left out', () => {
    const records = [record(1, meetingUpdate()), record(2, meetingUpdate({ title: 'Second', contact: false }), { recordedAt: '2023-08-14T00:00:00.000Z' })];
    const at = verifiedPackAt(PACK, records, new Date('2023-08-13T00:00:00Z'));
    expect(at.events.map((e) => e.id)).toContain('update-1');
    expect(at.events.map((e) => e.id)).not.toContain('update-2');
  });
});

describe('unverified facts in answers', () => {
  const ctx = contextFromPack(applyUpdates(PACK, [record(1, meetingUpdate({ unverified: true }))]), { clock: fixedClock(AUG_12) });
  const origin = { platform: 'shell' as const };

  it.each([
    ['status', /Unverified: Last contact|Last contact: Unverified: Aug 11, 2023: WGA and AMPTP negotiators meet again/],
    ['status', /Unverified: AMPTP has countered/],
    ['proposal mini rooms', /Unverified: AMPTP has countered \(since Aug 11, 2023\)/],
    ['proposal mini rooms', /Unverified: “We put real numbers on the table today\.”/],
    ['timeline', /Unverified: Aug 11, 2023: WGA and AMPTP negotiators meet again\./],
    ['who lombardini', /Unverified: “We put real numbers on the table today\.”/],
    ['who amptp', /Unverified: Minimum staffing in episodic TV: has countered/],
    ['ask what did the amptp offer on mini rooms at the aug 11 meeting?', /Unverified: /],
  ])('%s labels it', async (text, label) => {
    const reply = await runCommandText(ctx, text, origin);
    expect(reply.fallbackText).toMatch(label);
  });

  it('leaves the shipped facts unlabelled', async () => {
    const reply = await runCommandText(ctx, 'proposal guaranteed weeks', origin);
    expect(reply.fallbackText).not.toContain('Unverified');
  });
});

describe('parseUpdateId', () => {
  it.each([['7', 7], ['#7', 7], ['u7', 7], ['update-7', 7], ['  12 ', 12], ['0', undefined], ['seven', undefined], ['7a', undefined]])('reads %s', (text, id) => {
    expect(parseUpdateId(text)).toBe(id);
  });
});
