import { PackError, formatPath, type PackProblem } from '../knowledge/pack-error.js';
import { PACK_FILES, type Pack } from '../knowledge/schema.js';
import type { Provenance } from '../patch/apply-patch.js';
import { futureDateProblems, latestToday } from '../patch/patch-dates.js';
import { mergePatches, type MergeItem } from '../patch/validate-patch.js';
import { formatDay } from '../time/format-date.js';
import { patchFromUpdate } from './patch-from-update.js';
import { UpdateError, uniqueProblems, type FieldProblem } from './update-error.js';
import { EditorUpdateSchema, type UpdateRecord } from './update-schema.js';

export { latestToday };

/** Options for merging updates. */
export interface ApplyOptions {
  /** When set, an update dated after this instant's calendar day anywhere on Earth is refused. */
  now?: Date;
}

/** The provenance every fact of a stored update or patch carries. */
export function provenanceOf(record: UpdateRecord): Provenance {
  // A fact reaches digests when it is verified, so that is when it counts as recorded for them.
  const recordedAt = record.unverified ? record.recordedAt : (record.verifiedAt ?? record.recordedAt);
  return { updateId: record.id, recordedAt, author: record.author, ...(record.unverified ? { unverified: true as const } : {}) };
}

/**
 * Merges stored updates and patches into the shipped pack, in order, through the one patch path (an editor's
 * update becomes a patch first) and validates the result with the pack's own validator: the pack files are
 * never rewritten, and a malformed update or patch is refused with an UpdateError naming it and its fields or
 * patch paths (a missing source, an unknown proposal, a date in the future). Retracted ones are left out;
 * amended ones count with their current content.
 */
export function applyUpdates(pack: Pack, records: readonly UpdateRecord[], options: ApplyOptions = {}): Pack {
  const applied = [...records].filter((r) => r.retractedAt === undefined).sort((a, b) => a.id - b.id);
  const problems = new Map<number, FieldProblem[]>();
  const add = (id: number, found: FieldProblem[]) => found.length > 0 && problems.set(id, [...(problems.get(id) ?? []), ...found]);
  const items: MergeItem[] = applied.map((record) => {
    if (record.patch) {
      if (options.now) add(record.id, futureDateProblems(record.patch.patch, options.now).map((p) => ({ field: p.path, problem: p.problem })));
      return { patchId: record.id, provenance: provenanceOf(record), patch: record.patch.patch };
    }
    const parsed = EditorUpdateSchema.safeParse(record.update);
    // Without the right shape there are no facts to check further.
    if (!parsed.success) throw new UpdateError(record.id, uniqueProblems(parsed.error.issues.map((i) => ({ field: formatPath(i.path) || 'update', problem: i.message }))));
    if (options.now && parsed.data.date > latestToday(options.now)) add(record.id, [{ field: 'date', problem: `${formatDay(parsed.data.date)} is in the future` }]);
    return { patchId: record.id, provenance: provenanceOf(record), patch: (draft: Pack) => patchFromUpdate(record.id, parsed.data, draft) };
  });
  const merged = mergePatches(pack, items);
  if (!merged.ok) {
    const lastPatch = applied.filter((r) => r.patch).at(-1);
    for (const found of merged.problems) {
      const owner = found.origin ? applied.find((r) => r.id === found.origin!.patchId) : undefined;
      if (owner?.patch) {
        add(owner.id, [{ field: found.origin!.path, problem: found.pack.problem }]);
        continue;
      }
      const located = found.pack.file ? locate(found.pack, merged.draft, applied) : undefined;
      if (located) add(located.updateId, [located.problem]);
      // A problem no update explains is a patch's doing (a patch has no fields to name) or the pack's own.
      else if (lastPatch) add(lastPatch.id, [{ field: `(merged knowledge) ${found.pack.file} at ${found.pack.path || '(top)'}`, problem: found.pack.problem }]);
      else throw new PackError([found.pack]);
    }
  }
  const first = applied.find((r) => problems.has(r.id));
  if (first) throw new UpdateError(first.id, first.patch ? problems.get(first.id)! : uniqueProblems(problems.get(first.id)!));
  return (merged as { pack: Pack }).pack;
}

type Located = { updateId: number; problem: FieldProblem } | undefined;

const SOURCE_FIELDS: Record<string, string> = { outlet: 'source.outlet', title: 'source.title', url: 'source.url', kind: 'source.kind', date: 'date' };
const EVENT_FIELDS: Record<string, string> = { date: 'date', title: 'title', text: 'what', sources: 'source', proposals: 'proposals' };
const STATEMENT_FIELDS: Record<string, string> = { speaker: 'quote.speaker', party: 'quote.speaker', quote: 'quote.text', date: 'date', context: 'what', where: 'source.outlet', proposals: 'proposals', sources: 'source' };
const STANCE_FIELDS: Record<string, string> = { party: 'stance.party', stance: 'stance.stance', detail: 'what', text: 'what', since: 'date', date: 'date', sources: 'source' };

function locate(p: PackProblem, draft: Pack, records: readonly UpdateRecord[]): Located {
  const byId = (id: number | undefined) => records.find((r) => r.id === id);
  const field = (map: Record<string, string>, key: string | undefined, index: string | undefined) => {
    const name = map[key ?? ''] ?? 'update';
    return name === 'proposals' && index !== undefined ? `proposals[${index}]` : name;
  };
  const at = (updateId: number | undefined, name: string): Located => {
    const record = byId(updateId);
    return record ? { updateId: record.id, problem: { field: name, problem: p.problem } } : undefined;
  };
  const path = p.path;
  if (p.file === PACK_FILES.sources) {
    const m = /^\[(\d+)\]\.?(\w+)?/.exec(path);
    return m ? at(draft.sources[Number(m[1])]?.updateId, m[2] ? (SOURCE_FIELDS[m[2]] ?? 'source') : 'source') : undefined;
  }
  if (p.file === PACK_FILES.events) {
    const m = /^\[(\d+)\]\.?(\w+)?(?:\[(\d+)\])?/.exec(path);
    const event = m ? draft.events[Number(m[1])] : undefined;
    if (!m || !event) return undefined;
    if (m[2] === 'participants') {
      // Participants come from the stance's party, the quote's speaker, or the two sides of a contact.
      const id = event.participants[Number(m[3])];
      const record = byId(event.updateId);
      return at(event.updateId, record?.update?.quote?.speaker === id ? 'quote.speaker' : 'stance.party');
    }
    return at(event.updateId, field(EVENT_FIELDS, m[2], m[3]));
  }
  if (p.file === PACK_FILES.statements) {
    const m = /^\[(\d+)\]\.?(\w+)?(?:\[(\d+)\])?/.exec(path);
    return m ? at(draft.statements[Number(m[1])]?.updateId, field(STATEMENT_FIELDS, m[2], m[3])) : undefined;
  }
  if (p.file === PACK_FILES.proposals) {
    const m = /^\[(\d+)\]\.(stances|history)\[(\d+)\]\.?(\w+)?/.exec(path);
    const proposal = m ? draft.proposals[Number(m[1])] : undefined;
    const fact = m && proposal ? (m[2] === 'stances' ? proposal.stances : proposal.history)[Number(m[3])] : undefined;
    return fact ? at(fact.updateId, STANCE_FIELDS[m![4] ?? ''] ?? 'stance') : undefined;
  }
  if (p.file === PACK_FILES.dispute) {
    const m = /^statusHistory\[(\d+)\]\.?(\w+)?/.exec(path);
    if (m) return at(draft.dispute.statusHistory[Number(m[1])]?.updateId, m[2] === 'since' ? 'date' : m[2] === 'sources' ? 'source' : 'status');
    if (path.startsWith('lastContact')) return at(Number(/^update-(\d+)$/.exec(draft.dispute.lastContact.event)?.[1]), 'contact');
  }
  return undefined;
}
