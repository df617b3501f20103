import type { EntityHit, EntityIndex } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';
import { withoutQuotes } from './article-quotes.js';

/** One clause of a sentence, with its words and the names found in them. */
export interface Clause {
  text: string;
  tokens: string[];
  hits: EntityHit[];
  /** Starts with "who", "which", "that" or "whose": it describes a name rather than saying what the sentence's subject did. */
  relative: boolean;
}

// Commas, semicolons, dashes and brackets, and the conjunctions that start a new subject ("…, while the studios …").
const CLAUSE_BREAK = /[,;:—–()]|\s(?:but|while|whereas|although|though|even as|yet)\s/;
const RELATIVE = /^(who|which|that|whose|whom)$/;

/**
 * A sentence's clauses in order, with quotations blanked: what a speaker says inside “ ” is their statement, not a
 * narrated stance. Linear: one split, then each clause is tokenized once.
 */
export function clausesOf(sentence: string, entities: EntityIndex): Clause[] {
  return withoutQuotes(sentence)
    .split(CLAUSE_BREAK)
    .map((text) => {
      const tokens = tokenize(text);
      return { text, tokens, hits: entities.find(tokens, { typos: false }), relative: RELATIVE.test(tokens[0] ?? '') };
    })
    .filter((c) => c.tokens.length > 0);
}
