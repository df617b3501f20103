import { normalizeText } from '../match/normalize-text.js';

/** Longest question ask reads; a longer paste is cut at the last whole word before it. */
export const MAX_QUESTION_CHARS = 500;
/** More parts than this in one message are read as one question: nobody asks six things at once. */
const MAX_PARTS = 4;

/** Cuts text to at most `max` characters without splitting a word (a single giant "word" is cut where it must be). */
export function clipAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const lastSpace = cut.search(/\s\S*$/);
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, max)).trimEnd();
}

// A new part starts where a question word or a yes/no verb follows a comma, semicolon, question mark or "and".
const QUESTION_START = '(?:who|whom|whose|what|whats|what\'s|when|where|why|how|which|did|does|do|is|are|was|were|has|have|will|can|could|any)\\b';
const SPLIT = new RegExp(`\\s*(?:[?;]+|,\\s*and\\b|,|\\band also\\b|\\band\\b|\\bplus\\b|\\balso\\b)\\s*(?=${QUESTION_START})`, 'gi');

/**
 * Splits a compound question into its parts ("where did they meet, who went, and how long did it go" -> three
 * questions), each to be answered or declined on its own. A clause with no question word stays with the one before.
 */
export function splitQuestion(text: string): string[] {
  const parts = text
    .split(SPLIT)
    .map((p) => p.replace(/^(and|also|plus)\s+/i, '').trim())
    // Mention syntax and markup alone ("<!here>") are no part of the question.
    .filter((p) => normalizeText(p).length > 0);
  if (parts.length <= 1 || parts.length > MAX_PARTS) return [text];
  return parts.map((p, i) => (BARE_QUESTION_WORD.test(p) ? sharedClause(p, parts[i + 1]) : p));
}

const BARE_QUESTION_WORD = /^(how|when|where|why|who|what)\W*$/i;

/** "How and when did the strike end?": a bare question word asks of the clause the next part asks of ("how did the strike end?"). */
function sharedClause(word: string, next: string | undefined): string {
  const clause = next?.replace(/^\s*(how|when|where|why|who|what)\b\s*/i, '');
  return clause && clause !== next ? `${word.replace(/\W+$/, '')} ${clause}` : word;
}
