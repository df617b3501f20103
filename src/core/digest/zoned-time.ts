import { DateTime } from 'luxon';

// Dates a channel reads are in the channel's own zone; English formats to match the rest of the replies.
const LOCALE = 'en-US';

function inZone(instant: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone: timeZone }).setLocale(LOCALE);
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return inZone(instant, timeZone).toFormat('yyyy-MM-dd');
}

/** "Saturday, Aug 5, 2023": the day an instant falls on in a zone. */
export function formatLocalDay(instant: Date, timeZone: string): string {
  return inZone(instant, timeZone).toFormat('cccc, LLL d, yyyy');
}

/** "Sat, Aug 5, 2023, 9:00 AM PDT": an instant as a reader in that zone sees it. */
export function formatLocalDateTime(instant: Date, timeZone: string): string {
  return inZone(instant, timeZone).toFormat('ccc, LLL d, yyyy, h:mm a ZZZZ');
}

/** The canonical IANA name for a zone typed in any case ("europe/london" -> "Europe/London"), or undefined. */
export function canonicalTimeZone(input: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(input)) return undefined;
  try {
    return new Intl.DateTimeFormat(LOCALE, { timeZone: input }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
