/** An article split into what the extractor reads: headline, dateline and sentences. */
export interface ArticleText {
  headline?: string;
  /** From a wire dateline such as "LOS ANGELES, Aug. 11 (Example Wire) —". */
  dateline?: { place: string; dateText?: string; outlet?: string };
  sentences: string[];
}

// Words that end in a full stop without ending a sentence.
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'co', 'corp', 'ltd', 'gov', 'sen', 'rep', 'gen', 'jan', 'feb', 'mar', 'apr', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec', 'a.m', 'p.m', 'u.s', 'u.k', 'l.a', 'e.g', 'i.e']);

const DATELINE = /^([A-Z][A-Z .'-]{1,40}?)(?:,\s*((?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?\s*(?:\(([^)]{2,60})\))?\s*[—–-]{1,2}\s*/;

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
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    const next = text.slice(end).trimStart()[0];
    if (next !== undefined && !/[A-Z“"‘(\d]/.test(next)) continue;
    const word = /([A-Za-z.]+)$/.exec(text.slice(start, i))?.[1]?.toLowerCase() ?? '';
    if (ch === '.' && (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word))) continue;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
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
  let body = (isHeadline ? lines.slice(firstAt + 1) : lines).join('\n').trim();
  let dateline: ArticleText['dateline'];
  const m = DATELINE.exec(body);
  if (m && (m[2] || m[3])) {
    dateline = { place: m[1]!.trim(), ...(m[2] ? { dateText: m[2] } : {}), ...(m[3] ? { outlet: m[3].trim() } : {}) };
    body = body.slice(m[0].length);
  }
  // Paragraph breaks end sentences even without a full stop (subheads, bylines).
  const sentences = body
    .split(/\n\s*\n/)
    .flatMap((paragraph) => splitSentences(paragraph.replace(/\s+/g, ' ')))
    .filter((s) => /[A-Za-z]/.test(s));
  return { ...(isHeadline ? { headline: first } : {}), ...(dateline ? { dateline } : {}), sentences };
}
