import type { EntityIndex } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';
import { addWordTerms } from './text-terms.js';

/** What indexing reads from one fact text: its words, its terms in first-seen order, and the names it states exactly. */
export interface TextFacts {
  words: string[];
  terms: string[];
  mentioned: string[];
}

interface Memo {
  entities: EntityIndex;
  /** The exact name forms of `entities` (form -> entity), to tell which names changed in the next index. */
  forms: Map<string, string>;
  texts: Map<string, TextFacts>;
}

// The texts of the last build. A patch changes a few facts, so the next build (the first question after an apply)
// reads almost every text from here instead of tokenizing, stemming and name-matching the whole knowledge again.
let last: Memo | undefined;

/**
 * A build's view of the memo: texts seen in the last build are reused, except that the names a text mentions are
 * found again when a name whose first word the text contains was added, removed or moved to another entity.
 * Only the texts this build used are kept for the next one, so memory follows the current knowledge.
 */
export class TextMemo {
  private readonly texts = new Map<string, TextFacts>();
  private readonly previous: Map<string, TextFacts>;
  private readonly forms: Map<string, string>;
  private readonly changedFirstWords: Set<string> | undefined;

  constructor(private readonly entities: EntityIndex) {
    this.forms = entities.exactForms();
    this.previous = last?.texts ?? new Map();
    this.changedFirstWords = last && last.entities !== entities ? changedFirstWords(last.forms, this.forms) : undefined;
  }

  /** The words, terms and exact name mentions of one text. */
  facts(text: string): TextFacts {
    const known = this.texts.get(text);
    if (known) return known;
    let facts = this.previous.get(text);
    if (!facts) facts = this.compute(text);
    else if (this.changedFirstWords && this.changedFirstWords.size > 0 && facts.words.some((w) => this.changedFirstWords!.has(w))) {
      const mentioned = this.mentions(facts.words);
      // Most texts that merely share a word with the new name ("the bench room", "Bench Person 3") still mention
      // the same names: keeping the same object lets the index keep the candidate built from it.
      if (mentioned.length !== facts.mentioned.length || mentioned.some((id, i) => id !== facts!.mentioned[i])) facts = { ...facts, mentioned };
    }
    this.texts.set(text, facts);
    return facts;
  }

  /** Keeps this build's texts for the next build. */
  finish(): void {
    last = { entities: this.entities, forms: this.forms, texts: this.texts };
  }

  private compute(text: string): TextFacts {
    const words = tokenize(text);
    const terms = new Map<string, number>();
    addWordTerms(terms, words, 1);
    return { words, terms: [...terms.keys()], mentioned: this.mentions(words) };
  }

  private mentions(words: string[]): string[] {
    return this.entities.find(words, { typos: false }).map((h) => h.entity.id);
  }
}

/** First words of every exact name form that differs between two indexes: only texts holding one can match differently. */
function changedFirstWords(before: Map<string, string>, after: Map<string, string>): Set<string> {
  const changed = new Set<string>();
  for (const [form, entity] of after) if (before.get(form) !== entity) changed.add(form.split(' ')[0]!);
  for (const form of before.keys()) if (!after.has(form)) changed.add(form.split(' ')[0]!);
  return changed;
}
