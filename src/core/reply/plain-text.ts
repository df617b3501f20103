import { safeLink } from './safe-link.js';
import { formatDay } from '../time/format-date.js';
import type { Block, Citation, Reply } from './reply.js';

/** "[1, 2]" after a line, numbers in order and once each, or nothing when the line cites nothing. */
export function citeMarks(cites: readonly number[]): string {
  const ordered = [...new Set(cites)].sort((a, b) => a - b);
  return ordered.length > 0 ? ` [${ordered.join(', ')}]` : '';
}

/** One source as a reader sees it: outlet, title, date, via and link. */
export function describeCitation(c: Citation): string {
  const via = c.via ? ` (via ${c.via})` : '';
  // Only http(s) addresses are shown; a javascript: or data: "source" is not a link anyone should follow.
  const link = safeLink(c.url);
  const url = link ? ` ${link.href}` : '';
  return `[${c.n}] ${c.outlet}: ${c.title}, ${formatDay(c.date)}${via}${url}`;
}

function blockText(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return ['', block.text.toUpperCase()];
    case 'text':
      return [block.line.text + citeMarks(block.line.cites)];
    case 'list':
      return block.items.map((i) => `• ${i.text}${citeMarks(i.cites)}`);
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}${citeMarks(f.cites)}`);
    case 'quote':
      return [`${block.quote} (${block.attribution})${citeMarks(block.cites)}`];
    case 'notice':
      return [`Note: ${block.text}`];
    case 'divider':
      return [''];
  }
}

/** The whole reply as plain text: the fallback every platform gets, and what the shell prints. */
export function renderPlainText(reply: Omit<Reply, 'fallbackText'>): string {
  const lines = [reply.title, ...reply.blocks.flatMap(blockText)];
  if (reply.citations.length > 0) lines.push('', 'Sources:', ...reply.citations.map(describeCitation));
  if (reply.asOf) lines.push('', `Information as of ${formatDay(reply.asOf)}.`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}
