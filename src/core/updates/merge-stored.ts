import type { Pack } from '../knowledge/schema.js';
import { applyUpdates } from './apply-updates.js';
import { UpdateError } from './update-error.js';
import type { UpdateRecord } from './update-schema.js';

/** The shipped pack merged with what is stored, for answers (`pack`) and for digests (`verifiedPack`). */
export interface MergedKnowledge {
  pack: Pack;
  verifiedPack: Pack;
  /** The stored updates that count (not retracted, accepted by the pack). */
  accepted: UpdateRecord[];
  /** Stored updates the current pack refuses (a newer pack dropped a proposal they name): left out, never fatal. */
  skipped: UpdateError[];
}

/**
 * Merges stored updates into the shipped pack. An update the pack no longer accepts is left out and reported
 * rather than stopping the bot: the pack may have been replaced by a newer version since it was stored.
 */
export function mergeStored(pack: Pack, records: readonly UpdateRecord[]): MergedKnowledge {
  let accepted = records.filter((r) => r.retractedAt === undefined);
  const skipped: UpdateError[] = [];
  for (;;) {
    try {
      const merged = applyUpdates(pack, accepted);
      const verifiedPack = accepted.some((r) => r.unverified) ? applyUpdates(pack, accepted.filter((r) => !r.unverified)) : merged;
      return { pack: merged, verifiedPack, accepted, skipped };
    } catch (err) {
      if (!(err instanceof UpdateError) || err.updateId === undefined) throw err;
      skipped.push(err);
      accepted = accepted.filter((r) => r.id !== err.updateId);
    }
  }
}

/**
 * The verified knowledge as a digest posted at `instant` saw it, with every correction since applied: what an
 * edited digest is rebuilt from. Updates stored or verified after that instant are left out.
 */
export function verifiedPackAt(pack: Pack, records: readonly UpdateRecord[], instant: Date): Pack {
  const known = records.filter((r) => !r.unverified && Date.parse(r.verifiedAt ?? r.recordedAt) <= instant.getTime());
  return mergeStored(pack, known).pack;
}
