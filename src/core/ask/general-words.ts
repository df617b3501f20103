import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readYamlFile } from '../knowledge/read-yaml-file.js';

// The word lists are language data, kept beside the code as text so they are easy to review and extend.
/** One of the lexicon's text files. */
export const lexiconFile = (name: string): string => readFileSync(new URL(`./lexicon/${name}`, import.meta.url), 'utf8');

function readLexiconYaml(name: string): unknown {
  const read = readYamlFile(fileURLToPath(new URL(`./lexicon/${name}`, import.meta.url)));
  if (!read.ok) throw new Error(`lexicon/${name} line ${read.errors[0]?.line}: ${read.errors[0]?.message}`);
  return read.value;
}

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
export const SYNONYMS: Readonly<Record<string, string>> = z.record(z.string(), z.string()).parse(readLexiconYaml('synonyms.yaml'));

/** Verbs that, right after a name, make it the one acting ("what did Lombardini *say*"). */
export const AGENT_VERB_WORDS: ReadonlySet<string> = new Set(
  'say said says saying think thinks thought want wants wanted tell told respond responded react reacted call called feel feels offer offered propose proposed demand demanded ask asked claim claimed do did doing answer answered reply replied write wrote'.split(' '),
);

/** Idioms rewritten before matching, so their words are not read literally ("in the room" is not about writers' rooms). */
export const PHRASES: [RegExp, string][] = [
  // Contractions and chat shorthand first, so every later rule and the word lists see plain words.
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'can not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\b(\w+)'(d|ve|re|ll|m)\b/g, '$1'],
  [/\brn\b/g, 'now'],
  [/\b(tmrw|tmr|tmrow|tomoz)\b/g, 'tomorrow'],
  [/\b(who|what|where|when|how) r\b/g, '$1 are'],
  [/\bu\b/g, 'you'],
  [/\b(in|into) the room\b/g, 'at the meeting'],
  // "the first time they've talked since the walkout": what is asked about is a first meeting, the walkout only dates it.
  [/\bfirst time (\w+ ){0,3}since\b|\b1st time (\w+ ){0,3}since\b/g, 'first meeting since'],
  [/\b(got|have|has) to do with\b/g, 'role in'],
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
  [/\b(fall|fell|falling|falls|fallen|came|come|coming) apart\b/g, 'broke down'],
  // "what's the mayor's deal": what she did about it, not who she is.
  [/\b(what|whats|what is) (the )?(?!the\b|a\b|big\b)(\w+) deal\b/g, 'what did the $3 do'],
  // "pushing back on the rumors": answering them, not returning anywhere.
  [/\bpush(ing|ed|es)? back (on|against|at)\b/g, 'responding to'],
  [/\bpush ?back\b/g, 'response'],
  [/\b(put|send|sent|putting) (anything|something|a statement|a message)? ?out\b/g, 'sent message'],
];
