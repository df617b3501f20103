/**
 * A patch as the forms write it: the pack's own shapes, every key optional (see issue 9, "The edit format is the
 * pack format"). Kept loose on purpose: the patch desk validates the merged result with the pack's schemas.
 */
export interface FormPatch {
  dispute?: Record<string, unknown>;
  sources?: Record<string, unknown>[];
  parties?: Record<string, unknown>[];
  people?: Record<string, unknown>[];
  proposals?: Record<string, unknown>[];
  events?: Record<string, unknown>[];
  statements?: Record<string, unknown>[];
  retract?: string[];
}
