/** An article split into what the extractor reads: headline, dateline and sentences. */
export interface ArticleText {
  headline?: string;
  /** From a wire dateline such as "LOS ANGELES, Aug. 11 (Example Wire) —" or "LOS ANGELES, Aug. 23, 2023 - ". */
  dateline?: { place: string; dateText?: string; outlet?: string };
  sentences: string[];
}

// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'co', 'corp', 'ltd', 'gov', 'sen', 'rep', 'gen', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'u.s', 'u.k', 'l.a', 'e.g', 'i.e']);
/** Longer than every abbreviation: the look back for one stops here, so a 100,000-letter word costs nothing. */
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length)) + 1;
/** A dateline sits in the first line; reading more would only give the pattern room to backtrack. */
const DATELINE_WINDOW = 160;

// One optional space between parts (never two adjacent \s*): matching stays linear on runs of spaces.
const DATELINE = /^([A-Z][A-Z.'-]*(?: [A-Z.'-]+){0,5}),? ?((?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)? ?(?:\(([^()]{2,60})\))? ?[—–-]{1,2} ?/;

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isWordChar = (ch: string) => /[A-Za-z.]/.test(ch);

/** The letters and dots just before `end` (lower case), or '' when they run longer than any abbreviation. */
function abbreviationBefore(text: string, start: number, end: number): string {
  let from = end;
  while (from > start && end - from <= LONGEST_ABBREVIATION && isWordChar(text[from - 1]!)) from--;
  if (end - from > LONGEST_ABBREVIATION) return '';
  return text.slice(from, end).toLowerCase();
}

/** Splits text into sentences, keeping a quotation that runs over several sentences together with its attribution. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let inCurly = 0;
  let inStraight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“') inCurly++;
    else if (ch === '”') inCurly = Math.max(0, inCurly - 1);
    else if (ch === '"') inStraight = !inStraight;
    if (!'.!?'.includes(ch) || inCurly > 0 || inStraight) continue;
    // Closing quotes and brackets belong to the sentence they end.
    let end = i + 1;
    while (end < text.length && '”"’)'.includes(text[end]!)) end++;
    if (end < text.length && !isSpace(text[end])) continue;
    // Each run of spaces is skipped by the one stop before it, so this stays linear.
    let next = end;
    while (isSpace(text[next])) next++;
    if (next < text.length && !/[A-Z“"‘(\d]/.test(text[next]!)) continue;
    const word = abbreviationBefore(text, start, i);
    if (ch === '.' && (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word))) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Paragraphs: runs of lines separated by blank lines (a linear scan instead of splitting on /\n\s*\n/). */
function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}

/** The wire dateline at the start of a body, and how many characters it takes. */
export function readDateline(body: string): { dateline: NonNullable<ArticleText['dateline']>; length: number } | undefined {
  const m = DATELINE.exec(body.slice(0, DATELINE_WINDOW));
  if (!m || !(m[2] || m[3])) return undefined;
  const dateline = { place: m[1]!.trim(), ...(m[2] ? { dateText: m[2] } : {}), ...(m[3] ? { outlet: m[3].trim() } : {}) };
  return { dateline, length: m[0].length };
}

/**
 * Reads plain article text: a first short line without a full stop is the headline; a wire dateline at the start
 * of the body names the place, often the date and the outlet; the rest is split into sentences.
 */
export function readArticle(raw: string): ArticleText {
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
  const lines = text.split('\n');
  const firstAt = lines.findIndex((l) => l.trim() !== '');
  const first = firstAt === -1 ? '' : lines[firstAt]!.trim();
  const isHeadline = first.length > 0 && first.length <= 200 && !/[.!?]["”]?$/.test(first) && lines.slice(firstAt + 1).some((l) => l.trim() !== '');
  const bodyLines = isHeadline ? lines.slice(firstAt + 1) : lines;
  const firstBody = bodyLines.findIndex((l) => l.trim() !== '');
  let dateline: ArticleText['dateline'];
  if (firstBody !== -1) {
    const line = bodyLines[firstBody]!.replace(/\s+/g, ' ').trim();
    const found = readDateline(line);
    if (found) {
      dateline = found.dateline;
      bodyLines[firstBody] = line.slice(found.length);
    }
  }
  // Paragraph breaks end sentences even without a full stop (subheads, bylines).
  const sentences = paragraphsOf(bodyLines)
    .flatMap((paragraph) => splitSentences(paragraph.replace(/\s+/g, ' ')))
    .filter((s) => /[A-Za-z]/.test(s));
  return { ...(isHeadline ? { headline: first } : {}), ...(dateline ? { dateline } : {}), sentences };
}
