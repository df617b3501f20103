import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dueInstant, nextDue } from '../../src/scheduler/due-time.js';

const LA = 'America/Los_Angeles';
const LONDON = 'Europe/London';
const due = (date: string, localTime: string, timeZone: string) => dueInstant(date, { localTime, timeZone }).toISOString();

describe('dueInstant', () => {
  it('on an ordinary day is the local time in that zone', () => {
    expect(due('2024-06-01', '09:00', LA)).toBe('2024-06-01T16:00:00.000Z');
    expect(due('2024-06-01', '09:00', LONDON)).toBe('2024-06-01T08:00:00.000Z');
    expect(due('2024-01-15', '09:00', LONDON)).toBe('2024-01-15T09:00:00.000Z');
  });

  it('GIVEN spring-forward THEN a skipped time fires when the clocks jump past it', () => {
    // LA, 2024-03-10: 02:00 PST becomes 03:00 PDT (10:00 UTC).
    expect(due('2024-03-10', '02:30', LA)).toBe('2024-03-10T10:00:00.000Z');
    expect(due('2024-03-10', '02:00', LA)).toBe('2024-03-10T10:00:00.000Z');
    expect(due('2024-03-10', '01:59', LA)).toBe('2024-03-10T09:59:00.000Z');
    expect(due('2024-03-10', '03:00', LA)).toBe('2024-03-10T10:00:00.000Z');
    // London, 2024-03-31: 01:00 GMT becomes 02:00 BST (01:00 UTC).
    expect(due('2024-03-31', '01:30', LONDON)).toBe('2024-03-31T01:00:00.000Z');
    expect(due('2024-03-31', '09:00', LONDON)).toBe('2024-03-31T08:00:00.000Z');
  });

  it('GIVEN fall-back THEN a repeated time fires at its first occurrence', () => {
    // LA, 2024-11-03: 01:00-01:59 happens twice, first in PDT (UTC-7).
    expect(due('2024-11-03', '01:30', LA)).toBe('2024-11-03T08:30:00.000Z');
    expect(due('2024-11-03', '09:00', LA)).toBe('2024-11-03T17:00:00.000Z');
    // London, 2024-10-27: 01:00-01:59 twice, first in BST (UTC+1).
    expect(due('2024-10-27', '01:30', LONDON)).toBe('2024-10-27T00:30:00.000Z');
  });

  it('is always the first instant the local clock shows the date and time or later', () => {
    const zones = [LA, LONDON, 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (zone, dayOffset, h, m) => {
        const date = DateTime.fromISO('2024-01-01', { zone: 'UTC' }).plus({ days: dayOffset }).toFormat('yyyy-MM-dd');
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const at = dueInstant(date, { localTime: time, timeZone: zone }).getTime();
        const wall = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
        expect(wall(at) >= `${date}T${time}`).toBe(true);
        expect(wall(at - 60_000) < `${date}T${time}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('nextDue', () => {
  it('is today’s slot until it passes, then tomorrow’s', () => {
    const schedule = { localTime: '09:00', timeZone: LA };
    expect(nextDue(schedule, new Date('2024-03-10T15:59:00Z'))).toEqual({ localDate: '2024-03-10', dueAt: new Date('2024-03-10T16:00:00Z') });
    expect(nextDue(schedule, new Date('2024-03-10T16:00:00Z')).localDate).toBe('2024-03-10');
    expect(nextDue(schedule, new Date('2024-03-10T16:00:01Z'))).toEqual({ localDate: '2024-03-11', dueAt: new Date('2024-03-11T16:00:00Z') });
  });
});
