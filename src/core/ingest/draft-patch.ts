import { z } from 'zod';
import { DisputeStatus, EventSchema, IsoDate, MoveSchema, SourceSchema, StanceSchema, StatementSchema } from '../knowledge/schema.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/**
 * A draft as a patch: a partial pack in the pack's own shapes. A proposal entry names an existing proposal and
 * carries the stance to replace and the history entry to append; `dispute` carries a status entry to append and
 * the meeting that becomes the last contact.
 */
export const DraftPatchSchema = z.object({
  dispute: z
    .object({
      statusHistory: z.array(z.object({ status: DisputeStatus, since: IsoDate, sources: z.array(Id).min(1), note: z.string().min(1) })).optional(),
      lastContact: z.object({ event: Id }).optional(),
    })
    .optional(),
  sources: z.array(SourceSchema).optional(),
  proposals: z.array(z.object({ id: Id, stances: z.array(StanceSchema).optional(), history: z.array(MoveSchema).optional() })).optional(),
  events: z.array(EventSchema).optional(),
  statements: z.array(StatementSchema).optional(),
});
/** A draft's patch. */
export type DraftPatch = z.infer<typeof DraftPatchSchema>;

/** What a draft changes: a party's stance, the dispute's status, a statement, or a development for the timeline. */
export type DraftKind = 'stance' | 'status' | 'statement' | 'event';

/** One draft for an editor: the patch, whether its public text still needs the editor's words, and private evidence. */
export interface ArticleDraft {
  kind: DraftKind;
  /** A short label for the editor's list ("AMPTP rejects minimum staffing in episodic TV"). */
  label: string;
  patch: DraftPatch;
  /** No template could say it: the public text is a placeholder the editor rewrites before verifying. */
  rewrite: boolean;
  /** Private to the editor, never public: the article's sentence and the words that triggered the draft. */
  evidence: { sentence: string; cue?: string };
}
