import type { Knowledge } from '../knowledge/knowledge.js';
import { tokenize } from '../match/normalize-text.js';

/** Common words that say nothing about which proposal a sentence is about, however rarely a summary uses them. */
const COMMON = new Set(
  'about above after again against among because before being below between could every first their there these those through under until where which while would rather other others shows should still since often might never always being made make makes wants want more most much many into onto than that this with from have been were what when whose them they then some such only also just over very cannot'.split(
    ' ',
  ),
);
/** Shorter words are too often generic ("pay", "share", "watch"). */
const MIN_LETTERS = 6;

/** A word's plain form for matching: lower case, without a plural "s". */
const stem = (word: string) => (word.length > MIN_LETTERS && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

/**
 * The words that point to exactly one proposal: taken from each proposal's name, aliases and summary in the
 * knowledge, minus common words, party and people names, the words describing the dispute and its parties, and words two
 * proposals share. "The studios declined to
 * link payments to how widely a show is watched" names no proposal, but "payments" belongs to only one summary.
 */
export class ProposalWords {
  private readonly owner = new Map<string, string>();

  constructor(knowledge: Knowledge) {
    const names = new Set<string>();
    for (const p of knowledge.parties.values()) for (const w of tokenize([p.name, p.shortName, ...p.aliases].join(' '))) names.add(stem(w));
    for (const p of knowledge.people.values()) for (const w of tokenize([p.name, ...p.aliases, p.role].join(' '))) names.add(stem(w));
    // Words the dispute as a whole is described with ("contract", "strike") say nothing about one proposal.
    const d = knowledge.dispute;
    for (const w of tokenize([d.title, d.summary, ...[...knowledge.parties.values()].map((p) => p.description)].join(' '))) names.add(stem(w));
    const shared = new Set<string>();
    for (const p of knowledge.proposals.values()) {
      const words = new Set(tokenize([p.name, ...p.aliases, p.summary].join(' ')).map(stem));
      for (const w of words) {
        if (w.length < MIN_LETTERS || COMMON.has(w) || names.has(w) || /\d/.test(w)) continue;
        if (this.owner.has(w) && this.owner.get(w) !== p.id) shared.add(w);
        else this.owner.set(w, p.id);
      }
    }
    for (const w of shared) this.owner.delete(w);
  }

  /** The proposals whose own words appear among the tokens, in order of first appearance. */
  find(tokens: readonly string[]): string[] {
    const found = new Set<string>();
    for (const t of tokens) {
      const id = this.owner.get(stem(t));
      if (id) found.add(id);
    }
    return [...found];
  }
}
