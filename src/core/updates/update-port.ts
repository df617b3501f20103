import type { StoredPatch } from '../patch/patch-schema.js';
import type { EditorUpdate, PatchRecord, UpdateOrigin, UpdateRecord } from './update-schema.js';

/** How a correction changed an update. */
export type CorrectionKind = 'amend' | 'retract';

/** A correction as stored: who changed which update, when, why, and what it said before and after. */
export interface CorrectionRecord {
  id: number;
  updateId: number;
  kind: CorrectionKind;
  reason: string;
  author: string;
  /** ISO instant. */
  at: string;
  before: EditorUpdate | StoredPatch;
  /** The new content (amendments only). */
  after?: EditorUpdate | StoredPatch;
  /** A posted digest had carried the update, so digests list the correction. */
  published: boolean;
}

/** One try to change the knowledge, allowed or not: the audit trail behind `/strike log`. */
export interface EditAttempt {
  at: string;
  platform: string;
  userId?: string;
  action: string;
  allowed: boolean;
  detail?: string;
}

/** Who did something and when. */
export interface Actor {
  author: string;
  at: Date;
}

/** What the editors' commands may read and write; the SQLite store implements it outside the core. */
export interface UpdateStorePort {
  /** Every update, retracted ones included, oldest first. */
  list(): Promise<UpdateRecord[]>;
  get(id: number): Promise<UpdateRecord | undefined>;
  add(input: { update: EditorUpdate; origin: UpdateOrigin } & Actor): Promise<UpdateRecord>;
  /** Stores a patch in the pack's own format. */
  addPatch(input: { patch: StoredPatch; unverified: boolean; origin: UpdateOrigin } & Actor): Promise<PatchRecord>;
  /**
   * Stores a patch only if the stored knowledge is still at `revision` (the one it was checked against), in the
   * same transaction as the check; undefined when another process or replica wrote in between.
   */
  addPatchIfUnchanged(input: { patch: StoredPatch; unverified: boolean; origin: UpdateOrigin } & Actor, revision: string): Promise<PatchRecord | undefined>;
  /** The id the next stored update or patch gets. */
  nextId(): Promise<number>;
  /** Replaces the content; an amendment that marks the update unverified makes it unverified again. */
  amend(id: number, update: EditorUpdate | StoredPatch, input: Actor & { reason: string; unverified?: boolean }): Promise<CorrectionRecord>;
  retract(id: number, input: Actor & { reason: string }): Promise<CorrectionRecord>;
  verify(id: number, input: Actor): Promise<UpdateRecord>;
  /** The latest corrections, newest first. */
  recentCorrections(limit: number): Promise<CorrectionRecord[]>;
  /** The updates with the latest activity (stored, verified, amended, retracted), newest first. */
  recentUpdates(limit: number): Promise<UpdateRecord[]>;
  /** Refused attempts since an instant, newest first. */
  refusedAttempts(since: Date, limit: number): Promise<EditAttempt[]>;
  logAttempt(attempt: EditAttempt): Promise<void>;
  /** Changes whenever an update or correction is written, by this process or another one sharing the database. */
  revision(): Promise<string>;
}

/** Edits the digests already posted that carried a corrected update; implemented with the digest posters. */
export interface CorrectionPublisher {
  publish(correction: CorrectionRecord): Promise<{ edited: number; failed: number }>;
}
