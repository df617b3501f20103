import { daysBetween } from '../time/format-date.js';

/** A date an article names, as written and as a calendar date. */
export interface NamedDate {
  text: string;
  date: string;
  /** Worked out from the article's date ("Friday", "yesterday") rather than written out. */
  relative: boolean;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_DAY = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? (\d{1,2})(?:st|nd|rd|th)?\b(?:,? (\d{4}))?/g;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WEEKDAY = /\b(?:(last|next|this|on) )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const NEAR_DAYS = /\b(yesterday|today)\b/gi;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function isRealDate(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A month and day without a year, in the year that puts it closest to the article's date. */
function closestYear(month: number, day: number, articleDate: string): string | undefined {
  const year = Number(articleDate.slice(0, 4));
  const options = [year - 1, year, year + 1].map((y) => iso(y, month, day)).filter(isRealDate);
  return options.sort((a, b) => Math.abs(daysBetween(articleDate, a)) - Math.abs(daysBetween(articleDate, b)))[0];
}

/**
 * The dates a sentence names: "Aug. 11", "August 11, 2023", "2023-08-11", and days worked out from the article's
 * date ("Friday" is the latest Friday up to it, "next Tuesday" the first after it, "yesterday" the day before).
 */
export function findDates(sentence: string, articleDate: string): NamedDate[] {
  const found: (NamedDate & { at: number })[] = [];
  for (const m of sentence.matchAll(MONTH_DAY)) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    const day = Number(m[2]);
    const date = m[3] ? iso(Number(m[3]), month, day) : closestYear(month, day, articleDate);
    if (date && isRealDate(date)) found.push({ text: m[0], date, relative: false, at: m.index });
  }
  for (const m of sentence.matchAll(ISO)) {
    const date = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (isRealDate(date)) found.push({ text: m[0], date, relative: false, at: m.index });
  }
  for (const m of sentence.matchAll(WEEKDAY)) {
    const target = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    const today = new Date(`${articleDate}T00:00:00Z`).getUTCDay();
    const back = (today - target + 7) % 7;
    const date = m[1] === 'next' ? addDays(articleDate, (target - today + 7) % 7 || 7) : addDays(articleDate, -back);
    found.push({ text: m[0], date, relative: true, at: m.index });
  }
  for (const m of sentence.matchAll(NEAR_DAYS)) {
    found.push({ text: m[0], date: m[1]!.toLowerCase() === 'yesterday' ? addDays(articleDate, -1) : articleDate, relative: true, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...d }) => d);
}

/** The date an article is from: its dateline's date, else the latest full date it names, else the fallback. */
export function articleDateOf(datelineText: string | undefined, sentences: readonly string[], fallback: string): string {
  if (datelineText) {
    const [d] = findDates(datelineText, fallback);
    if (d) return d.date;
  }
  const full = sentences.flatMap((s) => findDates(s, fallback)).filter((d) => !d.relative && /\d{4}/.test(d.text));
  return full.map((d) => d.date).sort().at(-1) ?? fallback;
}
