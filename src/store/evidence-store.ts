import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Store } from './open-store.js';
import type { StoreTables } from './store-tables.js';

/**
 * What the article reader saw behind a stored draft, private to editors: the sentence the draft came from, the
 * words that triggered it, and every sentence of the article (what `desk verify` checks public text against).
 */
export const DraftEvidenceSchema = z.object({
  sentence: z.string(),
  cue: z.string().optional(),
  outlet: z.string().optional(),
  sentences: z.array(z.string()),
});
/** A draft's private evidence. */
export type DraftEvidence = z.infer<typeof DraftEvidenceSchema>;

/** Private evidence kept beside stored patches (table patch_evidence); never part of the knowledge or a reply. */
export class EvidenceStore {
  constructor(private readonly store: Store) {}

  /** Keeps a draft's evidence beside the patch it was stored as. */
  async add(updateId: number, evidence: DraftEvidence, at: Date): Promise<void> {
    await this.store.db
      .insertInto('patch_evidence')
      .values({ update_id: updateId, content: JSON.stringify(DraftEvidenceSchema.parse(evidence)), recorded_at: at.toISOString() })
      .execute();
  }

  /** The evidence behind one stored patch, or undefined when it was not drafted from an article. */
  async get(updateId: number): Promise<DraftEvidence | undefined> {
    const row = await this.store.db.selectFrom('patch_evidence').select('content').where('update_id', '=', updateId).executeTakeFirst();
    return row ? DraftEvidenceSchema.parse(JSON.parse(row.content)) : undefined;
  }

  /** Every stored article sentence, once each: a new patch may not copy any article a draft came from. */
  async allSentences(): Promise<string[]> {
    const rows = await this.store.db.selectFrom('patch_evidence').select('content').orderBy('update_id').execute();
    return [...new Set(rows.flatMap((r) => DraftEvidenceSchema.parse(JSON.parse(r.content)).sentences))];
  }
}

/** Drops a draft's evidence, inside the caller's transaction (a retraction's). */
export async function deleteEvidence(db: Kysely<StoreTables>, updateId: number): Promise<void> {
  await db.deleteFrom('patch_evidence').where('update_id', '=', updateId).execute();
}
