import type Database from 'better-sqlite3';
import { z } from 'zod';

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
  constructor(private readonly db: Database.Database) {}

  /** Keeps a draft's evidence beside the patch it was stored as. */
  add(updateId: number, evidence: DraftEvidence, at: Date): void {
    this.db.prepare('INSERT INTO patch_evidence (update_id, content, recorded_at) VALUES (?, ?, ?)').run(updateId, JSON.stringify(DraftEvidenceSchema.parse(evidence)), at.toISOString());
  }

  /** The evidence behind one stored patch, or undefined when it was not drafted from an article. */
  get(updateId: number): DraftEvidence | undefined {
    const row = this.db.prepare('SELECT content FROM patch_evidence WHERE update_id = ?').get(updateId) as { content: string } | undefined;
    return row ? DraftEvidenceSchema.parse(JSON.parse(row.content)) : undefined;
  }

  /** Every stored article sentence, once each: a new patch may not copy any article a draft came from. */
  allSentences(): string[] {
    const rows = this.db.prepare('SELECT content FROM patch_evidence ORDER BY update_id').all() as { content: string }[];
    return [...new Set(rows.flatMap((r) => DraftEvidenceSchema.parse(JSON.parse(r.content)).sentences))];
  }
}
