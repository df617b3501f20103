import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

// The word lists are language data, kept beside the code as text so they are easy to review and extend.
const lexiconFile = (name: string) => readFileSync(new URL(`./lexicon/${name}`, import.meta.url), 'utf8');

/**
 * Words that carry no topic of their own (see lexicon/everyday-words.txt). A question made only of these and
 * known terms can be answered; any other word is a topic the knowledge does not cover.
 */
export const GENERAL_WORDS: ReadonlySet<string> = new Set(
  lexiconFile('everyday-words.txt')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter(Boolean),
);

/** Everyday phrasings mapped to the knowledge's own words (see lexicon/synonyms.yaml). */
export const SYNONYMS: Readonly<Record<string, string>> = z.record(z.string(), z.string()).parse(parse(lexiconFile('synonyms.yaml')));

/** Idioms rewritten before matching, so their words are not read literally ("in the room" is not about writers' rooms). */
export const PHRASES: [RegExp, string][] = [
  [/\b(in|into) the room\b/g, 'at the meeting'],
  [/\b(sit|sat|sitting) down\b|\bsit-down\b/g, 'meeting'],
  [/\bnon starters?\b|\bnonstarters?\b/g, 'non-starter'],
  [/\bhow come\b/g, 'why'],
  [/\b(bring|bringing|brought|come|came|comes|coming) up\b/g, 'raised'],
  [/\b(come|came|comes|coming) out of\b/g, 'result of'],
  [/\bface[ -]to[ -]face\b/g, 'meeting'],
  [/\bbottom line\b/g, 'summary'],
  [/\bon the (calendar|books|schedule)\b/g, 'scheduled'],
  [/\bfact[ -]check\b/g, 'confirm'],
  [/\bchange things\b|\bchange anything\b/g, 'complicating'],
  [/\b(put|send|sent|putting) (anything|something|a statement|a message)? ?out\b/g, 'sent message'],
];
