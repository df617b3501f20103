import type { Knowledge } from '../knowledge/knowledge.js';
import { markUnverified } from '../updates/unverified-label.js';
import type { Candidate, Facet } from './candidate.js';
import type { TextFacts, TextMemo } from './text-memo.js';

/** A fact before indexing: its sentences, what it is about, and its searchable texts with their weights. */
export interface Draft {
  id: string;
  sentence: string;
  facets?: Partial<Record<Facet, string>>;
  entities: string[];
  subjects?: string[];
  /** [text, weight] pairs that make up the searchable terms. */
  text: [string, number][];
  sources: string[];
  date?: string;
  /** The kind of party the fact is, or whose stance it is. */
  partyKind?: string;
  /** From an unverified editor update: every sentence stated from it says so. */
  unverified?: boolean;
  /** A stance on a proposal a deal has since settled or dropped: its outcome is the current answer. */
  superseded?: boolean;
}

// Candidates by the draft they came from. Drafts of unchanged events are reused across builds (see build-candidates),
// so after a patch their candidates, and the facet terms and figures worked out on them, are reused too.
const reused = new WeakMap<Draft, { key: string; read: TextFacts[]; candidate: Candidate }>();

/** Turns a draft into a candidate; each text is read once (or taken from the last build), and its words join `vocabulary` (the index's word list). */
export function toCandidate(d: Draft, memo: TextMemo, knowledge: Knowledge, vocabulary: Set<string>): Candidate {
  const read = d.text.map(([text]) => memo.facts(text));
  for (const facts of read) for (const w of facts.words) vocabulary.add(w);
  // Names mentioned in the fact's own words count as what it is about ("Stutzman raised...").
  const mentioned = read.flatMap((facts) => facts.mentioned);
  // A person's party is involved in whatever the person does ("the mayor" speaks for the city).
  const involved = [...d.entities, ...mentioned];
  const sides = [...knowledge.dispute.unions, ...knowledge.dispute.employers];
  // What the candidate reads from the rest of the knowledge: with the same draft and texts, the same key means the same candidate.
  const key = `${involved.map((id) => knowledge.people.get(id)?.party ?? '').join(' ')}|${sides.join(' ')}`;
  const known = reused.get(d);
  if (known && known.key === key && known.read.every((facts, i) => facts === read[i])) return known.candidate;
  const terms = new Map<string, number>();
  d.text.forEach(([, weight], i) => {
    for (const t of read[i]!.terms) terms.set(t, Math.max(terms.get(t) ?? 0, weight));
  });
  const facets = Object.fromEntries(Object.entries(d.facets ?? {}).filter(([, v]) => v !== undefined)) as Partial<Record<Facet, string>>;
  const parties = involved.flatMap((id) => knowledge.people.get(id)?.party ?? []);
  // Who acts: the subjects, the parties their people speak for, and people named in a party's own fact ("Stutzman said" in the guild's stance).
  const subjects = new Set(d.subjects ?? []);
  const actors = new Set([...subjects].flatMap((id) => [id, ...(knowledge.people.get(id)?.party ?? [])]));
  for (const id of involved) if (subjects.has(knowledge.people.get(id)?.party ?? '')) actors.add(id);
  const bothSides = d.id.startsWith('event:') && sides.every((id) => subjects.has(id));
  // The label goes on after the terms are counted, so it never changes what a fact matches.
  const label = (s: string) => markUnverified(s, d);
  const shown = Object.fromEntries(Object.entries(facets).map(([k, v]) => [k, label(v)]));
  const candidate: Candidate = { id: d.id, sentence: label(d.sentence), facets: shown, facetSource: facets, entities: new Set([...involved, ...parties]), subjects, actors, terms, sources: [...new Set(d.sources)], ...(d.date ? { date: d.date } : {}), ...(d.partyKind ? { partyKind: d.partyKind } : {}), ...(bothSides ? { bothSides } : {}), ...(d.superseded ? { superseded: true } : {}) };
  reused.set(d, { key, read, candidate });
  return candidate;
}
