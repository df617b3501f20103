import { lexiconFile } from './general-words.js';

/** Which contract a question asks the term of: the new one (its start and end) or the old one (when it expired). */
export type ContractAsk = 'new' | 'old';

const NOUN = '(contract|deal|agreement|pact)';
const WHICH = "(the |their |its |a |this |that |our )?(new |old |previous |prior |former |current |next |tentative |ratified )?(\\w+ )?";
// The contract must be what ends or runs ("the new contract ends", "the term of the deal", "how long is the contract"):
// a question that only mentions a deal beside other words ("what was in the deal last week") asks nothing of its term.
const TERM_ASKS = [
  new RegExp(`\\b${NOUN}('s)? (\\w+ ){0,3}?(end|ends|ending|ended|expire|expires|expiring|expired|run out|runs out|ran out|take effect|takes effect|took effect|kick in|kicks in|kicked in)\\b`),
  new RegExp(`\\b${NOUN}('s)? (start|starts|started|begin|begins|began|run|runs|ran|last|lasts|lasted|go|goes) (until|through|to|till|for|from)\\b|\\b${NOUN} (last|lasts)$`),
  new RegExp(`\\b(term|terms|length|duration|end|expiry|expiration|end date|start|start date) of ${WHICH}${NOUN}\\b|\\b${NOUN}('s)? (term|length|duration|expiry|expiration|end date|start date)\\b`),
  new RegExp(`\\bhow long (is|was|will|does|did|would) ${WHICH}${NOUN}\\b`),
  new RegExp(`^when (does|did|will|is|was) ${WHICH}${NOUN} (start|begin|take effect|kick in)\\b`),
];
// The old contract is the one that expired; a past-tense question ("when did it expire") asks about it.
const OLD = /\b(old|previous|prior|former|expired|earlier)\b|\b(did|was|were|had)\b/;

/** Words that, in a question about a contract's term, ask for the term rather than name a topic (see lexicon/term-words.txt). */
export const TERM_WORDS: ReadonlySet<string> = new Set(
  lexiconFile('term-words.txt')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether a (normalized) question asks when a contract starts, ends or expired, and which contract. */
export function contractAsk(text: string): ContractAsk | undefined {
  if (!TERM_ASKS.some((re) => re.test(text))) return undefined;
  // "the new deal" is the one being asked about whatever the tense; otherwise tense says which.
  if (/\b(new|next|tentative|ratified)\b/.test(text)) return 'new';
  return OLD.test(text) ? 'old' : 'new';
}
