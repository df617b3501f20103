import { DateTime } from 'luxon';
import { localDate as localDateIn } from '../core/digest/zoned-time.js';

/** When a channel wants its digest: a local clock time (HH:MM, 24-hour) in an IANA zone. */
export interface DailySchedule {
  localTime: string;
  timeZone: string;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function wallClock(ms: number, timeZone: string): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

function offsetMinutes(ms: number, timeZone: string): number {
  return DateTime.fromMillis(ms, { zone: timeZone }).offset;
}

/**
 * The instant a digest is due on a local calendar date: the first moment that day's local clock reaches HH:MM.
 * When the clocks skip that time (spring forward) it is the moment they jump past it; when they repeat it
 * (fall back) it is the first of the two.
 */
export function dueInstant(localDate: string, schedule: DailySchedule): Date {
  // The due check asks for the same few slots every minute; zone arithmetic is the costly part.
  const key = `${localDate}|${schedule.localTime}|${schedule.timeZone}`;
  let ms = memo.get(key);
  if (ms === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, (ms = computeDueInstant(localDate, schedule)));
  }
  return new Date(ms);
}

const MEMO_LIMIT = 50_000;
const memo = new Map<string, number>();

function computeDueInstant(localDate: string, schedule: DailySchedule): number {
  const [y = 0, mo = 1, d = 1] = localDate.split('-').map(Number);
  const [h = 0, mi = 0] = schedule.localTime.split(':').map(Number);
  const asIfUtc = Date.UTC(y, mo - 1, d, h, mi);
  const target = `${localDate}T${schedule.localTime}`;
  // Every offset the zone uses around that day gives one candidate instant; at most one transition falls in the window.
  const offsets = new Set([asIfUtc - DAY_MS, asIfUtc, asIfUtc + DAY_MS].map((ms) => offsetMinutes(ms, schedule.timeZone)));
  const candidates = [...offsets].map((o) => asIfUtc - o * MINUTE_MS).sort((a, b) => a - b);
  const exact = candidates.find((ms) => wallClock(ms, schedule.timeZone) === target);
  if (exact !== undefined) return exact;
  // The time does not exist that day: walk the gap to the first minute the local clock shows a later time.
  const first = candidates[0]!;
  const last = candidates[candidates.length - 1]!;
  for (let ms = first; ms <= last; ms += MINUTE_MS) {
    if (wallClock(ms, schedule.timeZone) >= target) return ms;
  }
  return last;
}

/** The local calendar date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addLocalDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toFormat('yyyy-MM-dd');
}

/** The first due instant at or after `from`, with the local date it belongs to. */
export function nextDue(schedule: DailySchedule, from: Date): { localDate: string; dueAt: Date } {
  let localDate = addLocalDays(localDateIn(from, schedule.timeZone), -1);
  // Yesterday's slot can still lie ahead in rare zones that skip a whole day; three tries always find one.
  for (let i = 0; i < 3; i++, localDate = addLocalDays(localDate, 1)) {
    const dueAt = dueInstant(localDate, schedule);
    if (dueAt.getTime() >= from.getTime()) return { localDate, dueAt };
  }
  return { localDate, dueAt: dueInstant(localDate, schedule) };
}
