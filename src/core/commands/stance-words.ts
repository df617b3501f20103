import type { StanceKindName } from '../knowledge/schema.js';

const LABELS: Record<StanceKindName, string> = {
  demands: 'demands it',
  supports: 'supports it',
  accepts: 'accepts it',
  counters: 'has countered',
  open: 'is open to it',
  objects: 'objects',
  rejects: 'rejects it',
  'refuses-to-discuss': 'refuses to discuss it',
  'no-position-reported': 'no position reported',
};

/** Short phrase for a stance ("rejects it", "refuses to discuss it"). */
export function stanceLabel(stance: StanceKindName): string {
  return LABELS[stance];
}
