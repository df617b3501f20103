import { z } from 'zod';
import type { FormName } from '../core/forms/form-model.js';
import type { FormPatch } from '../core/forms/form-patch.js';

// What a stored form memo may hold. The row is read back through these schemas, so a hand-edited or half-written
// row is treated as no memo at all rather than reaching a handler with the wrong shape.

const FORM_NAMES = ['update', 'new-proposal', 'new-person', 'new-party', 'settle'] as const satisfies readonly FormName[];

// Optional values match FormValues; JSON itself drops an undefined value.
const FormValuesSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]).optional());

/** A multi-page form (`sw-fm`): which form, what was entered so far, and the draft's private evidence. */
export const FormPagesContentSchema = z.strictObject({
  kind: z.literal('pages'),
  form: z.enum(FORM_NAMES),
  values: FormValuesSchema,
  /** Private evidence shown beside a drafted form (the message's sentences). */
  notice: z.string().optional(),
  /** The article sentences behind a drafted form, to refuse copied wording on submit. */
  evidence: z.array(z.string()).optional(),
  /** Set once the last page was submitted: a page reopened to fix a problem submits the form again. */
  submitted: z.boolean().optional(),
});

const UpdateTextFormSchema = z.strictObject({ story: z.string(), when: z.string(), proposals: z.string(), quote: z.string(), source: z.string() });

/** The five-box update form (`sw-ed`): the amendment it makes, if any, and the text to refill it with. */
export const UpdateFormContentSchema = z.strictObject({
  kind: z.literal('update'),
  amends: z.strictObject({ id: z.number().int().positive(), reason: z.string() }).optional(),
  values: UpdateTextFormSchema.optional(),
});

const Entries = z.array(z.record(z.string(), z.unknown())).optional();
// As loose as FormPatch itself: the patch desk validates the merged result with the pack's schemas on Confirm.
const FormPatchSchema = z.strictObject({
  dispute: z.record(z.string(), z.unknown()).optional(),
  sources: Entries,
  parties: Entries,
  people: Entries,
  proposals: Entries,
  events: Entries,
  statements: Entries,
  retract: z.array(z.string()).optional(),
}) satisfies z.ZodType<FormPatch>;

/** A form's patch held for its author's Confirm (FormDesk). */
export const HeldPatchContentSchema = z.strictObject({ kind: z.literal('held-patch'), patch: FormPatchSchema, title: z.string(), unverified: z.boolean() });

/** An editor update or amendment held for its author's Confirm (EditorDesk); the desk validates it again on Confirm. */
export const HeldUpdateContentSchema = z.strictObject({
  kind: z.literal('held-update'),
  raw: z.unknown(),
  amends: z.strictObject({ id: z.number().int().positive(), reason: z.string() }).optional(),
});

/** Any kind; the kind keeps one form's token from being replayed as another's. */
export const FormMemoContentSchema = z.discriminatedUnion('kind', [FormPagesContentSchema, UpdateFormContentSchema, HeldPatchContentSchema, HeldUpdateContentSchema]);

/** What a multi-page form remembers between its pages. */
export type FormPagesContent = z.infer<typeof FormPagesContentSchema>;
/** What the update form remembers between the modal and its submission. */
export type UpdateFormContent = z.infer<typeof UpdateFormContentSchema>;
/** A held patch's content. */
export type HeldPatchContent = z.infer<typeof HeldPatchContentSchema>;
/** Any form memo's content. */
export type FormMemoContent = z.infer<typeof FormMemoContentSchema>;
