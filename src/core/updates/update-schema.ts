import { z } from 'zod';
import type { StoredPatch } from '../patch/patch-schema.js';
import { DisputeStatus, IsoDate, SourceSchema, StanceKind, StanceSchema } from '../knowledge/schema.js';

/** Longest "what happened" an editor may write; a digest line, not an article. */
export const MAX_WHAT_CHARS = 1000;
/** Longest headline; it is the title of the timeline entry. */
export const MAX_TITLE_CHARS = 150;
/** Longest quote: a short quote, not a transcript. */
export const MAX_QUOTE_CHARS = 500;
/** Most proposals one update may touch. */
export const MAX_PROPOSALS = 10;

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by hyphens');
/** A schema whose "missing" message says what to fill in, instead of zod's "expected string, received undefined". */
function required<T extends z.ZodType>(schema: T, missing: string): z.ZodPipe<z.ZodUnknown, T> {
  return z.unknown().refine((v) => v !== undefined && v !== null && v !== '', { message: missing, abort: true }).pipe(schema);
}
const Text = (max: number, what: string) => z.string().trim().min(1, `${what} is required`).max(max, `${what} is longer than ${max} characters`);

/** Where the editor learnt it; the same fields as a pack source, dated by the update. */
export const UpdateSourceSchema = SourceSchema.pick({ outlet: true, title: true, url: true, kind: true }).extend({
  outlet: Text(100, 'the outlet'),
  title: Text(200, 'the source title'),
  url: z.url({ error: 'not a web address (https://...)' }).max(500).optional(),
});

/**
 * One new development as an editor submits it: what happened in the editor's words, its date, the proposals it
 * touches, an optional change of one party's stance on those proposals or of the dispute's status, an optional
 * short quote with its speaker, and the source. Checked against the knowledge by `checkUpdate`.
 */
export const EditorUpdateSchema = z
  .object({
    /** Headline: the title of the timeline entry ("WGA and AMPTP meet again"). */
    title: Text(MAX_TITLE_CHARS, 'a headline'),
    /** What happened, in the editor's words. */
    what: Text(MAX_WHAT_CHARS, 'what happened'),
    date: IsoDate,
    proposals: z.array(Id).max(MAX_PROPOSALS, `at most ${MAX_PROPOSALS} proposals`).default([]),
    /** A party's new stance on every proposal the update touches. */
    stance: StanceSchema.pick({ party: true, stance: true })
      .extend({ party: required(Id, 'name the party whose stance changed'), stance: required(StanceKind, 'choose the new stance') })
      .optional(),
    /** The dispute's new status (a strike begins, a tentative agreement is reached). */
    status: DisputeStatus.optional(),
    /** The two sides met or talked: the update becomes the dispute's last contact. */
    contact: z.boolean().default(false),
    quote: z.object({ text: Text(MAX_QUOTE_CHARS, 'the quote'), speaker: required(Id, 'name who said it') }).optional(),
    source: UpdateSourceSchema.optional(),
    /** A rumour, a leak, a single unnamed source: labelled everywhere and kept out of digests until verified. */
    unverified: z.boolean().default(false),
  })
  .superRefine((u, ctx) => {
    // The pack needs a source behind every fact; naming it here gives the editor the field rather than a pack path.
    if (!u.source) ctx.addIssue({ code: 'custom', path: ['source'], message: 'every update needs a source: outlet, title and kind' });
    if (u.stance && u.proposals.length === 0) ctx.addIssue({ code: 'custom', path: ['proposals'], message: 'a stance change needs the proposals it is about' });
  });

/** A submitted update after parsing (defaults filled in). */
export type EditorUpdate = z.infer<typeof EditorUpdateSchema>;
/** What a form or a draft hands over before parsing. */
export type EditorUpdateInput = z.input<typeof EditorUpdateSchema>;

/** Where an update came from: an editor's form, or an article draft applied from the command line. */
export type UpdateOrigin = 'editor' | 'ingest';

/** What every stored update or patch records about itself. */
interface RecordBase {
  id: number;
  /** "slack:U123", "discord:456", "cli". */
  author: string;
  /** When it was first stored (ISO instant). */
  recordedAt: string;
  /** Still unverified: labelled everywhere and kept out of digests. */
  unverified: boolean;
  verifiedAt?: string;
  verifiedBy?: string;
  /** Set once retracted: the update no longer counts. */
  retractedAt?: string;
  /** When the content was last amended. */
  amendedAt?: string;
  origin: UpdateOrigin;
}

/** An update from an editor's form (or an article draft): merged as the patch `patchFromUpdate` makes of it. */
export interface FormRecord extends RecordBase {
  /** The current content (after any amendment). */
  update: EditorUpdate;
  patch?: undefined;
}

/** A patch in the pack's own format (`desk apply`). */
export interface PatchRecord extends RecordBase {
  /** The current content (after any amendment). */
  patch: StoredPatch;
  update?: undefined;
}

/** A stored update or patch with its history, as the store hands it to `applyUpdates`. */
export type UpdateRecord = FormRecord | PatchRecord;

/** "#7": how an update is named to editors. */
export function updateLabel(id: number): string {
  return `#${id}`;
}

/** Reads "7", "#7", "u7" or "update-7" as an update id. */
export function parseUpdateId(text: string): number | undefined {
  const m = /^(?:#|u|update-?)?(\d{1,9})$/i.exec(text.trim());
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
