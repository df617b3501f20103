import { describe, expect, it } from 'vitest';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { contextFromPack, loadContext } from '../../src/core/create-context.js';
import { digestSince } from '../../src/core/digest/digest-since.js';
import { isNewBetween } from '../../src/core/digest/fact-window.js';
import { statusSentence } from '../../src/core/commands/status.js';

const ctx = loadContext(WGA_2023_PACK_DIR);
const LA = 'America/Los_Angeles';

describe('digestSince', () => {
  it('GIVEN a window covering Aug 4 THEN lists the meeting, stance moves and statements, each cited and with its side', () => {
    const reply = digestSince(ctx, { since: new Date('2023-08-04T16:00:00Z'), now: new Date('2023-08-05T16:00:00Z'), timeZone: LA });
    expect(reply.command).toBe('digest');
    expect(reply.visibility).toBe('channel');
    const text = reply.fallbackText;
    expect(text).toContain('New since Friday, Aug 4, 2023'.toUpperCase());
    expect(text).toMatch(/First meeting since the strike began\..*\(press report\) \[\d+\]/);
    expect(text).toMatch(/Minimum staffing in episodic TV: AMPTP \(employer side\) rejects it\. .*\[\d+\]/);
    expect(text).toMatch(/Minimum staffing in episodic TV: WGA \(union side\) demands it \(unchanged\)\./);
    expect(text).toMatch(/“People just want to get back to work\.” \(Carol Lombardini \(AMPTP, employer side\)/);
    // Nothing older than the window: the Aug 3 messages were reported before.
    expect(text).not.toContain('playbook');
    expect(reply.citations.map((c) => c.sourceId)).toContain('trade-report-2023-08-04');
  });

  it('GIVEN nothing new THEN says so explicitly, then gives the status line and both sides on every open proposal', () => {
    const reply = digestSince(ctx, { since: new Date('2023-08-06T16:00:00Z'), now: new Date('2023-08-07T16:00:00Z'), timeZone: LA });
    expect(reply.fallbackText).toContain('No new developments since Sunday, Aug 6, 2023.');
    expect(reply.fallbackText).toContain(statusSentence(ctx.knowledge));
    for (const p of ctx.knowledge.openProposals()) expect(reply.fallbackText).toMatch(new RegExp(`• ${p.name.replace(/[()]/g, '.')}: WGA [^;]+; AMPTP`));
  });

  it('dates the digest in the channel’s own zone', () => {
    const now = new Date('2023-08-05T05:00:00Z');
    expect(digestSince(ctx, { now, timeZone: LA }).title).toBe('Daily digest for Friday, Aug 4, 2023');
    expect(digestSince(ctx, { now, timeZone: 'Europe/London' }).title).toBe('Daily digest for Saturday, Aug 5, 2023');
  });

  it('without a previous digest, looks back one day', () => {
    const reply = digestSince(ctx, { now: new Date('2023-08-04T20:00:00Z'), timeZone: LA });
    expect(reply.fallbackText).toContain('NEW SINCE THURSDAY, AUG 3, 2023');
    expect(reply.fallbackText).toContain('playbook');
  });

  it('marks a late digest with its due time and opens with corrections', () => {
    const reply = digestSince(ctx, {
      now: new Date('2023-08-07T19:00:00Z'),
      timeZone: 'Europe/London',
      late: { dueAt: new Date('2023-08-07T08:00:00Z') },
      corrections: ['Yesterday’s digest gave the wrong day for the meeting; it was Aug 4.'],
    });
    expect(reply.blocks.find((b) => b.kind === 'notice')).toEqual({ kind: 'notice', text: expect.stringContaining('late: it was due Mon, Aug 7, 2023, 9:00 AM') });
    expect(reply.blocks[0]).toEqual({ kind: 'heading', text: 'Corrections' });
    expect(reply.fallbackText.indexOf('wrong day')).toBeLessThan(reply.fallbackText.indexOf('WHERE THINGS STAND'));
  });
});

describe('facts from editors', () => {
  const base = ctx.knowledge.pack;
  const event = (id: string, extra: object) => ({ ...base.events.at(-1)!, id, date: '2023-08-11', title: `Event ${id}`, ...extra });
  const withEvents = contextFromPack({ ...base, events: [...base.events, event('recorded', { recordedAt: '2023-08-11T20:00:00Z' }), event('rumour', { recordedAt: '2023-08-11T20:00:00Z', unverified: true })] });

  it('reports a recorded fact once, by its recording time, and holds back an unverified one', () => {
    const window = (since: string, now: string) => digestSince(withEvents, { since: new Date(since), now: new Date(now), timeZone: LA }).fallbackText;
    const first = window('2023-08-11T16:00:00Z', '2023-08-12T16:00:00Z');
    expect(first).toContain('Event recorded');
    expect(first).not.toContain('Event rumour');
    expect(window('2023-08-12T16:00:00Z', '2023-08-13T16:00:00Z')).not.toContain('Event recorded');
  });
});

describe('isNewBetween', () => {
  const since = new Date('2023-08-04T16:00:00Z');
  const now = new Date('2023-08-05T16:00:00Z');
  it('counts a dated fact whose local day overlaps the window', () => {
    expect(isNewBetween({ date: '2023-08-04' }, since, now, LA)).toBe(true);
    expect(isNewBetween({ date: '2023-08-05' }, since, now, LA)).toBe(true);
    expect(isNewBetween({ date: '2023-08-03' }, since, now, LA)).toBe(false);
    expect(isNewBetween({ date: '2023-08-06' }, since, now, LA)).toBe(false);
  });
  it('with a recorded instant, counts it only inside (since, now]', () => {
    expect(isNewBetween({ date: '2023-08-04', recordedAt: '2023-08-04T15:00:00Z' }, since, now, LA)).toBe(false);
    expect(isNewBetween({ date: '2023-08-04', recordedAt: '2023-08-04T17:00:00Z' }, since, now, LA)).toBe(true);
    expect(isNewBetween({ date: '2023-08-04', recordedAt: now }, since, now, LA)).toBe(true);
  });
});
