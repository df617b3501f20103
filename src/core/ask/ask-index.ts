import { distance } from 'fastest-levenshtein';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Entity, EntityIndex } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';
import { buildCandidates } from './build-candidates.js';
import { facetBit, type Candidate, type Facet } from './candidate.js';
import { GENERAL_WORDS, SYNONYMS } from './general-words.js';
import { termsOf } from './text-terms.js';

/** Candidates plus the vocabulary and term rarity that ask needs; built once per knowledge. */
export interface AskIndex {
  candidates: Candidate[];
  /** Inverse document frequency of each stem over the candidates. */
  idf: Map<string, number>;
  /** Which candidates (by position) hold each term, name, facet and month-day: a question only scores those. */
  byTerm: Map<string, number[]>;
  /** Each byTerm position's weight of the term in that candidate, so a question's words are scored posting by posting. */
  termWeights: Map<string, number[]>;
  byEntity: Map<string, number[]>;
  /** Which candidates are chiefly about each id (Candidate.subjects). */
  bySubject: Map<string, number[]>;
  /** Each candidate's facets as bits (facetBit), by position. */
  facetMasks: Uint32Array;
  /** Each candidate's date as a rank (a later date ranks higher, undated lowest), by position: ties go to the newer fact. */
  dateRanks: Uint32Array;
  byFacet: Map<string, number[]>;
  byMonthDay: Map<string, number[]>;
  /** Every word the knowledge (or a known synonym) uses, for typo correction and unknown-topic detection. */
  words: Set<string>;
  /** Words grouped by first letter, for typo correction. */
  wordsByInitial: Map<string, string[]>;
  stems: Set<string>;
  /** Every year a dated fact falls in. */
  years: Set<string>;
  /** Single-word names of people and parties ("lombardini", "amptp"), for names misspelled even at the first letter. */
  nameWords: Map<string, Entity>;
}

// Words the composed facet sentences add around a fact's own text ("... took place at ...", "... lasted ...").
const FACET_TEMPLATE_WORDS = 'took place lasted took part took part in said positions next contact is expected contract expired proposals at the center of the dispute';

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
  const words = new Set<string>(Object.keys(SYNONYMS));
  const candidates = buildCandidates(knowledge, entities, words);
  const df = new Map<string, number>();
  for (const c of candidates) for (const t of c.terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log(1 + candidates.length / n));
  // The facts' own words came in while the candidates were built; names, aliases and keywords join them here.
  const texts = [
    FACET_TEMPLATE_WORDS,
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
  // Lists grow in place: copying a list per entry made indexing quadratic (3.7 s on 10,000 facts).
  for (const w of words) {
    const list = wordsByInitial.get(w[0]!);
    if (list) list.push(w);
    else wordsByInitial.set(w[0]!, [w]);
  }
  const byTerm = new Map<string, number[]>();
  const termWeights = new Map<string, number[]>();
  const byEntity = new Map<string, number[]>();
  const bySubject = new Map<string, number[]>();
  const facetMasks = new Uint32Array(candidates.length);
  const byFacet = new Map<string, number[]>();
  const byMonthDay = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  candidates.forEach((c, i) => {
    for (const [t, weight] of c.terms) {
      post(byTerm, t, i);
      post(termWeights, t, weight);
    }
    for (const e of c.entities) post(byEntity, e, i);
    for (const s of c.subjects) post(bySubject, s, i);
    for (const f of Object.keys(c.facets)) {
      post(byFacet, f, i);
      facetMasks[i]! |= facetBit(f as Facet);
    }
    if (c.date) post(byMonthDay, c.date.slice(5), i);
  });
  return { candidates, idf, byTerm, termWeights, byEntity, bySubject, facetMasks, dateRanks: dateRanksOf(candidates), byFacet, byMonthDay, words, wordsByInitial, stems, nameWords: nameWordsOf(knowledge), years: new Set(candidates.flatMap((c) => (c.date ? [c.date.slice(0, 4)] : []))) };
}

/** Each candidate's date rank: ISO dates compare as plain strings, and an undated fact ranks below every dated one. */
function dateRanksOf(candidates: Candidate[]): Uint32Array {
  const dates = [...new Set(candidates.map((c) => c.date ?? ''))].sort();
  const rank = new Map(dates.map((d, r) => [d, r]));
  return Uint32Array.from(candidates, (c) => rank.get(c.date ?? '')!);
}

/** People's names and aliases, and parties' short names and ids, word by word: the forms a name typo is checked against. */
function nameWordsOf(knowledge: Knowledge): Map<string, Entity> {
  const names = new Map<string, Entity>();
  const add = (entity: Entity, forms: string[]) => {
    for (const form of forms) for (const w of tokenize(form)) if (w.length >= 5 && !names.has(w)) names.set(w, entity);
  };
  for (const p of knowledge.people.values()) add({ kind: 'person', id: p.id, name: p.name }, [p.name, ...p.aliases]);
  for (const p of knowledge.parties.values()) add({ kind: 'party', id: p.id, name: p.shortName }, [p.shortName, p.id]);
  return names;
}

/**
 * The person or party a word the knowledge does not use most likely misspells ("kombardini", "ztutzman", "segal"):
 * any letter may be wrong, the first too; one slip in a name of up to 7 letters, two in a longer one. Only
 * unknown words get here, so an ordinary word the knowledge uses never turns into a name.
 */
export function nameForTypo(index: AskIndex, word: string): Entity | undefined {
  if (word.length < 5) return undefined;
  let best: { entity: Entity; d: number } | undefined;
  for (const [form, entity] of index.nameWords) {
    const budget = form.length < 8 ? 1 : 2;
    if (Math.abs(form.length - word.length) > budget) continue;
    const d = distance(form, word);
    if (d <= budget && (!best || d < best.d)) best = { entity, d };
  }
  return best?.entity;
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
