import { repeatedWording } from '../ingest/repeated-wording.js';
import { MAX_SHARED_RUN } from '../patch/copied-text.js';
import type { FieldProblem } from '../updates/update-error.js';
import type { FormValues } from './form-model.js';

// The inputs whose text the bot publishes as its own words; quotes are attributed and exempt.
const PUBLIC_TEXT = ['title', 'what', 'summary', 'outcome', 'description', 'role', 'other.detail'];

/**
 * Public text that repeats an article's wording for MAX_SHARED_RUN or more words in a row, named by its input:
 * another outlet's sentences never become the bot's own words. The evidence is what the article reader showed
 * the editor beside a drafted form. The same check as `desk apply` and `desk verify` (repeatedWording).
 */
export function copiedWording(values: FormValues, evidence: readonly string[]): FieldProblem[] {
  if (evidence.length === 0) return [];
  const article = evidence.join(' ');
  const problems: FieldProblem[] = [];
  for (const key of PUBLIC_TEXT) {
    const text = values[key];
    if (typeof text !== 'string') continue;
    const words = repeatedWording(text, article, MAX_SHARED_RUN);
    if (words) problems.push({ field: key, problem: `repeats the article’s wording for ${MAX_SHARED_RUN} or more words in a row (“${words}”); write it in your own words, or quote a speaker in the quote inputs` });
  }
  return problems;
}
