/** Lower-cases, folds curly quotes and accents, drops chat markup, and keeps words, digits, apostrophes and hyphens. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/<[@#!][^>]*>/g, ' ') // Slack mention and channel syntax
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/[^\p{L}\p{N}'\-\s]/gu, ' ')
    .replace(/'s\b/g, '')
    .replace(/(^|\s)['\-]+|['\-]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of normalized text. */
export function tokenize(input: string): string[] {
  const text = normalizeText(input);
  return text ? text.split(' ') : [];
}
