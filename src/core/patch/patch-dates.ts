import { formatDay, utcDay } from '../time/format-date.js';
import type { Patch } from './patch-schema.js';
import type { PatchProblem } from './patch-problem.js';

// UTC+14 is the earliest zone: until its day begins, nobody anywhere can truthfully date something "tomorrow".
const EARLIEST_ZONE_MS = 14 * 60 * 60 * 1000;

/** The latest calendar date that is today somewhere on Earth at this instant. */
export function latestToday(now: Date): string {
  return utcDay(new Date(now.getTime() + EARLIEST_ZONE_MS));
}

/**
 * Dates of things that happened (events, statements, sources, stances, history moves, status changes, outcomes,
 * a contract's start) that lie after today everywhere on Earth. Expected dates (a contract's end, key dates,
 * the contract expiry) may lie ahead.
 */
export function futureDateProblems(patch: Patch, now: Date): PatchProblem[] {
  const latest = latestToday(now);
  const problems: PatchProblem[] = [];
  const check = (date: unknown, path: string) => {
    if (typeof date === 'string' && date > latest) problems.push({ path, problem: `${formatDay(date)} is in the future (today is at most ${formatDay(latest)} anywhere)` });
  };
  patch.sources?.forEach((s, i) => check(s.date, `sources[${i}].date`));
  patch.events?.forEach((e, i) => check(e.date, `events[${i}].date`));
  patch.statements?.forEach((s, i) => check(s.date, `statements[${i}].date`));
  patch.proposals?.forEach((p, i) => {
    p.stances?.forEach((s, j) => check(s.since, `proposals[${i}].stances[${j}].since`));
    p.history?.forEach((m, j) => check(m.date, `proposals[${i}].history[${j}].date`));
    check(p.outcome?.date, `proposals[${i}].outcome.date`);
  });
  patch.dispute?.statusHistory?.forEach((s, i) => check(s.since, `dispute.statusHistory[${i}].since`));
  check(patch.dispute?.contract?.from, 'dispute.contract.from');
  return problems;
}
