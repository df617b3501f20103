import { distance } from 'fastest-levenshtein';
import type { Knowledge } from '../knowledge/knowledge.js';
import { normalizeText } from './normalize-text.js';

export type EntityKind = 'party' | 'person' | 'proposal';

/** Something a user can name: a party, a person or a proposal. */
export interface Entity {
  kind: EntityKind;
  id: string;
  name: string;
}

interface Surface {
  entity: Entity;
  /** The normalized name as written ("the union"): what must appear in a text. */
  form: string;
  /** Without a leading article ("union"): what a look-up by name compares against. */
  bare: string;
  words: number;
}

/** A name found in a text: which entity, which words, and how many typos it took. */
export interface EntityHit {
  entity: Entity;
  start: number;
  end: number;
  typos: number;
}

const LEADING_ARTICLE = /^(the|a|an) /;

/** How many typos a form of this length may carry and still match; short names must match exactly. */
// People rarely mistype the first letter of a name, so it narrows the search a great deal.
function bucketKey(words: number, form: string): string {
  return `${words}:${form[0]}`;
}

function typoBudget(form: string): number {
  if (form.length < 5) return 0;
  return form.length < 10 ? 1 : 2;
}

/** Every name and alias of the pack's parties, people and proposals, for exact and fuzzy look-up. */
export class EntityIndex {
  private readonly surfaces: Surface[] = [];
  /** Exact forms, for the common case of a correctly spelled name. */
  private readonly exact = new Map<string, Surface>();
  /** Forms grouped by word count and first letter: typos are only looked for among forms that could match. */
  private readonly buckets = new Map<string, Surface[]>();
  private readonly maxWords: number;
  /** First words of every exact form: an exact match can only start at one of these. */
  private readonly firstWords = new Set<string>();

  constructor(knowledge: Knowledge) {
    const add = (entity: Entity, forms: string[]) => {
      for (const raw of forms) {
        const form = normalizeText(raw);
        if (!form) continue;
        const surface = { entity, form, bare: form.replace(LEADING_ARTICLE, ''), words: form.split(' ').length };
        this.surfaces.push(surface);
        if (!this.exact.has(form)) this.exact.set(form, surface);
        this.firstWords.add(form.split(' ')[0]!);
        const key = bucketKey(surface.words, form);
        this.buckets.set(key, [...(this.buckets.get(key) ?? []), surface]);
      }
    };
    for (const p of knowledge.parties.values()) add({ kind: 'party', id: p.id, name: p.shortName }, [p.name, p.shortName, p.id, ...p.aliases]);
    for (const p of knowledge.people.values()) add({ kind: 'person', id: p.id, name: p.name }, [p.name, ...p.aliases]);
    for (const p of knowledge.proposals.values()) add({ kind: 'proposal', id: p.id, name: p.name }, [p.name, ...p.aliases]);
    this.maxWords = Math.max(1, ...this.surfaces.map((s) => s.words));
  }

  /** Every exact name form and the entity it names ("party:wga"), for telling which names changed between two indexes. */
  exactForms(): Map<string, string> {
    return new Map([...this.exact].map(([form, s]) => [form, `${s.entity.kind}:${s.entity.id}`]));
  }

  /** Best entity for a whole query ("mini rooms", "Lombardni"), or undefined. */
  lookup(query: string, kinds?: EntityKind[]): Entity | undefined {
    const top = this.rank(query, kinds)[0];
    return top && top.score === 0 ? top.entity : this.closeEnough(query, kinds);
  }

  /** Entities ranked by how close their nearest name is to the query (0 = exact). */
  rank(query: string, kinds?: EntityKind[]): { entity: Entity; score: number }[] {
    const q = normalizeText(query).replace(LEADING_ARTICLE, '');
    const best = new Map<string, { entity: Entity; score: number }>();
    for (const s of this.surfaces) {
      if (kinds && !kinds.includes(s.entity.kind)) continue;
      const d = distance(q, s.bare) / Math.max(q.length, s.bare.length, 1);
      const contains = q.length >= 3 && (s.bare.includes(q) || q.includes(s.bare)) ? 0.5 : 1;
      const score = Math.min(d, d * contains);
      const key = `${s.entity.kind}:${s.entity.id}`;
      if (!best.has(key) || best.get(key)!.score > score) best.set(key, { entity: s.entity, score });
    }
    return [...best.values()].sort((a, b) => a.score - b.score);
  }

  /** Names closest to the query, for "did you mean" suggestions. */
  suggest(query: string, kinds: EntityKind[] | undefined, count: number): Entity[] {
    return this.rank(query, kinds).slice(0, count).map((r) => r.entity);
  }

  private closeEnough(query: string, kinds?: EntityKind[]): Entity | undefined {
    const words = normalizeText(query).split(' ').filter(Boolean);
    const hits = this.find(words).filter((h) => !kinds || kinds.includes(h.entity.kind));
    // The whole query must be (nearly) one name; a name buried in a sentence is ask's job.
    const covering = hits.find((h) => h.end - h.start >= Math.max(1, words.length - 1));
    return covering?.entity;
  }

  /** Finds names in a sequence of words, longest first, allowing small typos unless told not to; hits do not overlap. */
  find(words: string[], options: { typos?: boolean } = {}): EntityHit[] {
    const typos = options.typos ?? true;
    const hits: EntityHit[] = [];
    const taken = new Array<boolean>(words.length).fill(false);
    for (let n = Math.min(this.maxWords, words.length); n >= 1; n--) {
      for (let start = 0; start + n <= words.length; start++) {
        // Without typos only exact forms match, and those start with a known first word: skip the rest cheaply.
        if (!typos && !this.firstWords.has(words[start]!)) continue;
        if (taken.slice(start, start + n).some(Boolean)) continue;
        const phrase = words.slice(start, start + n).join(' ');
        const hit = this.matchPhrase(phrase, n, typos);
        if (!hit) continue;
        hits.push({ entity: hit.entity, start, end: start + n, typos: hit.typos });
        taken.fill(true, start, start + n);
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  private matchPhrase(phrase: string, words: number, typos: boolean): { entity: Entity; typos: number } | undefined {
    const exact = this.exact.get(phrase);
    if (exact) return { entity: exact.entity, typos: 0 };
    if (!typos || phrase.length < 5) return undefined;
    let best: { entity: Entity; typos: number } | undefined;
    for (const s of this.buckets.get(bucketKey(words, phrase)) ?? []) {
      if (Math.abs(s.form.length - phrase.length) > 2) continue;
      const budget = typoBudget(s.form);
      if (budget === 0) continue;
      const d = distance(s.form, phrase);
      if (d <= budget && (!best || d < best.typos)) best = { entity: s.entity, typos: d };
    }
    return best;
  }
}
