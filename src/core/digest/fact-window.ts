import { localDate } from './zoned-time.js';

/** Anything dated in the knowledge: events, statements, proposal moves. */
export interface DatedFact {
  /** Calendar day the fact happened (YYYY-MM-DD, no zone). */
  date: string;
  /** When an editor recorded it, if known: pins the fact to one instant instead of a whole day. */
  recordedAt?: string | Date;
}

/**
 * Which facts are new for a digest covering (since, now]. A dated fact counts when its local day overlaps that
 * window, so a fact from the day of the previous digest is shown again rather than risk never being shown; a
 * recorded instant makes the choice exact. The zone arithmetic is done once per digest, not once per fact.
 */
export function newBetween(since: Date, now: Date, timeZone: string): (fact: DatedFact) => boolean {
  const firstDay = localDate(since, timeZone);
  const lastDay = localDate(now, timeZone);
  return (fact) => {
    if (fact.recordedAt !== undefined) {
      const at = new Date(fact.recordedAt).getTime();
      return at > since.getTime() && at <= now.getTime();
    }
    return fact.date >= firstDay && fact.date <= lastDay;
  };
}

/** Whether one fact is new for a digest covering (since, now]; see newBetween. */
export function isNewBetween(fact: DatedFact, since: Date, now: Date, timeZone: string): boolean {
  return newBetween(since, now, timeZone)(fact);
}
