import { tokenize } from '../match/normalize-text.js';
import type { FieldProblem } from '../updates/update-error.js';
import type { FormValues } from './form-model.js';

/** A run of this many words in a row taken from an article is copying, not a paraphrase. */
export const MAX_SHARED_RUN = 12;

// The inputs whose text the bot publishes as its own words; quotes are attributed and exempt.
const PUBLIC_TEXT = ['title', 'what', 'summary', 'outcome', 'description', 'role', 'other.detail'];

/** The runs of MAX_SHARED_RUN words in a text, joined: linear in the text's length. */
function runs(words: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i + MAX_SHARED_RUN <= words.length; i++) found.add(words.slice(i, i + MAX_SHARED_RUN).join(' '));
  return found;
}

/**
 * Public text that repeats an article's wording for MAX_SHARED_RUN or more words in a row, named by its input:
 * another outlet's sentences never become the bot's own words. The evidence is what the article reader showed
 * the editor beside a drafted form.
 */
export function copiedWording(values: FormValues, evidence: readonly string[]): FieldProblem[] {
  if (evidence.length === 0) return [];
  const article = new Set(evidence.flatMap((s) => [...runs(tokenize(s))]));
  const problems: FieldProblem[] = [];
  for (const key of PUBLIC_TEXT) {
    const text = values[key];
    if (typeof text !== 'string') continue;
    const words = tokenize(text);
    for (let i = 0; i + MAX_SHARED_RUN <= words.length; i++) {
      if (!article.has(words.slice(i, i + MAX_SHARED_RUN).join(' '))) continue;
      problems.push({ field: key, problem: `repeats the article’s wording for ${MAX_SHARED_RUN} or more words in a row; write it in your own words, or quote a speaker in the quote inputs` });
      break;
    }
  }
  return problems;
}
