import { z } from 'zod';
import type { CorrectionRecord } from '../core/updates/update-port.js';
import { StoredPatchSchema, type StoredPatch } from '../core/patch/patch-schema.js';
import { EditorUpdateSchema, type EditorUpdate, type UpdateRecord } from '../core/updates/update-schema.js';

const UpdateRow = z.object({
  id: z.coerce.number().int(),
  content: z.string(),
  author: z.string(),
  origin: z.enum(['editor', 'ingest']),
  recorded_at: z.iso.datetime(),
  unverified: z.coerce.number().pipe(z.union([z.literal(0), z.literal(1)])),
  verified_at: z.iso.datetime().nullable(),
  verified_by: z.string().nullable(),
  amended_at: z.iso.datetime().nullable(),
  retracted_at: z.iso.datetime().nullable(),
  kind: z.enum(['update', 'patch']).default('update'),
});

const CorrectionRow = z.object({
  id: z.coerce.number().int(),
  update_id: z.coerce.number().int(),
  kind: z.enum(['amend', 'retract']),
  reason: z.string(),
  author: z.string(),
  created_at: z.iso.datetime(),
  before_content: z.string(),
  after_content: z.string().nullable(),
  published: z.coerce.number().pipe(z.union([z.literal(0), z.literal(1)])),
});

// Stored content went through the schema on the way in; parsing it again keeps a hand-edited row from slipping through.
const content = (json: string): EditorUpdate => EditorUpdateSchema.parse(JSON.parse(json));
const patchContent = (json: string): StoredPatch => StoredPatchSchema.parse(JSON.parse(json));
/** A correction's before or after: a patch when it has one, else a form update. */
const anyContent = (json: string): EditorUpdate | StoredPatch => {
  const value: unknown = JSON.parse(json);
  return value && typeof value === 'object' && 'patch' in value ? StoredPatchSchema.parse(value) : EditorUpdateSchema.parse(value);
};

/** An updates row as the core sees it; the row is checked first, the same way from either engine. */
export function toUpdate(raw: unknown): UpdateRecord {
  const row = UpdateRow.parse(raw);
  return {
    id: row.id,
    ...(row.kind === 'patch' ? { patch: patchContent(row.content) } : { update: content(row.content) }),
    author: row.author,
    origin: row.origin,
    recordedAt: row.recorded_at,
    unverified: row.unverified === 1,
    ...(row.verified_at ? { verifiedAt: row.verified_at } : {}),
    ...(row.verified_by ? { verifiedBy: row.verified_by } : {}),
    ...(row.amended_at ? { amendedAt: row.amended_at } : {}),
    ...(row.retracted_at ? { retractedAt: row.retracted_at } : {}),
  };
}

/** A corrections row as the core sees it. */
export function toCorrection(raw: unknown): CorrectionRecord {
  const row = CorrectionRow.parse(raw);
  return {
    id: row.id,
    updateId: row.update_id,
    kind: row.kind,
    reason: row.reason,
    author: row.author,
    at: row.created_at,
    before: anyContent(row.before_content),
    ...(row.after_content ? { after: anyContent(row.after_content) } : {}),
    published: row.published === 1,
  };
}
