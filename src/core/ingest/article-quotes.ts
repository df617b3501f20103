import type { Knowledge } from '../knowledge/knowledge.js';
import type { EntityIndex } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';

/** A quotation in an article and who it is attributed to. */
export interface FoundQuote {
  text: string;
  /** The person or party the attribution names, when the knowledge knows them. */
  speaker?: string;
  /** The attribution as written ("Lombardini said", "a studio executive told reporters"). */
  attribution?: string;
}

/** Quotes shorter than this are scare quotes or phrases ("non-starter"), not statements. */
const MIN_QUOTE_WORDS = 4;
/** How far from a quote its attribution may sit; it bounds the work per quote, so many quotes stay linear. */
const ATTRIBUTION_WINDOW = 240;
const VERB = '(?:said|says|told|tells|added|adds|wrote|writes|stated|argued|insisted|recalled|warned|declared)';
// "“...,” Lombardini said" / "“...,” said Lombardini, the AMPTP's president"
const AFTER_NAME_VERB = new RegExp(`^[\\s,]*((?:[\\w'’.-]+ ){0,6}?[\\w'’.-]+) ${VERB}\\b`, 'i');
const AFTER_VERB_NAME = new RegExp(`^[\\s,]*${VERB} ([^,.;“"]+)`, 'i');
// "Lombardini told reporters: “...”", "Stutzman, the chief negotiator, told members that the offer was “...”"
const VERB_ANYWHERE = new RegExp(`\\b${VERB}\\b`, 'gi');
/** Words before a speech verb that may name the speaker. */
const NAME_WINDOW = 8;
const ACCORDING_TO = /according to ([^,.;“"]+)/i;
const PRONOUN = /^(he|she|they)$/i;

/**
 * Finds quotations of at least four words in a sentence and who said them, from "said"/"told"/"according to"
 * patterns on either side of the quote. A pronoun refers back to `lastSpeaker`, the person last named.
 */
export function findQuotes(sentence: string, knowledge: Knowledge, entities: EntityIndex, lastSpeaker?: string): FoundQuote[] {
  const quotes: FoundQuote[] = [];
  for (const span of quoteSpans(sentence)) {
    // The comma that hands over to the attribution belongs to the sentence, not the quote.
    const text = sentence.slice(span.start + 1, span.end - 1).trim().replace(/,$/, '');
    if (text.split(/\s+/, MIN_QUOTE_WORDS).length < MIN_QUOTE_WORDS) continue;
    const before = withoutQuotes(sentence.slice(Math.max(0, span.start - ATTRIBUTION_WINDOW), span.start));
    const after = withoutQuotes(sentence.slice(span.end, span.end + ATTRIBUTION_WINDOW));
    const attribution =
      AFTER_NAME_VERB.exec(after)?.[0] ?? AFTER_VERB_NAME.exec(after)?.[0] ?? verbBefore(before) ?? ACCORDING_TO.exec(after)?.[0] ?? ACCORDING_TO.exec(before)?.[0];
    const phrase = attribution?.replace(/^[\s,]+|[\s,:]+$/g, '');
    const speaker = phrase ? speakerIn(phrase, knowledge, entities, lastSpeaker) : undefined;
    quotes.push({ text, ...(speaker ? { speaker } : {}), ...(phrase ? { attribution: phrase } : {}) });
  }
  return quotes;
}

/** Where quotations sit: “…” or "…" with something inside, leftmost first, found in one pass. */
export function quoteSpans(sentence: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  // The next closer at or after a position; once none is left, no later opener can close (no rescans).
  const nextCloser = { '“': -2, '"': -2 } as Record<'“' | '"', number>;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    if (ch !== '“' && ch !== '"') continue;
    const closer = ch === '“' ? '”' : '"';
    if (nextCloser[ch] !== -1 && nextCloser[ch] < i + 1) nextCloser[ch] = sentence.indexOf(closer, i + 1);
    const end = nextCloser[ch];
    // An empty pair ("“”") is not a quotation.
    if (end === -1 || end === i + 1) continue;
    spans.push({ start: i, end: end + 1 });
    i = end;
  }
  return spans;
}

/** Text with its quotations blanked, so an attribution (or a narrated cue) is read from narration only. */
export function withoutQuotes(text: string): string {
  let out = '';
  let from = 0;
  for (const s of quoteSpans(text)) {
    out += `${text.slice(from, s.start)} `;
    from = s.end;
  }
  return out + text.slice(from);
}

/** The last speech verb before the quote with the words just before it ("Ellen Stutzman, the chief negotiator, told"). */
function verbBefore(before: string): string | undefined {
  const verb = [...before.matchAll(VERB_ANYWHERE)].at(-1);
  if (!verb) return undefined;
  const words = before.slice(0, verb.index).trim().split(/\s+/).slice(-NAME_WINDOW).join(' ');
  return words ? `${words} ${verb[0]}` : undefined;
}

/** The person named in an attribution, else the party; a lone pronoun means the last person named. */
function speakerIn(phrase: string, knowledge: Knowledge, entities: EntityIndex, lastSpeaker?: string): string | undefined {
  const words = tokenize(phrase);
  const hits = entities.find(words, { typos: false }).filter((h) => h.entity.kind !== 'proposal');
  const person = hits.find((h) => h.entity.kind === 'person');
  if (person) return person.entity.id;
  if (hits[0]) return hits[0].entity.id;
  if (lastSpeaker && words.some((w) => PRONOUN.test(w)) && knowledge.actor(lastSpeaker)) return lastSpeaker;
  return undefined;
}
