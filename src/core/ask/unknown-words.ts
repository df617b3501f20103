import { AGENT_VERB_WORDS } from './general-words.js';

/**
 * What an unknown word (one the knowledge, the lexicon and typo correction all miss) is doing in a question.
 * - `name`: it names someone or something ("who is ted sarandos", "what did iger say"): the knowledge lacks it.
 * - `focus`: it is the thing asked about ("position on ai", "have for lunch", "the weather in LA").
 * - `place`: a place the asker guesses ("did they meet in culver city"): the answer's own place corrects it.
 * - `evidence`: an everyday word around known things ("did the guild blame the studios"): it weighs against an answer.
 */
export type UnknownRole = 'name' | 'focus' | 'place' | 'evidence';

/** An unknown word, where it stands in the question and what it is doing there. */
export interface UnknownWord {
  word: string;
  index: number;
  role: UnknownRole;
}

const NAME_BEFORE = /(^|\s)(who is|who s|whos|who r|who are|who was|who's|profile of|tell me about|about)( the| a| an)?$/;
// "did iatse walk out": an unknown subject right after the opening verb of a yes/no question.
const SUBJECT_BEFORE = /^(did|does|do|is|are|was|were|has|have|will|would|can|could|so did|and did)$/;
const DETERMINERS = new Set(['the', 'this', 'that', 'their', 'its', 'his', 'her', 'our', 'your']);
const FOCUS_BEFORE = new Set(['about', 'on', 'regarding', 're', 'for', 'with', 'over']);
const PLACE_BEFORE = new Set(['in', 'at', 'as']);
const OPENING = /^(what is|what s|whats|what's|what are|what was|how is|how s|hows|how's) (the |a |an |your )?$/;
const MEETING_WORDS = /\b(meet|met|meeting|meetings|held|happen|happened|took place|where)\b/;

/**
 * Assigns each unknown word its role from the words around it. `isContent(i)` says whether word i is a name or a
 * known term (not a general word); only the unknown positions are classified.
 */
export function classifyUnknown(words: string[], unknownAt: number[], isContent: (i: number) => boolean, text: string): UnknownWord[] {
  const unknownSet = new Set(unknownAt);
  let lastContent = -1;
  words.forEach((w, i) => {
    if (isContent(i) || (unknownSet.has(i) && !GENERAL_TAIL.has(w))) lastContent = i;
  });
  const aboutMeeting = MEETING_WORDS.test(text);
  const extra: UnknownWord[] = [];
  const roles = unknownAt.map((i): UnknownWord => {
    const word = words[i]!;
    const before = words.slice(0, i).join(' ');
    const prev = words[i - 1] ?? '';
    const inRun = unknownSet.has(i - 1) || unknownSet.has(i + 1);
    const runStart = (() => {
      let j = i;
      while (unknownSet.has(j - 1)) j--;
      return j;
    })();
    const prevOfRun = words[runStart - 1] ?? '';
    if (aboutMeeting && (PLACE_BEFORE.has(prev) || PLACE_BEFORE.has(prevOfRun))) return { word, index: i, role: 'place' };
    // "in beverly hills": "beverly" reads as an adverb and was skipped, but it is the first half of the place.
    if (aboutMeeting && PLACE_BEFORE.has(words[runStart - 2] ?? '') && !isContent(runStart - 1) && !unknownSet.has(runStart - 1)) {
      if (runStart === i) extra.push({ word: prevOfRun, index: i - 1, role: 'place' });
      return { word, index: i, role: 'place' };
    }
    const before0 = words.slice(0, runStart).join(' ');
    // "the dga contract", "the directors guild": an unknown word qualifying a known one says which one, and the knowledge lacks it.
    const qualifies = DETERMINERS.has(prevOfRun) && isContent(i + 1);
    if (NAME_BEFORE.test(before0) || SUBJECT_BEFORE.test(before0) || AGENT_VERB_WORDS.has(words[i + 1] ?? '') || inRun || qualifies) return { word, index: i, role: 'name' };
    if (FOCUS_BEFORE.has(prevOfRun) || OPENING.test(before ? `${before} ` : '') || i === lastContent) return { word, index: i, role: 'focus' };
    return { word, index: i, role: 'evidence' };
  });
  return [...extra, ...roles].sort((a, b) => a.index - b.index);
}

// Trailing words that close a question without being its topic ("... right", "... these days").
const GENERAL_TAIL = new Set(['right', 'now', 'days', 'lol', 'though', 'anyway', 'again', 'too', 'tho', 'pls', 'please', 'yet']);
