import { formatDay } from '../time/format-date.js';
import { summarize } from './record-summary.js';
import type { CorrectionRecord } from './update-port.js';

/** Longest excerpt of an amended update a correction note repeats. */
const MAX_EXCERPT = 300;

function excerpt(text: string): string {
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1).trimEnd()}…` : text;
}

/**
 * One correction as readers see it, at the top of an edited digest and in the next digests' Corrections section:
 * "Aug 12, 2023: the item “Talks resume” (Aug 11, 2023) was retracted: the meeting did not take place."
 */
export function correctionNote(c: CorrectionRecord): string {
  const before = summarize(c.before, c.at);
  const item = `the item “${before.title}” (${formatDay(before.date)})`;
  const reason = c.reason.replace(/[.\s]+$/, '');
  const when = formatDay(c.at.slice(0, 10));
  if (c.kind === 'retract') return `${when}: ${item} was retracted: ${reason}.`;
  const after = c.after ? summarize(c.after, c.at) : undefined;
  const now = after ? ` It now reads: ${after.title} (${formatDay(after.date)}). ${excerpt(after.what)}` : '';
  return `${when}: ${item} was corrected: ${reason}.${now}`;
}
