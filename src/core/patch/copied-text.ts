import { repeatedWording } from '../ingest/repeated-wording.js';
import type { PatchProblem } from './patch-problem.js';
import type { Patch } from './patch-schema.js';

/** A run of this many words in a row taken from an article is copying, not a paraphrase. */
export const MAX_SHARED_RUN = 12;

/** One piece of text the bot would publish as its own words, by its path inside the patch. */
interface PublicText {
  path: string;
  text: string;
}

const text = (path: string, value: unknown): PublicText[] => (typeof value === 'string' && value.trim() ? [{ path, text: value }] : []);

/**
 * The patch's public text: event title/text/why, statement context, stance detail, history text, outcome text and
 * status note. Quotes are the speaker's own words in “ ” and are exempt.
 */
export function publicTexts(patch: Patch): PublicText[] {
  const out: PublicText[] = [];
  patch.events?.forEach((e, i) => out.push(...text(`events[${i}].title`, e.title), ...text(`events[${i}].text`, e.text), ...text(`events[${i}].why`, e.why)));
  patch.statements?.forEach((s, i) => out.push(...text(`statements[${i}].context`, s.context)));
  patch.proposals?.forEach((p, i) => {
    p.stances?.forEach((s, j) => out.push(...text(`proposals[${i}].stances[${j}].detail`, s.detail)));
    p.history?.forEach((h, j) => out.push(...text(`proposals[${i}].history[${j}].text`, h.text)));
    out.push(...text(`proposals[${i}].outcome.text`, p.outcome?.text));
  });
  patch.dispute?.statusHistory?.forEach((s, i) => out.push(...text(`dispute.statusHistory[${i}].note`, s.note)));
  return out;
}

/**
 * Each piece of public text that repeats the article's wording for MAX_SHARED_RUN or more words in a row, named
 * by its path with the repeated words: another outlet's sentences never become the bot's own words. Linear in
 * the texts' length (repeatedWording rolls hashes).
 */
export function copiedPublicText(patch: Patch, evidence: readonly string[]): PatchProblem[] {
  if (evidence.length === 0) return [];
  const article = evidence.join(' ');
  return publicTexts(patch).flatMap(({ path, text: value }) => {
    const words = repeatedWording(value, article, MAX_SHARED_RUN);
    return words ? [{ path, problem: `repeats the article’s wording for ${MAX_SHARED_RUN} or more words in a row (“${words}”); write it in your own words, or quote a speaker in a statement` }] : [];
  });
}
