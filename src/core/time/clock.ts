/** Source of "now"; injected everywhere so tests and the CLI's --now can pin time. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock frozen at one instant. */
export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a date: ${String(at)}`);
  return () => new Date(instant);
}
