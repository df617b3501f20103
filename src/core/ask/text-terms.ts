import { stemmer } from 'stemmer';
import { tokenize } from '../match/normalize-text.js';
import { GENERAL_WORDS, SYNONYMS } from './general-words.js';

/** A word's stem, after mapping everyday synonyms to the knowledge's own words. */
export function termsOf(word: string): string[] {
  let terms = TERMS_CACHE.get(word);
  if (!terms) {
    const mapped = SYNONYMS[word];
    const words = mapped ? [word, ...mapped.split(' ')] : [word];
    terms = [...new Set(words.map((w) => stemmer(w)))];
    // Stemming is the costliest step of indexing; a knowledge's vocabulary is small, so each word is stemmed once.
    if (TERMS_CACHE.size < MAX_CACHED_WORDS) TERMS_CACHE.set(word, terms);
  }
  return terms;
}

const TERMS_CACHE = new Map<string, string[]>();
const MAX_CACHED_WORDS = 200_000;

/** Adds the content words of a text to a term map with a weight; general words add nothing. */
export function addTerms(terms: Map<string, number>, text: string, weight: number): void {
  addWordTerms(terms, tokenize(text), weight);
}

/** Adds already tokenized words to a term map with a weight; general words add nothing. */
export function addWordTerms(terms: Map<string, number>, words: string[], weight: number): void {
  for (const word of words) {
    // "studio-leaked" in a fact answers a question about a leak: a compound's parts are terms too.
    if (word.includes('-')) addWordTerms(terms, word.split('-').filter(Boolean), weight);
    if (GENERAL_WORDS.has(word)) continue;
    for (const t of termsOf(word)) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
  }
}
