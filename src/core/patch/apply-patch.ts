import type { Move, Pack, Stance } from '../knowledge/schema.js';
import { dedupeSources, SourceIndex, type SameSource } from './dedupe-sources.js';
import { ENTRY_SECTIONS, type EntrySection, type Patch } from './patch-schema.js';
import type { PatchProblem } from './patch-problem.js';
import { ENTRY_WORDS, retractEntries } from './retract.js';

/** Who stored a patch, when it counts, and whether it is verified: stamped on every entry it adds or changes. */
export interface Provenance {
  updateId: number;
  /** When it entered the knowledge digests report: the later of storing and verifying. */
  recordedAt: string;
  unverified?: true;
  author?: string;
}

/** Where a merged object came from: which stored patch, and its path inside that patch. */
export interface Origin {
  patchId: number;
  path: string;
}

/** Merged objects (entries, list items, nested objects) mapped to the patch path that put them there. */
export type Origins = Map<object, Origin>;

/** Look-ups over the knowledge being merged, kept across the patches of one merge instead of rebuilt for each. */
export class MergeIndex {
  owner = new Map<string, EntrySection>();
  sources: SourceIndex;

  constructor(pack: Pack | MergeIndex) {
    if (pack instanceof MergeIndex) {
      this.owner = new Map(pack.owner);
      this.sources = pack.sources.copy();
      return;
    }
    for (const section of ENTRY_SECTIONS) for (const e of pack[section] as { id: string }[]) this.owner.set(e.id, section);
    this.sources = new SourceIndex(pack.sources);
  }

  /**
   * A fresh index over a pack: a copy of the one a merge that produced this pack left behind, when there is one.
   * Applying one patch on top of 1,000 then copies two maps instead of normalizing every source's URL and title.
   */
  static of(pack: Pack): MergeIndex {
    const known = built.get(pack);
    return known ? new MergeIndex(known) : new MergeIndex(pack);
  }

  /** Keeps the index a merge ended with, for merges on top of its result. */
  static keep(pack: Pack, index: MergeIndex): void {
    built.set(pack, index);
  }

  replaceWith(other: MergeIndex): void {
    this.owner = other.owner;
    this.sources = other.sources;
  }
}

// Indexes by the merged pack they describe; never changed once kept (MergeIndex.of hands out copies).
const built = new WeakMap<Pack, MergeIndex>();

/** What applying one patch did besides the merge itself. */
export interface PatchApplied {
  pack: Pack;
  /** Problems found while merging (unknown retract ids, an id used by another kind of entry). */
  problems: PatchProblem[];
  /** Retracted ids and the `retract[i]` path naming each. */
  removed: Map<string, string>;
  /** Sources folded into ones already known. */
  same: SameSource[];
}

type Entry = { id: string } & Record<string, unknown>;
const DATED_LISTS: Partial<Record<EntrySection | 'dispute', readonly string[]>> = { proposals: ['history'], dispute: ['statusHistory', 'keyDates'] };
const STAMPED_LISTS = new Set(['history', 'statusHistory', 'stances']);
const STAMPED_OBJECTS = new Set(['outcome', 'contract']);
type Stamp = <T extends object>(value: T, isNew?: boolean) => T;

/**
 * Applies one patch on top of a pack without changing it (the result shares what the patch does not touch):
 * retract first, then new entries added whole and known ones updated field by field; a proposal's history and the
 * dispute's status history and key dates are appended; stances merged per party, a newer stance kept over an
 * older report; null clears a field. The result is not validated: see mergePatches.
 */
export function applyPatch(base: Pack, input: Patch, provenance: Provenance, origins?: Origins, index?: MergeIndex): PatchApplied {
  const { pack: retracted, problems, removed } = retractEntries(base, input.retract ?? []);
  // A retract changes what is known, so the indexes are built afresh; otherwise they carry over from the last patch.
  const known = index && removed.size === 0 ? index : new MergeIndex(retracted);
  if (index && known !== index) index.replaceWith(known);
  const { patch, same } = dedupeSources(known.sources, input);
  const folded = new Set(same.map((s) => s.id));
  const track = (value: unknown, path: string) => {
    if (origins && value && typeof value === 'object') origins.set(value, { patchId: provenance.updateId, path });
  };
  // An entry a patch updates keeps the instant it was first recorded, so digests list it as new only once.
  const stamp = <T extends object>(value: T, isNew = true): T => {
    const stamped = { ...value, ...provenance } as Record<string, unknown>;
    if (!isNew) {
      if ('recordedAt' in value) stamped.recordedAt = (value as { recordedAt?: string }).recordedAt;
      else delete stamped.recordedAt;
    }
    // A verified patch over an unverified one makes the entry verified again.
    if (!provenance.unverified) delete stamped.unverified;
    return stamped as T;
  };
  const owner = known.owner;
  const pack: Pack = { ...retracted };

  for (const section of ENTRY_SECTIONS) {
    const entries = (patch[section] ?? []) as Entry[];
    if (entries.length === 0) continue;
    const list = [...(retracted[section] as Entry[])];
    const at = new Map(list.map((e, i) => [e.id, i]));
    entries.forEach((entry, i) => {
      const path = `${section}[${i}]`;
      if (section === 'sources' && folded.has(entry.id)) return;
      const other = owner.get(entry.id);
      if (other && other !== section) {
        problems.push({ path: `${path}.id`, problem: `id "${entry.id}" is already used by a ${ENTRY_WORDS[other]}; ids are unique across the whole pack` });
        return;
      }
      owner.set(entry.id, section);
      const index = at.get(entry.id);
      const merged = mergeEntry(index === undefined ? undefined : list[index]!, entry, section, path, stamp, track);
      track(merged, path);
      if (index === undefined) at.set(entry.id, list.push(merged) - 1);
      else list[index] = merged;
    });
    (pack as unknown as Record<EntrySection, Entry[]>)[section] = list;
  }
  if (patch.dispute) {
    const dispute = mergeEntry(retracted.dispute as unknown as Entry, patch.dispute as Entry, 'dispute', 'dispute', stamp, track, false);
    track(dispute, 'dispute');
    pack.dispute = dispute as unknown as Pack['dispute'];
  }
  return { pack, problems, removed, same };
}

function mergeEntry(
  current: Entry | undefined,
  given: Entry,
  section: EntrySection | 'dispute',
  path: string,
  stamp: Stamp,
  track: (value: unknown, path: string) => void,
  stampEntry = true,
): Entry {
  const result: Entry = { ...(current ?? { id: given.id }) };
  for (const [key, value] of Object.entries(given)) {
    if (key === 'id') continue;
    const at = `${path}.${key}`;
    if (value === null || value === undefined) {
      delete result[key];
      continue;
    }
    if (Array.isArray(value) && STAMPED_LISTS.has(key)) value.forEach((item, j) => track(item, `${at}[${j}]`));
    if (key === 'stances' && current) {
      result.stances = mergeStances(current.stances as Stance[], value as Stance[], stamp, track, at);
      continue;
    }
    const items = Array.isArray(value) && STAMPED_LISTS.has(key) ? value.map((item: object, j) => withOrigin(stamp(item), track, `${at}[${j}]`)) : STAMPED_OBJECTS.has(key) ? stamp(value as object) : value;
    track(items, at);
    result[key] = DATED_LISTS[section]?.includes(key) ? [...((current?.[key] as unknown[]) ?? []), ...(items as unknown[])] : items;
  }
  if (section === 'proposals') addStanceMoves(result, given, stamp, track, path);
  return stampEntry ? stamp(result, current === undefined) : result;
}

function withOrigin<T extends object>(value: T, track: (value: unknown, path: string) => void, path: string): T {
  track(value, path);
  return value;
}

// A party's stance is replaced by the patch's, unless the one held is newer: a late report of an older move must not undo it.
function mergeStances(current: Stance[], given: Stance[], stamp: Stamp, track: (value: unknown, path: string) => void, at: string): Stance[] {
  const stances = [...current];
  given.forEach((s, j) => {
    const stance = withOrigin(stamp(s), track, `${at}[${j}]`);
    const i = stances.findIndex((c) => c.party === s.party);
    if (i === -1) stances.push(stance);
    else if (stances[i]!.since <= s.since) stances[i] = stance;
  });
  return stances;
}

// A stance change the patch gives without a history entry of its own still becomes a move, so digests report it.
function addStanceMoves(result: Entry, given: Entry, stamp: Stamp, track: (value: unknown, path: string) => void, path: string): void {
  const stances = (given.stances ?? []) as Stance[];
  const history = (result.history ?? []) as Move[];
  const moves = stances
    .map((s, j) => ({ s, j }))
    .filter(({ s }) => !history.some((m) => m.party === s.party && m.date === s.since))
    .map(({ s, j }) => withOrigin(stamp({ date: s.since, party: s.party, stance: s.stance, text: s.detail, sources: s.sources }), track, `${path}.stances[${j}]`));
  if (moves.length > 0) result.history = [...history, ...moves];
}
