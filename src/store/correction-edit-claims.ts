import type { Store } from './open-store.js';

/** How long one replica has to edit the digests behind a correction before another may take the work over. */
export const CORRECTION_EDIT_LEASE_MS = 10 * 60_000;

/**
 * Which replica edits the posted digests behind each correction, kept in the leases table as
 * "correction-edits:<id>": with several replicas on one database, each correction is published by one of them,
 * not by every replica that notices it. A claim whose holder died can be taken over once its lease has run out.
 */
export class CorrectionEditClaims {
  constructor(
    private readonly store: Store,
    private readonly holder: string,
  ) {}

  /** True when this replica now holds the correction's edits (or already did); false when another one does. */
  async claim(correctionId: number, now: Date): Promise<boolean> {
    const name = `correction-edits:${correctionId}`;
    const row = { name, holder: this.holder, acquired_at: now.toISOString(), expires_at: new Date(now.getTime() + CORRECTION_EDIT_LEASE_MS).toISOString() };
    const taken = await this.store.db
      .insertInto('leases')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), acquired_at: eb.ref('excluded.acquired_at'), expires_at: eb.ref('excluded.expires_at') }))
          .where((eb) => eb.or([eb('leases.holder', '=', this.holder), eb('leases.expires_at', '<', row.acquired_at)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return taken?.holder === this.holder;
  }
}
