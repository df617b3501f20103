import { z } from 'zod';

/** Calendar date as YYYY-MM-DD; facts are dated by day, times are kept separately. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date');

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens');
/** Every fact names at least one source id. */
const SourceIds = z.array(Id).min(1, 'every fact needs at least one source');
const Aliases = z.array(z.string().min(1)).default([]);
const Keywords = z.array(z.string().min(1)).default([]);

export const SourceKind = z.enum(['press', 'union', 'employer', 'government']);

/**
 * Provenance of a fact that comes from an editor's stored update rather than the shipped pack files: which update,
 * when it entered the knowledge that digests report (the later of storing and verifying), and whether it is still
 * unverified (a rumour, a leak, a single unnamed source). Pack files leave these unset.
 */
const FromUpdate = {
  updateId: z.number().int().positive().optional(),
  recordedAt: z.iso.datetime().optional(),
  unverified: z.boolean().optional(),
  /** Who stored the update or patch ("slack:U123", "cli:ana"). */
  author: z.string().optional(),
};

/** The provenance keys the merge sets; a patch may not write them itself. */
export const PROVENANCE_KEYS = ['updateId', 'recordedAt', 'unverified', 'author'] as const;

/** A web address readers can open: only http and https, never javascript: or file:. */
const WebUrl = z.url({ error: 'not a web address (https://...)' }).refine((u) => /^https?:\/\//i.test(u), 'a source address must start with http:// or https://');

export const SourceSchema = z.object({
  id: Id,
  outlet: z.string().min(1),
  title: z.string().min(1),
  date: IsoDate,
  url: WebUrl.optional(),
  kind: SourceKind,
  /** The source this one is known through (a statement quoted in a press report). */
  via: Id.optional(),
  /** Provenance notes for editors, e.g. where a date came from. */
  note: z.string().optional(),
  ...FromUpdate,
});

export const PartyKind = z.enum(['union', 'employer', 'government', 'other']);

export const PartySchema = z.object({
  id: Id,
  name: z.string().min(1),
  shortName: z.string().min(1),
  kind: PartyKind,
  aliases: Aliases,
  description: z.string().min(1),
  sources: SourceIds,
  ...FromUpdate,
});

export const PersonSchema = z.object({
  id: Id,
  name: z.string().min(1),
  aliases: Aliases,
  party: Id,
  role: z.string().min(1),
  sources: SourceIds,
  ...FromUpdate,
});

export const StanceKind = z.enum([
  'demands',
  'supports',
  'accepts',
  'counters',
  'open',
  'objects',
  'rejects',
  'refuses-to-discuss',
  'no-position-reported',
]);

export const StanceSchema = z.object({
  party: Id,
  stance: StanceKind,
  /** Neutral one-sentence account of the position, in the pack's own words. */
  detail: z.string().min(1),
  since: IsoDate,
  sources: SourceIds,
  ...FromUpdate,
});

export const MoveSchema = z.object({
  date: IsoDate,
  party: Id,
  stance: StanceKind.optional(),
  text: z.string().min(1),
  sources: SourceIds,
  ...FromUpdate,
});

/** What a deal settled for a proposal that was agreed, or how it was dropped or left out for one withdrawn. */
export const OutcomeSchema = z.object({ text: z.string().min(1), date: IsoDate, sources: SourceIds, ...FromUpdate });

export const ProposalSchema = z.object({
  id: Id,
  name: z.string().min(1),
  aliases: Aliases,
  summary: z.string().min(1),
  proposedBy: Id,
  status: z.enum(['open', 'agreed', 'withdrawn']).default('open'),
  stances: z.array(StanceSchema).min(1),
  history: z.array(MoveSchema).default([]),
  outcome: OutcomeSchema.optional(),
  keywords: Keywords,
  sources: SourceIds,
  ...FromUpdate,
});

export const EventSchema = z.object({
  id: Id,
  date: IsoDate,
  /** Local time words as reported ("afternoon", "14:00"); free text because reports rarely give a clock time. */
  time: z.string().optional(),
  place: z.string().optional(),
  participants: z.array(Id).default([]),
  title: z.string().min(1),
  text: z.string().min(1),
  /** Why it happened or why it matters, when the report says so. */
  why: z.string().optional(),
  duration: z.string().optional(),
  mood: z.string().optional(),
  proposals: z.array(Id).default([]),
  keywords: Keywords,
  sources: SourceIds,
  dateNote: z.string().optional(),
  ...FromUpdate,
});

export const StatementSchema = z.object({
  id: Id,
  speaker: Id,
  /** Set when a person speaks for a party, or when only the party is named. */
  party: Id.optional(),
  date: IsoDate,
  where: z.string().min(1),
  quote: z
    .string()
    .min(1)
    .refine((q) => q.startsWith('“') && q.endsWith('”'), 'quotes are stored as printed, inside “ and ”'),
  context: z.string().min(1),
  proposals: z.array(Id).default([]),
  keywords: Keywords,
  sources: SourceIds,
  ...FromUpdate,
});

/** `strike-ended`: the strike is over and members are back at work, with ratification pending. */
export const DisputeStatus = z.enum(['negotiating', 'strike', 'tentative-agreement', 'strike-ended', 'ratified', 'ended']);

/** The new contract's term; `to` may lie in the future. */
export const ContractTermSchema = z.object({ from: IsoDate, to: IsoDate, sources: SourceIds, note: z.string().optional(), ...FromUpdate });
/** The contract term, checked to end after it starts. */
export const ContractSchema = ContractTermSchema.refine((c) => c.to > c.from, { message: 'a contract ends after it starts', path: ['to'] });

export const DisputeSchema = z.object({
  id: Id,
  title: z.string().min(1),
  summary: z.string().min(1),
  unions: z.array(Id).min(1),
  employers: z.array(Id).min(1),
  statusHistory: z
    .array(z.object({ status: DisputeStatus, since: IsoDate, sources: SourceIds, note: z.string().optional(), ...FromUpdate }))
    .min(1),
  contractExpiry: z.object({ date: IsoDate, sources: SourceIds, note: z.string().optional() }).optional(),
  contract: ContractSchema.optional(),
  keyDates: z.array(z.object({ date: IsoDate, label: z.string().min(1), sources: SourceIds })).default([]),
  /** The proposals at the center of the dispute, as the reporting frames it. */
  keyIssues: z.object({ proposals: z.array(Id).min(1), sources: SourceIds }).optional(),
  lastContact: z.object({ event: Id }),
  nextContact: z.object({ expected: z.string().min(1), detail: z.string().min(1), sources: SourceIds }).optional(),
  sources: SourceIds,
});

export const PackSchema = z.object({
  dispute: DisputeSchema,
  sources: z.array(SourceSchema).min(1),
  parties: z.array(PartySchema).min(1),
  people: z.array(PersonSchema).default([]),
  proposals: z.array(ProposalSchema).default([]),
  events: z.array(EventSchema).default([]),
  statements: z.array(StatementSchema).default([]),
});

export type Source = z.infer<typeof SourceSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Person = z.infer<typeof PersonSchema>;
export type StanceKindName = z.infer<typeof StanceKind>;
export type Stance = z.infer<typeof StanceSchema>;
export type Move = z.infer<typeof MoveSchema>;
export type Proposal = z.infer<typeof ProposalSchema>;
export type TimelineEvent = z.infer<typeof EventSchema>;
export type Statement = z.infer<typeof StatementSchema>;
export type Dispute = z.infer<typeof DisputeSchema>;
export type DisputeStatusName = z.infer<typeof DisputeStatus>;
export type StatusEntry = Dispute['statusHistory'][number];
export type Pack = z.infer<typeof PackSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
export type Contract = z.infer<typeof ContractSchema>;

/** Which pack file holds which part of the pack. */
export const PACK_FILES = {
  dispute: 'dispute.yaml',
  sources: 'sources.yaml',
  parties: 'parties.yaml',
  people: 'people.yaml',
  proposals: 'proposals.yaml',
  events: 'events.yaml',
  statements: 'statements.yaml',
} as const satisfies Record<keyof Pack, string>;
