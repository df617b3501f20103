import { distance } from 'fastest-levenshtein';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { EntityIndex } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';
import { buildCandidates } from './build-candidates.js';
import type { Candidate } from './candidate.js';
import { GENERAL_WORDS, SYNONYMS } from './general-words.js';
import { termsOf } from './text-terms.js';

/** Candidates plus the vocabulary and term rarity that ask needs; built once per knowledge. */
export interface AskIndex {
  candidates: Candidate[];
  /** Inverse document frequency of each stem over the candidates. */
  idf: Map<string, number>;
  /** Every word the knowledge (or a known synonym) uses, for typo correction and unknown-topic detection. */
  words: Set<string>;
  stems: Set<string>;
}

const cache = new WeakMap<Knowledge, AskIndex>();

/** The ask index for this knowledge, built on first use and reused after. */
export function askIndexFor(knowledge: Knowledge, entities: EntityIndex): AskIndex {
  let index = cache.get(knowledge);
  if (!index) {
    index = buildAskIndex(knowledge, entities);
    cache.set(knowledge, index);
  }
  return index;
}

function buildAskIndex(knowledge: Knowledge, entities: EntityIndex): AskIndex {
  const candidates = buildCandidates(knowledge, entities);
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + candidates.length / n));
  const words = new Set<string>(Object.keys(SYNONYMS));
  const texts = [
    ...candidates.flatMap((c) => [c.sentence, ...Object.values(c.facets)]),
    ...[...knowledge.parties.values()].flatMap((p) => [p.name, ...p.aliases]),
    ...[...knowledge.people.values()].flatMap((p) => [p.name, ...p.aliases]),
    ...knowledge.pack.proposals.flatMap((p) => [...p.aliases, ...p.keywords]),
    ...knowledge.events.flatMap((e) => e.keywords),
    ...knowledge.statements.flatMap((s) => s.keywords),
  ];
  for (const text of texts) for (const w of tokenize(text)) words.add(w);
  const stems = new Set<string>([...df.keys()]);
  for (const w of words) for (const t of termsOf(w)) stems.add(t);
  return { candidates, idf, words, stems };
}

/** The knowledge word a typo most likely meant ("negotations" -> "negotiations"), if one is close enough. */
export function correctTypo(index: AskIndex, word: string): string | undefined {
  if (word.length < 4) return undefined;
  const budget = word.length < 10 ? 1 : 2;
  // People rarely mistype the first letter; requiring it stops "york" from becoming "work".
  let best: { w: string; d: number } | undefined;
  for (const w of index.words) {
    if (w[0] !== word[0] || Math.abs(w.length - word.length) > budget) continue;
    const d = distance(w, word);
    if (d <= budget && (!best || d < best.d)) best = { w, d };
  }
  return best?.w;
}

/** True for words that carry no topic (question words, function words, numbers, months). */
export function isGeneralWord(word: string): boolean {
  return GENERAL_WORDS.has(word) || /^\d+(st|nd|rd|th)?$/.test(word) || MONTHS.has(word);
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night']);
