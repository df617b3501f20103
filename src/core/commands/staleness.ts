import type { Knowledge } from '../knowledge/knowledge.js';
import type { ReplyBuilder } from '../reply/reply-builder.js';
import type { Clock } from '../time/clock.js';
import { daysBetween, formatAge, formatDay, utcDay } from '../time/format-date.js';

/** Knowledge older than this many days gets an explicit age warning. */
export const STALE_AFTER_DAYS = 7;

/** Adds "this information is N old" when the newest fact is more than a week older than the clock. */
export function addStalenessNotice(reply: ReplyBuilder, knowledge: Knowledge, clock: Clock): void {
  const age = daysBetween(knowledge.asOf, utcDay(clock()));
  if (age > STALE_AFTER_DAYS) {
    reply.notice(`This information is ${formatAge(age)} old: the latest fact I have is from ${formatDay(knowledge.asOf)}. Later developments are not included.`);
  }
}
