import type { z } from 'zod';
import { checkCrossReferences } from '../knowledge/cross-refs.js';
import { formatPath, type PackProblem } from '../knowledge/pack-error.js';
import { PACK_FILES, PackSchema, type Pack } from '../knowledge/schema.js';
import { applyPatch, MergeIndex, type Origin, type Origins, type Provenance } from './apply-patch.js';
import type { SameSource } from './dedupe-sources.js';
import { PatchSchema, type Patch } from './patch-schema.js';
import type { PatchProblem } from './patch-problem.js';
import { ENTRY_WORDS } from './retract.js';

type Section = keyof typeof PACK_FILES;
const SECTION_OF_FILE = new Map(Object.entries(PACK_FILES).map(([section, file]) => [file as string, section as Section]));

/** Zod's words made an editor's: "required" rather than "expected string, received undefined". */
export function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required, and missing (a new entry must be complete)';
  if (issue.code === 'invalid_type' && /received null/.test(issue.message)) return 'required; null can only clear an optional field';
  return issue.message;
}

/** Checks a patch's shape: types, known keys, complete nested entries; every problem named by its path. */
export function parsePatch(raw: unknown): { ok: true; patch: Patch } | { ok: false; problems: PatchProblem[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ path: '', problem: 'a patch is a mapping of sections (dispute, sources, parties, people, proposals, events, statements, retract)' }] };
  const parsed = PatchSchema.safeParse(raw);
  if (parsed.success) return { ok: true, patch: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), problem: describeIssue(issue) })) };
}

/** One stored patch (or editor update, as a patch) to merge, in order. */
export interface MergeItem {
  patchId: number;
  provenance: Provenance;
  /** The patch, or a function of the knowledge merged so far (an editor update becomes a patch against it). */
  patch: Patch | ((draft: Pack) => Patch);
}

/** A problem of the merged knowledge, with the patch path behind it when one is known. */
export interface MergeProblem {
  pack: PackProblem;
  origin?: Origin;
}

/** The merged knowledge, or everything wrong with it. */
export type MergeResult =
  | { ok: true; pack: Pack; draft: Pack; same: Map<number, SameSource[]> }
  | { ok: false; problems: MergeProblem[]; draft: Pack };

/**
 * Applies patches in order on top of a pack and validates the result with the pack's own zod schemas and
 * cross-reference checks. Each problem is traced back to the patch and path that caused it; a dangling reference
 * left by a retract is blamed on the retract and names what still refers to the entry.
 */
export function mergePatches(base: Pack, items: readonly MergeItem[]): MergeResult {
  const origins: Origins = new Map();
  const removed = new Map<string, Origin>();
  const same = new Map<number, SameSource[]>();
  const problems: MergeProblem[] = [];
  let draft = base;
  const index = MergeIndex.of(base);
  for (const item of items) {
    const patch = typeof item.patch === 'function' ? item.patch(draft) : item.patch;
    const applied = applyPatch(draft, patch, item.provenance, origins, index);
    for (const p of applied.problems) problems.push({ pack: { file: '', path: p.path, problem: p.problem }, origin: { patchId: item.patchId, path: p.path } });
    for (const [id, path] of applied.removed) removed.set(id, { patchId: item.patchId, path });
    if (applied.same.length > 0) same.set(item.patchId, applied.same);
    draft = applied.pack;
  }
  const parsed = parseChanged(base, draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [section, ...rest] = issue.path;
      const origin = resolve(draft, section as Section, rest, origins);
      problems.push({ pack: { file: PACK_FILES[section as Section] ?? String(section), path: formatPath(rest), problem: describeIssue(issue) }, ...(origin ? { origin } : {}) });
    }
    return { ok: false, problems, draft };
  }
  for (const p of checkCrossReferences(parsed.data)) {
    const section = SECTION_OF_FILE.get(p.file)!;
    const segments = pathSegments(p.path);
    const dangling = /^unknown [\w ]+ "(.+)"$/.exec(p.problem)?.[1];
    const retract = dangling === undefined ? undefined : removed.get(dangling);
    if (retract) {
      problems.push({ pack: p, origin: { patchId: retract.patchId, path: retract.path } });
      problems[problems.length - 1]!.pack = { ...p, problem: `cannot retract "${dangling}": ${referrer(draft, section, segments)} still refers to it (${p.file} at ${p.path})` };
      continue;
    }
    const origin = resolve(draft, section, segments, origins);
    problems.push({ pack: p, ...(origin ? { origin } : {}) });
  }
  if (problems.length > 0) return { ok: false, problems, draft };
  MergeIndex.keep(parsed.data, index);
  return { ok: true, pack: parsed.data, draft, same };
}

const ENTRY_SCHEMAS = PackSchema.shape;

/**
 * The merged pack through the pack's zod schemas. The base is already a parsed pack and the merge shares every
 * entry it did not touch, so only the new and changed entries (and the dispute, when changed) are parsed again:
 * applying one patch costs the same however many are stored.
 */
function parseChanged(base: Pack, draft: Pack): { success: true; data: Pack } | { success: false; error: { issues: z.core.$ZodIssue[] } } {
  const issues: z.core.$ZodIssue[] = [];
  const data = { ...draft } as Record<string, unknown>;
  if (draft.dispute !== base.dispute) {
    const r = ENTRY_SCHEMAS.dispute.safeParse(draft.dispute);
    if (r.success) data.dispute = r.data;
    else issues.push(...r.error.issues.map((i) => ({ ...i, path: ['dispute', ...i.path] })));
  }
  for (const section of ['sources', 'parties', 'people', 'proposals', 'events', 'statements'] as const) {
    const list = draft[section] as object[];
    if (list === base[section]) continue;
    const known = new Set<object>(base[section] as object[]);
    const element = (ENTRY_SCHEMAS[section] as unknown as { unwrap?: () => z.ZodArray; element?: z.ZodType }).element ?? (ENTRY_SCHEMAS[section] as unknown as { unwrap: () => z.ZodArray }).unwrap().element;
    const out = list.map((entry, i) => {
      if (known.has(entry)) return entry;
      const r = (element as z.ZodType).safeParse(entry);
      if (r.success) return r.data;
      issues.push(...r.error.issues.map((issue) => ({ ...issue, path: [section, i, ...issue.path] })));
      return entry;
    });
    if (list.length === 0 && (section === 'sources' || section === 'parties')) issues.push({ code: 'custom', path: [section], message: `a pack needs at least one ${section === 'sources' ? 'source' : 'party'}`, input: list } as z.core.$ZodIssue);
    data[section] = out;
  }
  return issues.length > 0 ? { success: false, error: { issues } } : { success: true, data: data as Pack };
}

/** "event "talks-resume"": the entry a pack path lies in, named for an editor. */
function referrer(pack: Pack, section: Section, segments: (string | number)[]): string {
  if (section === 'dispute') return 'the dispute';
  const entry = (pack[section] as { id: string }[])[segments[0] as number];
  return entry ? `${ENTRY_WORDS[section]} "${entry.id}"` : `an entry of ${PACK_FILES[section]}`;
}

/** "[3].stances[0].party" -> [3, "stances", 0, "party"]. */
export function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
}

/**
 * The patch path behind a place in the merged pack: the deepest object a patch put there, plus the rest of the
 * path. A place inside something the patch did not write (a shipped stance of a proposal it updated) has none.
 */
function resolve(draft: Pack, section: Section, rest: readonly PropertyKey[], origins: Origins): Origin | undefined {
  let node: unknown = draft[section];
  let best: Origin | undefined = node && typeof node === 'object' ? origins.get(node) : undefined;
  let tail: PropertyKey[] = [];
  for (const key of rest) {
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    tail.push(key);
    if (!node || typeof node !== 'object') continue;
    const origin = origins.get(node);
    if (origin) {
      best = origin;
      tail = [];
    } else if (best && !Array.isArray(node)) return undefined;
  }
  if (!best) return undefined;
  const suffix = formatPath(tail);
  return { patchId: best.patchId, path: suffix ? `${best.path}${suffix.startsWith('[') ? '' : '.'}${suffix}` : best.path };
}
