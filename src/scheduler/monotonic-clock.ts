import type { Clock } from '../core/time/clock.js';

/** A wall clock this far ahead of the monotonic one counts as a jump; NTP's small steps stay well under it. */
export const CLOCK_JUMP_TOLERANCE_MS = 2 * 60_000;

/**
 * The wall clock, never ahead of what the monotonic clock says has elapsed since the first reading. A wall clock
 * jumped forward (a day, a mis-set host) would otherwise post tomorrow's digest today and then nothing at the real
 * time; behind, it is trusted as is (digests come late, never early) and becomes the new base. Jumps either way
 * are logged once each.
 */
export function monotonicGuard(wall: Clock, log: (message: string) => void, monotonicNow: () => number = () => performance.now()): Clock {
  let baseWall: number | undefined;
  let baseMono = 0;
  let jumpedAhead = false;
  return () => {
    const now = wall().getTime();
    const mono = monotonicNow();
    if (baseWall === undefined) {
      baseWall = now;
      baseMono = mono;
      return new Date(now);
    }
    const expected = baseWall + (mono - baseMono);
    if (now > expected + CLOCK_JUMP_TOLERANCE_MS) {
      if (!jumpedAhead) log(`clock jump: the wall clock is ${Math.round((now - expected) / 1000)} s ahead of the time elapsed since start; digests wait for the real time`);
      jumpedAhead = true;
      return new Date(expected);
    }
    jumpedAhead = false;
    if (now < expected - CLOCK_JUMP_TOLERANCE_MS) {
      log(`clock jump: the wall clock went back ${Math.round((expected - now) / 1000)} s`);
      baseWall = now;
      baseMono = mono;
    }
    return new Date(now);
  };
}
