// Newsroom (AP) style: short months spelled out, the rest abbreviated (without the full stops, which read as sentence ends in chat).
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** "2023-08-04" -> "Aug 4, 2023" (calendar dates carry no zone, so this never shifts a day). */
export function formatDay(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

/** Whole days from calendar date a to calendar date b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date of an instant in UTC, as YYYY-MM-DD. */
export function utcDay(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Day N of something that began on `start` (the start day is day 1). */
export function dayNumber(start: string, on: string): number {
  return daysBetween(start, on) + 1;
}

/** "12 days", "5 weeks", "7 months", "3 years": how old something is, in words a reader takes in at a glance. */
export function formatAge(days: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days < 14) return unit(days, 'day');
  if (days < 60) return unit(Math.floor(days / 7), 'week');
  if (days < 730) return unit(Math.floor(days / 30.44), 'month');
  return unit(Math.floor(days / 365.25), 'year');
}
