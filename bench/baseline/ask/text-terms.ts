import { stemmer } from 'stemmer';
import { tokenize } from '../../../src/core/match/normalize-text.js';
import { GENERAL_WORDS, SYNONYMS } from './general-words.js';

/** A word's stem, after mapping everyday synonyms to the knowledge's own words. */
export function termsOf(word: string): string[] {
  const mapped = SYNONYMS[word];
  const words = mapped ? [word, ...mapped.split(' ')] : [word];
  return [...new Set(words.map((w) => stemmer(w)))];
}

/** Adds the content words of a text to a term map with a weight; general words add nothing. */
export function addTerms(terms: Map<string, number>, text: string, weight: number): void {
  for (const word of tokenize(text)) {
    if (GENERAL_WORDS.has(word)) continue;
    for (const t of termsOf(word)) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
  }
}
