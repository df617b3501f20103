import { lexiconFile } from './general-words.js';

/** Which contract a question asks the term of: the new one (its start and end) or the old one (when it expired). */
export type ContractAsk = 'new' | 'old';

const CONTRACT = /\b(contract|contracts|deal|agreement|pact)\b/;
// "how long is", "when does ... end", "run out", "expire", "term": what is asked is the contract's dates.
const TERM = /\b(how long|end|ends|ending|ended|expire|expires|expiring|expired|expiry|expiration|term|length|last|lasts|run out|runs out|ran out|running out|run through|runs through|run until|runs until|good through|good until|duration|start|starts|started|begin|begins|began|take effect|takes effect|took effect)\b/;
// The old contract is the one that expired; a past-tense question ("when did it expire") asks about it.
const OLD = /\b(old|previous|prior|former|expired|last contract|earlier)\b|\b(did|was|were|had)\b/;

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
  if (!CONTRACT.test(text) || !TERM.test(text)) return undefined;
  // "the new deal" is the one being asked about whatever the tense; otherwise tense says which.
  if (/\b(new|next|tentative|ratified)\b/.test(text)) return 'new';
  return OLD.test(text) ? 'old' : 'new';
}
