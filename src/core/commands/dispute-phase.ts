import type { Knowledge } from '../knowledge/knowledge.js';
import type { StatusEntry } from '../knowledge/schema.js';
import { daysBetween, formatDay } from '../time/format-date.js';

/** The latest strike, and how it ended, read from the status history. */
export interface StrikeSpan {
  began: StatusEntry;
  /** The first status after the strike that ends it (strike over, ratified, ended); absent while it goes on. */
  ended?: StatusEntry;
  /** Ratification after the strike, when recorded. */
  ratified?: StatusEntry;
}

const ENDS_STRIKE = new Set(['strike-ended', 'ratified', 'ended']);

/** The latest strike in the status history, or undefined when there was none. */
export function strikeSpan(knowledge: Knowledge): StrikeSpan | undefined {
  const history = [...knowledge.dispute.statusHistory].sort((a, b) => a.since.localeCompare(b.since));
  const at = history.map((s) => s.status).lastIndexOf('strike');
  if (at === -1) return undefined;
  const after = history.slice(at + 1);
  const ended = after.find((s) => ENDS_STRIKE.has(s.status));
  const ratified = after.find((s) => s.status === 'ratified');
  return { began: history[at]!, ...(ended ? { ended } : {}), ...(ratified ? { ratified } : {}) };
}

/** "Oct 9" when in the same year as `other`, else "Oct 9, 2024". */
function shortDay(date: string, other: string): string {
  const full = formatDay(date);
  return date.slice(0, 4) === other.slice(0, 4) ? full.replace(/, \d{4}$/, '') : full;
}

/**
 * "Strike ended Sept 27, 2023 after 148 days; members ratified the contract on Oct 9.", or with ratification
 * pending; undefined while no strike has ended.
 */
export function strikeEndSentence(knowledge: Knowledge): string | undefined {
  const span = strikeSpan(knowledge);
  if (!span?.ended) return undefined;
  const days = daysBetween(span.began.since, span.ended.since);
  const ended = `Strike ended ${formatDay(span.ended.since)} after ${days} day${days === 1 ? '' : 's'}`;
  if (span.ratified) return `${ended}; members ratified the contract on ${shortDay(span.ratified.since, span.ended.since)}.`;
  return knowledge.currentStatus().status === 'strike-ended' ? `${ended}; members are back at work and the ratification vote is pending.` : `${ended}.`;
}
