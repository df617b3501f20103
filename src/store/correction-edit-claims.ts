import { LeaseStore } from './lease-store.js';
import type { Store } from './open-store.js';

/** How long one replica has to edit the digests behind a correction before another may take the work over. */
export const CORRECTION_EDIT_LEASE_MS = 10 * 60_000;

/**
 * Which replica edits the posted digests behind each correction, as a lease named "correction-edits:<id>" (timed
 * by the database's clock): with several replicas on one database, each correction is published by one of them,
 * not by every replica that notices it. A claim whose holder died can be taken over once its lease has run out.
 */
export class CorrectionEditClaims {
  private readonly leases: LeaseStore;

  constructor(
    store: Store,
    private readonly holder: string,
  ) {
    this.leases = new LeaseStore(store);
  }

  /** True when this replica now holds the correction's edits (or already did); false when another one does. */
  claim(correctionId: number): Promise<boolean> {
    return this.leases.acquire(`correction-edits:${correctionId}`, this.holder, CORRECTION_EDIT_LEASE_MS);
  }
}
