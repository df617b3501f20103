import { distance } from 'fastest-levenshtein';
import type { Knowledge } from '../../../src/core/knowledge/knowledge.js';
import type { EntityIndex } from '../../../src/core/match/entity-index.js';
import { tokenize } from '../../../src/core/match/normalize-text.js';
import { buildCandidates } from './build-candidates.js';
import type { Candidate } from './candidate.js';
import { GENERAL_WORDS, SYNONYMS } from './general-words.js';
import { termsOf } from './text-terms.js';

/** Candidates plus the vocabulary and term rarity that ask needs; built once per knowledge. */
export interface AskIndex {
  candidates: Candidate[];
  /** Inverse document frequency of each stem over the candidates. */
  idf: Map<string, number>;
  /** Which candidates (by position) hold each term, name, facet and month-day: a question only scores those. */
  byTerm: Map<string, number[]>;
  byEntity: Map<string, number[]>;
  byFacet: Map<string, number[]>;
  byMonthDay: Map<string, number[]>;
  /** Every word the knowledge (or a known synonym) uses, for typo correction and unknown-topic detection. */
  words: Set<string>;
  /** Words grouped by first letter, for typo correction. */
  wordsByInitial: Map<string, string[]>;
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
  const wordsByInitial = new Map<string, string[]>();
  for (const w of words) wordsByInitial.set(w[0]!, [...(wordsByInitial.get(w[0]!) ?? []), w]);
  const byTerm = new Map<string, number[]>();
  const byEntity = new Map<string, number[]>();
  const byFacet = new Map<string, number[]>();
  const byMonthDay = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, key: string, i: number) => map.set(key, [...(map.get(key) ?? []), i]);
  candidates.forEach((c, i) => {
    for (const t of c.terms.keys()) post(byTerm, t, i);
    for (const e of c.entities) post(byEntity, e, i);
    for (const f of Object.keys(c.facets)) post(byFacet, f, i);
    if (c.date) post(byMonthDay, c.date.slice(5), i);
  });
  return { candidates, idf, byTerm, byEntity, byFacet, byMonthDay, words, wordsByInitial, stems };
}

/** The knowledge word a typo most likely meant ("negotations" -> "negotiations"), if one is close enough. */
export function correctTypo(index: AskIndex, word: string): string | undefined {
  if (word.length < 4) return undefined;
  const budget = word.length < 10 ? 1 : 2;
  // People rarely mistype the first letter; requiring it stops "york" from becoming "work".
  let best: { w: string; d: number } | undefined;
  for (const w of index.wordsByInitial.get(word[0]!) ?? []) {
    if (Math.abs(w.length - word.length) > budget) continue;
    const d = distance(w, word);
    if (d <= budget && (!best || d < best.d)) best = { w, d };
  }
  return best?.w;
}

/** True for words that carry no topic (question words, function words, numbers, months, single letters). */
export function isGeneralWord(word: string): boolean {
  return GENERAL_WORDS.has(word) || word.length === 1 || /^\d+(st|nd|rd|th|s)?$/.test(word) || MONTHS.has(word);
}

/**
 * Whether a word the knowledge does not use still carries no topic of its own: adverbs in -ly and verb forms
 * in -ing/-ed ("wondering", "reminded") describe the asking, not a subject. Topic nouns ("weather", "ai") do not match.
 */
export function isLikelyNonTopic(word: string): boolean {
  return word.length > 4 && /(ly|ing|ed)$/.test(word) && !OUTCOME_WORDS.test(word);
}

// Outcomes a dispute may or may not have reached are topics even though they end in -ed.
const OUTCOME_WORDS = /^(ratif|settl|sign|approv|vot|end|agree|cancel|fir|hir|sued|indict|arrest|strik|lock)/;

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night']);
