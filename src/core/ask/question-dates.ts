import { formatDay } from '../time/format-date.js';

const MONTH_NUMBERS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
// Chat shorthand for each day, in the same order.
// "sun", "wed" and "sat" are also ordinary words ("who sat at the table"), so they count only where a day is meant.
const WEEKDAY_SHORT = ['', 'mon', 'tues?', '', 'thu(?:rs?)?', 'fri', ''];
const AMBIGUOUS_SHORT: Record<number, string> = { 0: 'sun', 3: 'wed', 6: 'sat' };
const DAY_CONTEXT_BEFORE = '(?:on|last|this|next|since|before|after|until|by|from|til|till|every)';
const DAY_CONTEXT_AFTER = '(?:night|morning|afternoon|evening|meeting|session|talks)';

/** "on wed", "last sat", "sun night", or the word alone: a weekday; "who sat", "the sun", "newly wed" are not. */
function ambiguousWeekday(text: string, day: number): RegExpExecArray | null {
  const short = AMBIGUOUS_SHORT[day];
  if (!short) return null;
  const re = new RegExp(`(?:\\b${DAY_CONTEXT_BEFORE} )(${short})\\b|\\b(${short}) ${DAY_CONTEXT_AFTER}\\b|^(${short})$`);
  const m = re.exec(text);
  if (!m) return null;
  // Point the match at the day word itself, so "before/after" is read from the words just ahead of it.
  const word = m[1] ?? m[2] ?? m[3]!;
  const at = m.index + m[0].indexOf(word);
  const found = Object.assign([word], { index: at, input: text, groups: undefined }) as RegExpExecArray;
  return found;
}

/** A day a question names: an exact date, or a month-day that may be in any year. */
export interface NamedDay {
  /** "MM-DD" to compare with the end of a fact's YYYY-MM-DD date. */
  monthDay: string;
  label: string;
  /** "before friday" and "after may 1" ask about the days around it, not the day itself. */
  relation: 'on' | 'before' | 'after';
}

function relationAt(text: string, index: number): NamedDay['relation'] {
  const before = text.slice(Math.max(0, index - 12), index);
  if (/\b(before|prior to|until)\s+$/.test(before)) return 'before';
  if (/\b(after|since)\s+$/.test(before)) return 'after';
  return 'on';
}

/**
 * Finds dates in a normalized question: "may 1", "aug 4th", "14 july", and weekday names, which
 * mean the latest such day on or before the knowledge's as-of date ("friday" in an Aug 4, 2023 pack is Aug 4).
 */
export function namedDays(text: string, asOf: string): NamedDay[] {
  const days: NamedDay[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthDay = /\b(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december) (\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)? (?:of )?(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)\b/g;
  for (const m of text.matchAll(monthDay)) {
    const month = MONTH_NUMBERS[m[1] ?? m[4] ?? ''];
    const day = Number(m[2] ?? m[3]);
    if (month && day >= 1 && day <= 31) {
      const monthDay = `${pad(month)}-${pad(day)}`;
      days.push({ monthDay, label: formatDay(`2000-${monthDay}`).replace(', 2000', ''), relation: relationAt(text, m.index) });
    }
  }
  const asOfDate = new Date(`${asOf}T00:00:00Z`);
  for (const [i, name] of WEEKDAYS.entries()) {
    const forms = WEEKDAY_SHORT[i] ? `${name}|${WEEKDAY_SHORT[i]}` : name;
    const found = new RegExp(`\\b(${forms})(s)?\\b`).exec(text) ?? ambiguousWeekday(text, i);
    if (!found) continue;
    const back = (asOfDate.getUTCDay() - i + 7) % 7;
    const iso = new Date(asOfDate.getTime() - back * 86_400_000).toISOString().slice(0, 10);
    days.push({ monthDay: iso.slice(5), label: `${name} (${formatDay(iso)})`, relation: relationAt(text, found.index) });
  }
  return days;
}

/** Whether a fact's date fits a day the question names: on it, or before or after it. Undated facts (the next contact) lie ahead. */
export function matchesDay(date: string | undefined, day: NamedDay): boolean {
  if (day.relation === 'after') return date === undefined || date.slice(5) > day.monthDay;
  if (!date) return false;
  return day.relation === 'before' ? date.slice(5) < day.monthDay : date.endsWith(day.monthDay);
}
