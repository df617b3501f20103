import { DateTime } from 'luxon';

/** Anything dated in the knowledge: events, statements, proposal moves. */
export interface DatedFact {
  /** Calendar day the fact happened (YYYY-MM-DD, no zone). */
  date: string;
  /** When an editor recorded it, if known: pins the fact to one instant instead of a whole day. */
  recordedAt?: string | Date;
}

/** The period of time over which a fact may have become known, in the channel's zone. */
function knownDuring(fact: DatedFact, timeZone: string): { from: number; to: number } {
  if (fact.recordedAt !== undefined) {
    const at = new Date(fact.recordedAt).getTime();
    return { from: at, to: at };
  }
  // A bare date could have been learnt at any moment of that local day.
  const day = DateTime.fromISO(fact.date, { zone: timeZone });
  return { from: day.startOf('day').toMillis(), to: day.endOf('day').toMillis() };
}

/**
 * Whether a fact is new for a digest covering (since, now]. A dated fact counts when its day overlaps that window,
 * so a fact from the day of the previous digest is shown again rather than risk never being shown; a recorded
 * instant makes the choice exact.
 */
export function isNewBetween(fact: DatedFact, since: Date, now: Date, timeZone: string): boolean {
  const { from, to } = knownDuring(fact, timeZone);
  return from <= now.getTime() && to > since.getTime();
}
