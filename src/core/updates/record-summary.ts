import type { StoredPatch } from '../patch/patch-schema.js';
import { ENTRY_SECTIONS } from '../patch/patch-schema.js';
import type { EditorUpdate } from './update-schema.js';

/** How a stored update or patch is named to editors and readers: a title, a date and one sentence. */
export interface ContentSummary {
  title: string;
  date: string;
  what: string;
}

const WORDS = { sources: 'source', parties: 'party', people: 'person', proposals: 'proposal', events: 'event', statements: 'statement' } as const;

/** The summary of an update (its own fields) or of a patch (its title, latest date, and what it touches). */
export function summarize(content: EditorUpdate | StoredPatch, recordedAt?: string): ContentSummary {
  if (!('patch' in content)) return { title: content.title, date: content.date, what: content.what };
  const p = content.patch;
  const parts = ENTRY_SECTIONS.flatMap((s) => {
    const n = p[s]?.length ?? 0;
    return n === 0 ? [] : [`${n} ${n === 1 ? WORDS[s] : s === 'people' ? 'people' : s === 'parties' ? 'parties' : `${WORDS[s]}s`}`];
  });
  if (p.dispute) parts.push('the dispute');
  if (p.retract?.length) parts.push(`retracts ${p.retract.join(', ')}`);
  return { title: content.title, date: latestDateIn(p) ?? recordedAt?.slice(0, 10) ?? '0000-01-01', what: `A patch touching ${parts.join(', ') || 'nothing'}.` };
}

// The latest date any fact in the patch carries: the day the patch reports on.
function latestDateIn(value: unknown, key?: string): string | undefined {
  if (typeof value === 'string') return key && /^(date|since)$/.test(key) && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  if (!value || typeof value !== 'object') return undefined;
  let latest: string | undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'to' || k === 'contractExpiry') continue;
    const d = latestDateIn(v, Array.isArray(value) ? key : k);
    if (d && (!latest || d > latest)) latest = d;
  }
  return latest;
}
