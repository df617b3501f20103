/** What a question asks for beyond its topic: a place, a date, a quote, a stance, the new contract's term, the old one's expiry, what a deal settled... */
export type Facet = 'who' | 'where' | 'when' | 'howLong' | 'mood' | 'why' | 'quote' | 'stance' | 'latest' | 'next' | 'status' | 'strikeDay' | 'define' | 'keyIssues' | 'whichParty' | 'what' | 'term' | 'expiry' | 'outcome';

/** Every facet, each with its bit in a fact's facet mask (see AskIndex.facetMasks). */
export const FACETS: readonly Facet[] = ['who', 'where', 'when', 'howLong', 'mood', 'why', 'quote', 'stance', 'latest', 'next', 'status', 'strikeDay', 'define', 'keyIssues', 'whichParty', 'what', 'term', 'expiry', 'outcome'];

/** The bit of a facet in a facet mask. */
export function facetBit(facet: Facet): number {
  return 1 << FACETS.indexOf(facet);
}

/** One fact the bot can state, pre-composed into sentences, with what it is about and where it comes from. */
export interface Candidate {
  id: string;
  /** The sentence stated when no facet applies. */
  sentence: string;
  /** Sentences tailored to a facet ("It lasted about an hour."). */
  facets: Partial<Record<Facet, string>>;
  /** Ids of the parties, people and proposals the fact mentions. */
  entities: Set<string>;
  /** The ids the fact is chiefly about (a stance's party and proposal, a statement's speaker). */
  subjects: Set<string>;
  /** Who acts in the fact: its subjects and the parties its people speak for ("Stutzman said" is the guild saying). */
  actors: Set<string>;
  /** The kind (union, employer, government) of the party a fact is, or whose stance it is, for "which union" questions. */
  partyKind?: string;
  /** The fact involves both sides of the dispute (every union and employer in it), for "did either side...". */
  bothSides?: boolean;
  /** Stemmed term -> weight (names and keywords weigh more than running text). */
  terms: Map<string, number>;
  sources: string[];
  date?: string;
  /** Each facet's sentence before any label, whose terms pick the sentence for a question that names no facet. */
  facetSource: Partial<Record<Facet, string>>;
  /** Those terms, worked out on first use (few facts are ever the best answer, so most never need them). */
  facetTerms?: Partial<Record<Facet, Set<string>>>;
  /** A stance on a proposal that has an outcome: history, outranked by the outcome unless the question asks about earlier days. */
  superseded?: boolean;
  /** The fact states a number (a count, a duration, a day of the strike). */
  hasQuantity?: boolean;
}
