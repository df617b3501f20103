import type { Reply } from '../../core/reply/reply.js';
import { wrapText } from './wrap-text.js';

const BOLD = '\u001b[1m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

/**
 * Renders a reply for a terminal: the plain-text fallback, wrapped between words at `width` columns when given,
 * with bold headings when colour is on.
 */
export function renderTerminal(reply: Reply, options: { color: boolean; width?: number }): string {
  // Content never carries escape codes (input is cleaned), so the only ones printed are ours.
  const clean = reply.fallbackText.replace(/\u001b/g, '');
  // Wrapped before colouring: escape codes take no columns.
  const text = options.width ? wrapText(clean, options.width) : clean;
  if (!options.color) return text;
  const lines = text.split('\n');
  const headings = new Set(reply.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text.toUpperCase()] : [])));
  return lines
    .map((line, i) => {
      if (i === 0 || headings.has(line)) return `${BOLD}${line}${RESET}`;
      if (line === 'Sources:' || line.startsWith('[') || line.startsWith('Information as of')) return `${DIM}${line}${RESET}`;
      return line;
    })
    .join('\n');
}
