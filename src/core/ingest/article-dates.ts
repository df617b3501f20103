import type { ParsedResult } from 'chrono-node';
// English only: the full package loads every locale at start-up, and wire copy here is English.
import * as chrono from 'chrono-node/en';

/** A date an article names, as written and as a calendar date. */
export interface NamedDate {
  text: string;
  date: string;
  /** Worked out from the article's date ("Friday", "last week", "yesterday") rather than written out. */
  relative: boolean;
}

/** Longer sentences are read in windows this long: chrono's patterns rescan long runs of spaces or digits. */
const WINDOW = 200;
/** Windows overlap by this much, so a date that starts near a window's end is read whole by the next one. */
const OVERLAP = 40;
/** Dates read per sentence: a sentence naming more is a table or junk, and each one costs a parse. */
export const MAX_DATES_PER_SENTENCE = 12;
// "Talks resume Friday" looks ahead; "talks broke down Friday" looks back, as most news does.
const FUTURE_WORDS = /\b(will|shall|scheduled|expected to|set to|plan(?:s|ned)? to|due to|resume|resumes|next)\b/i;

/** Words one of chrono's parsers needs; a window without any holds no date, and skipping it saves a parse. */
const MAY_HOLD_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|week|month|year|ago|noon|midnight|morning|afternoon|evening|weekend|now)/i;

/** What a result's own words must hold to be a day: a number, a month or weekday, or a day-relative word. */
const NAMES_A_DAY = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|week|month|year|ago|weekend)/i;

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number) => String(n).padStart(2, '0');

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A weekday on its own: the latest one up to the article's date, or the first after it when the sentence looks ahead. */
function weekdayDate(weekday: number, articleDate: string, ahead: boolean): string {
  const today = new Date(`${articleDate}T12:00:00Z`).getUTCDay();
  return ahead ? addDays(articleDate, (weekday - today + 7) % 7 || 7) : addDays(articleDate, -((today - weekday + 7) % 7));
}

function toNamedDate(r: ParsedResult, looksAhead: () => boolean, articleDate: string): NamedDate | undefined {
  const s = r.start;
  // chrono reads "the night on Thursday" as a time of day and drops the weekday; the weekday's name still says it.
  const named = WEEKDAY_NAMES.findIndex((w) => r.text.includes(w));
  const weekday = s.isCertain('weekday') ? s.get('weekday')! : named;
  const weekdayOnly = !s.isCertain('day') && weekday !== -1;
  // "In May", "noon": not a day.
  if (!s.isCertain('day') && !weekdayOnly) return undefined;
  const text = r.text.replace(/^(?:on|at|in)\s+/i, '').replace(/[,\s]+$/, '');
  // News capitalises weekdays ("last sat down" is no Saturday); "now", "a second", "the night" are not dates.
  if ((weekdayOnly && !/[A-Z]/.test(text)) || !NAMES_A_DAY.test(text)) return undefined;
  const date = weekdayOnly
    ? weekdayDate(weekday, articleDate, /\bnext\b/i.test(r.text) || looksAhead())
    : `${s.get('year')}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`;
  return { text, date, relative: !/\d/.test(text) };
}

/**
 * The dates a sentence names, read by chrono-node anchored to the article's date: "Aug. 11", "11 August 2023",
 * "Monday, Oct. 2" (one date), "2023-08-11", "last week", "yesterday". A weekday alone is the latest such day up
 * to the article's date, or the first after it when the sentence looks ahead ("next Tuesday", "talks resume Friday").
 */
export function findDates(sentence: string, articleDate: string): NamedDate[] {
  const reference = { instant: new Date(`${articleDate}T12:00:00Z`), timezone: 'UTC' };
  const found: NamedDate[] = [];
  // Read once per sentence, not once per weekday: a sentence of many weekdays would rescan itself for each.
  let ahead: boolean | undefined;
  const looksAhead = () => (ahead ??= FUTURE_WORDS.test(sentence));
  const step = sentence.length <= WINDOW ? sentence.length || 1 : WINDOW - OVERLAP;
  for (let from = 0; from < sentence.length && found.length < MAX_DATES_PER_SENTENCE; from += step) {
    const window = sentence.slice(from, from + WINDOW);
    if (!MAY_HOLD_DATE.test(window)) continue;
    for (const r of chrono.parse(window, reference)) {
      // A date starting in the overlap belongs to the next window, which sees it whole.
      if (sentence.length > WINDOW && r.index >= step && from + step < sentence.length) continue;
      const named = toNamedDate(r, looksAhead, articleDate);
      if (named && found.length < MAX_DATES_PER_SENTENCE) found.push(named);
    }
  }
  return found;
}

/** The date an article is from: its dateline's date, else the latest full date it names, else the fallback. */
export function articleDateOf(datelineText: string | undefined, sentences: readonly string[], fallback: string): string {
  if (datelineText) {
    const [d] = findDates(datelineText, fallback);
    if (d) return d.date;
  }
  // Only a sentence with a year can hold a full date.
  const full = sentences.filter((s) => /\d{4}/.test(s)).flatMap((s) => findDates(s, fallback)).filter((d) => !d.relative && /\d{4}/.test(d.text));
  return full.map((d) => d.date).sort().at(-1) ?? fallback;
}
