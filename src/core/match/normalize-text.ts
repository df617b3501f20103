const EDGE_MARKS = "'-";

/** A word without the apostrophes and hyphens at its ends; index loops, as /['-]+$/ backtracks on long runs. */
function trimEdgeMarks(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && EDGE_MARKS.includes(word[start]!)) start++;
  while (end > start && EDGE_MARKS.includes(word[end - 1]!)) end--;
  return word.slice(start, end);
}

/**
 * Drops Slack mention and channel tokens (`<@U1>`, `<#C1|general>`, `<!here>`): each opener up to the first `>`.
 * Once no `>` follows, no later opener can close either, so this stops there instead of rescanning per opener.
 */
export function dropMentionTokens(text: string): string {
  const opener = /<[@#!]/g;
  let out = '';
  let from = 0;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const close = text.indexOf('>', m.index + 2);
    if (close === -1) break;
    out += `${text.slice(from, m.index)} `;
    from = close + 1;
    opener.lastIndex = from;
  }
  return out + text.slice(from);
}

/** Lower-cases, folds curly quotes and accents, drops chat markup, and keeps words, digits, apostrophes and hyphens. */
export function normalizeText(input: string): string {
  const text = dropMentionTokens(input.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[‘’`]/g, "'"))
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/[^\p{L}\p{N}'\-\s]/gu, ' ')
    .replace(/'s\b/g, '');
  // Apostrophes and hyphens at a word's edges are punctuation, not part of the word.
  return text.split(/\s+/).map(trimEdgeMarks).filter(Boolean).join(' ');
}

/** Words of normalized text. */
export function tokenize(input: string): string[] {
  const text = normalizeText(input);
  return text ? text.split(' ') : [];
}
