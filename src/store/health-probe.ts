import type { Store } from './open-store.js';

/** Rewrites the one health_probe row: throws when the database no longer takes writes (read-only, full, locked, gone). */
export async function probeWrite(store: Store, now: Date): Promise<void> {
  await store.db
    .insertInto('health_probe')
    .values({ id: 1, checked_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ checked_at: eb.ref('excluded.checked_at') })))
    .execute();
}
