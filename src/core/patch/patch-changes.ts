import { STATUS_WORDS } from '../commands/status.js';
import { Knowledge } from '../knowledge/knowledge.js';
import type { Pack, Stance } from '../knowledge/schema.js';
import { formatDay } from '../time/format-date.js';
import type { SameSource } from './dedupe-sources.js';
import { ENTRY_SECTIONS, type EntrySection, type Patch } from './patch-schema.js';
import { ENTRY_WORDS, sectionOf } from './retract.js';

/** One change a patch makes, as an editor checks it: where in the patch, what, and how it read before and after. */
export interface PatchChange {
  path: string;
  what: string;
  before: string;
  after: string;
}

const NONE = '(none)';
const MAX_VALUE = 160;

/** A value as one short line: lists joined, objects as "key: value", long text cut. */
export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return NONE;
  const text = Array.isArray(value)
    ? value.map((v) => shortValue(v)).join('; ') || '(empty)'
    : typeof value === 'object'
      ? Object.entries(value)
          .filter(([k]) => !['updateId', 'recordedAt', 'author', 'unverified'].includes(k))
          .map(([k, v]) => `${k}: ${shortValue(v)}`)
          .join(', ')
      : String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

type Entry = { id: string } & Record<string, unknown>;
const labelOf = (e: Entry) => String(e.name ?? e.title ?? e.shortName ?? e.id);
const find = (pack: Pack, section: EntrySection, id: string) => (pack[section] as Entry[]).find((e) => e.id === id);
const stanceText = (s: Stance | undefined) => (s ? `${s.stance} (since ${formatDay(s.since)})` : 'no stance recorded');

/** Every change a validated patch makes, worked out from the knowledge before and after it. */
export function describeChanges(before: Pack, after: Pack, patch: Patch, same: readonly SameSource[] = []): PatchChange[] {
  const changes: PatchChange[] = [];
  patch.retract?.forEach((id, i) => {
    const section = sectionOf(before, id);
    const entry = section ? find(before, section, id) : undefined;
    changes.push({ path: `retract[${i}]`, what: `Retract ${section ? ENTRY_WORDS[section] : 'entry'} “${entry ? labelOf(entry) : id}”`, before: entry ? shortValue(entry) : NONE, after: '(removed)' });
  });
  for (const s of same) changes.push({ path: s.path, what: `Source "${s.id}"`, before: `already known as "${s.sameAs}"`, after: `not added again; the patch cites "${s.sameAs}"` });
  for (const section of ENTRY_SECTIONS) {
    (patch[section] as Entry[] | undefined)?.forEach((given, i) => {
      const path = `${section}[${i}]`;
      if (same.some((s) => s.path === path)) return;
      const old = find(before, section, given.id);
      const now = find(after, section, given.id);
      if (!now) return;
      if (!old) {
        changes.push({ path, what: `New ${ENTRY_WORDS[section]} “${labelOf(now)}” (${now.id})`, before: NONE, after: shortValue(now) });
        return;
      }
      for (const key of Object.keys(given).filter((k) => k !== 'id')) {
        if (key === 'stances') {
          (given.stances as Stance[]).forEach((s, j) => {
            const was = (old.stances as Stance[]).find((o) => o.party === s.party);
            const is = (now.stances as Stance[]).find((o) => o.party === s.party);
            changes.push({ path: `${path}.stances[${j}]`, what: `${s.party} on “${labelOf(now)}”`, before: stanceText(was), after: is === was ? `${stanceText(is)}: unchanged, the stance held is newer` : stanceText(is) });
          });
        } else if (key === 'history') {
          changes.push({ path: `${path}.history`, what: `History of “${labelOf(now)}”`, before: `${(old.history as unknown[]).length} entries`, after: `${(now.history as unknown[]).length} entries` });
        } else {
          changes.push({ path: `${path}.${key}`, what: `${ENTRY_WORDS[section]} “${labelOf(now)}”: ${key}`, before: shortValue(old[key]), after: shortValue(now[key]) });
        }
      }
    });
  }
  if (patch.dispute) {
    for (const key of Object.keys(patch.dispute)) {
      if (key === 'statusHistory') {
        const was = new Knowledge(before).currentStatus();
        const is = new Knowledge(after).currentStatus();
        changes.push({ path: 'dispute.statusHistory', what: 'Status of the dispute', before: `${STATUS_WORDS[was.status]} (since ${formatDay(was.since)})`, after: `${STATUS_WORDS[is.status]} (since ${formatDay(is.since)})` });
      } else {
        const was = (before.dispute as Record<string, unknown>)[key];
        const is = (after.dispute as Record<string, unknown>)[key];
        changes.push({ path: `dispute.${key}`, what: `Dispute: ${key}`, before: shortValue(was), after: shortValue(is) });
      }
    }
  }
  return changes;
}
