import type { Pack } from '../../src/core/knowledge/schema.js';

/**
 * The pack as an editor would write it through patches: every hand-written `keywords` list emptied. Issue 10 holds
 * `ask` to within 3 points of its score on the full pack, because editors never write search keywords.
 */
export function withoutKeywords(pack: Pack): Pack {
  return {
    ...pack,
    proposals: pack.proposals.map((p) => ({ ...p, keywords: [] })),
    events: pack.events.map((e) => ({ ...e, keywords: [] })),
    statements: pack.statements.map((s) => ({ ...s, keywords: [] })),
  };
}
