import { z } from 'zod';
import {
  ContractTermSchema,
  DisputeSchema,
  EventSchema,
  MoveSchema,
  OutcomeSchema,
  PartySchema,
  PersonSchema,
  PROVENANCE_KEYS,
  ProposalSchema,
  SourceSchema,
  StanceSchema,
  StatementSchema,
  type Dispute,
  type Party,
  type Person,
  type Proposal,
  type Source,
  type Statement,
  type TimelineEvent,
} from '../knowledge/schema.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens');
const NO_PROVENANCE = Object.fromEntries(PROVENANCE_KEYS.map((k) => [k, true])) as Record<(typeof PROVENANCE_KEYS)[number], true>;

/**
 * The pack schema of one entry with every field optional and nullable (null clears an optional field) and no
 * defaults: a patch entry gives only what it changes, and a default would overwrite what is there. Unknown keys
 * are refused so a misspelt field ("stance" for "stances") is named instead of silently dropped.
 */
function loosen(shape: z.ZodRawShape, overrides: Record<string, z.ZodType> = {}) {
  const loose: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(shape)) {
    if ((PROVENANCE_KEYS as readonly string[]).includes(key)) continue;
    let base = overrides[key] ?? (field as z.ZodType);
    if (base instanceof z.ZodDefault) base = base.unwrap() as z.ZodType;
    if (base instanceof z.ZodOptional) base = base.unwrap() as z.ZodType;
    loose[key] = base.nullable().optional();
  }
  return z.object(loose).strict();
}

const full = <T extends z.ZodObject>(schema: T) => schema.omit(NO_PROVENANCE as never).strict();

const StancePatch = full(StanceSchema);
const MovePatch = full(MoveSchema);
const StatusEntryPatch = full(DisputeSchema.shape.statusHistory.element);

/** An entry of a list section: an id, and the fields it sets. */
const entry = (shape: z.ZodRawShape, overrides: Record<string, z.ZodType> = {}) => loosen(shape, overrides).extend({ id: Id });

export const SourcePatchSchema = entry(SourceSchema.shape);
export const PartyPatchSchema = entry(PartySchema.shape);
export const PersonPatchSchema = entry(PersonSchema.shape);
export const ProposalPatchSchema = entry(ProposalSchema.shape, {
  stances: z.array(StancePatch),
  history: z.array(MovePatch),
  outcome: full(OutcomeSchema),
});
export const EventPatchSchema = entry(EventSchema.shape);
export const StatementPatchSchema = entry(StatementSchema.shape);
export const DisputePatchSchema = loosen(DisputeSchema.shape, {
  statusHistory: z.array(StatusEntryPatch),
  keyDates: z.array(DisputeSchema.shape.keyDates.unwrap().element.strict()),
  // The end-after-start check runs on the merged pack, where the whole term is known.
  contract: full(ContractTermSchema),
});

/**
 * A patch: the pack's own shapes, every top-level key optional. An entry with a new id is added (and must be
 * complete); one with a known id replaces the fields it gives, appends to dated lists and merges stances per
 * party. `retract` removes entries by id before anything is added.
 */
export const PatchSchema = z
  .object({
    dispute: DisputePatchSchema.optional(),
    sources: z.array(SourcePatchSchema).optional(),
    parties: z.array(PartyPatchSchema).optional(),
    people: z.array(PersonPatchSchema).optional(),
    proposals: z.array(ProposalPatchSchema).optional(),
    events: z.array(EventPatchSchema).optional(),
    statements: z.array(StatementPatchSchema).optional(),
    retract: z.array(Id).optional(),
  })
  .strict() as unknown as z.ZodType<Patch>;

type ProvenanceKey = (typeof PROVENANCE_KEYS)[number];
/** An entry as a patch gives it: any field, null to clear an optional one. */
export type Loose<T> = { [K in Exclude<keyof T, ProvenanceKey>]?: T[K] | null };
/** A list entry in a patch: its id and the fields it sets. */
export type PatchEntry<T> = Loose<T> & { id: string };

/** A parsed patch. */
export interface Patch {
  dispute?: Loose<Dispute>;
  sources?: PatchEntry<Source>[];
  parties?: PatchEntry<Party>[];
  people?: PatchEntry<Person>[];
  proposals?: PatchEntry<Proposal>[];
  events?: PatchEntry<TimelineEvent>[];
  statements?: PatchEntry<Statement>[];
  retract?: string[];
}

/** The list sections a patch may add to: each holds entries with an id. */
export const ENTRY_SECTIONS = ['sources', 'parties', 'people', 'proposals', 'events', 'statements'] as const;
/** One list section. */
export type EntrySection = (typeof ENTRY_SECTIONS)[number];

/** A patch as stored: the patch itself and a title editors know it by in logs and correction notes. */
export const StoredPatchSchema = z.object({
  title: z.string().trim().min(1).max(200),
  patch: PatchSchema,
  /** The file it was applied from, when it came from one. */
  file: z.string().max(300).optional(),
});

/** A stored patch's content. */
export type StoredPatch = z.infer<typeof StoredPatchSchema>;
