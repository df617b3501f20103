import type { types } from '@slack/bolt';
import { citeMarks } from '../../core/reply/plain-text.js';
import type { Block, Citation, Reply } from '../../core/reply/reply.js';
import { formatDay } from '../../core/time/format-date.js';
import { escapeMrkdwn, fitAlreadyEscaped, fitEscaped, slackLink, splitEscaped } from './escape-mrkdwn.js';
import {
  MAX_BLOCK_TEXT_PER_MESSAGE,
  MAX_BLOCKS_PER_MESSAGE,
  MAX_CONTEXT_ELEMENTS,
  MAX_FALLBACK_TEXT,
  MAX_FIELD_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_FIELDS,
  MAX_SECTION_TEXT,
  blockTexts,
  type SlackMessage,
} from './slack-limits.js';

type KnownBlock = types.KnownBlock;

/** How much room a rendered reply may take; callers that add blocks of their own lower maxBlocks. */
export interface RenderOptions {
  maxBlocks?: number;
  maxBlockText?: number;
}

/** Citations listed under a reply; the rest are summarised with a pointer to /strike sources. */
export const MAX_CITATIONS_SHOWN = 12;
/** Characters of one citation in the sources line. */
export const MAX_CITATION_TEXT = 300;

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text });
const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });

/** Sections holding escaped text, split so none passes the section limit; Slack rejects empty ones, so none. */
function sections(escaped: string): KnownBlock[] {
  return splitEscaped(escaped, MAX_SECTION_TEXT)
    .filter((piece) => piece.trim().length > 0)
    .map(section);
}

/** Lines packed into as few sections as fit, each line whole unless it alone is too long. */
function packLines(lines: string[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  let current = '';
  for (const line of lines.flatMap((l) => splitEscaped(l, MAX_SECTION_TEXT)).filter((l) => l.trim().length > 0)) {
    if (current && current.length + 1 + line.length > MAX_SECTION_TEXT) {
      out.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(section(current));
  return out;
}

function renderBlock(block: Block): KnownBlock[] {
  switch (block.kind) {
    case 'heading':
      return block.text.trim() ? [section(`*${fitEscaped(block.text.trim(), MAX_SECTION_TEXT - 2)}*`)] : [];
    case 'text':
      return sections(escapeMrkdwn(block.line.text) + citeMarks(block.line.cites));
    case 'list':
      return packLines(block.items.map((i) => `• ${escapeMrkdwn(i.text)}${citeMarks(i.cites)}`));
    case 'quote':
      return sections(`_“${escapeMrkdwn(block.quote)}”_ — ${escapeMrkdwn(block.attribution)}${citeMarks(block.cites)}`);
    case 'notice':
      return [{ type: 'context', elements: [mrkdwn(fitEscaped(`⚠️ ${block.text}`, MAX_SECTION_TEXT))] }];
    case 'divider':
      return [{ type: 'divider' }];
    case 'fields': {
      const fields = block.fields.map((f) =>
        mrkdwn(fitAlreadyEscaped(`*${fitEscaped(f.label, 200)}*\n${escapeMrkdwn(f.value)}${citeMarks(f.cites)}`, MAX_FIELD_TEXT)),
      );
      const out: KnownBlock[] = [];
      for (let i = 0; i < fields.length; i += MAX_SECTION_FIELDS) out.push({ type: 'section', fields: fields.slice(i, i + MAX_SECTION_FIELDS) });
      return out;
    }
  }
}

/** "[2] <url|Outlet: Title>, Aug 4, 2023 (via Outlet)", kept under the citation cap. */
function citationText(c: Citation): string {
  const tail = `, ${formatDay(c.date)}${c.via ? ` (via ${escapeMrkdwn(c.via)})` : ''}`;
  const label = `${c.outlet}: ${c.title}`;
  const linked = `[${c.n}] ${slackLink(c.url, label)}${tail}`;
  if (linked.length <= MAX_CITATION_TEXT) return linked;
  // Too long with the link: drop it rather than cut through the link token.
  return fitAlreadyEscaped(`[${c.n}] ${escapeMrkdwn(label)}${tail}`, MAX_CITATION_TEXT);
}

/** Context blocks with the sources and the "as of" date, at most ten elements each. */
function sourcesContext(reply: Reply): KnownBlock[] {
  const elements: string[] = reply.citations.slice(0, MAX_CITATIONS_SHOWN).map(citationText);
  if (elements.length > 0) elements[0] = `Sources: ${elements[0]}`;
  const hidden = reply.citations.length - MAX_CITATIONS_SHOWN;
  if (hidden > 0) elements.push(`and ${hidden} more: /strike sources`);
  if (reply.asOf) elements.push(`As of ${formatDay(reply.asOf)}`);
  const out: KnownBlock[] = [];
  for (let i = 0; i < elements.length; i += MAX_CONTEXT_ELEMENTS) {
    out.push({ type: 'context', elements: elements.slice(i, i + MAX_CONTEXT_ELEMENTS).map(mrkdwn) });
  }
  return out;
}

function trimNotice(reply: Reply): KnownBlock {
  const where = reply.more ? `Ask for one part at a time: ${escapeMrkdwn(reply.more)}` : 'Ask a narrower question to see the rest.';
  return { type: 'context', elements: [mrkdwn(`✂️ Shortened to fit Slack. ${where}`)] };
}

const charsOf = (blocks: KnownBlock[]) => blocks.flatMap(blockTexts).reduce((n, t) => n + t.length, 0);

/**
 * Renders a neutral reply as Block Kit: a header, sections, fields and lists, then a context line with linked
 * sources and the "as of" date, plus an escaped plain-text fallback. Always within Slack's limits: long lists
 * are split over sections, and what does not fit in one message is cut with a pointer to `reply.more`.
 */
export function renderBlockKit(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const maxBlocks = options.maxBlocks ?? MAX_BLOCKS_PER_MESSAGE;
  const maxText = options.maxBlockText ?? MAX_BLOCK_TEXT_PER_MESSAGE;
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: fitEscaped(reply.title.trim() || 'Strikewire', MAX_HEADER_TEXT), emoji: true } };
  const tail = sourcesContext(reply);
  const body = reply.blocks.flatMap(renderBlock);
  const notice = trimNotice(reply);

  const fixedBlocks = 1 + tail.length;
  const fixedChars = charsOf([header, ...tail]);
  const everything = fixedBlocks + body.length <= maxBlocks && fixedChars + charsOf(body) <= maxText;
  let kept = body;
  if (!everything) {
    // Keep whole blocks in order while they fit beside the header, the sources and the trim notice.
    kept = [];
    let blocks = fixedBlocks + 1;
    let chars = fixedChars + charsOf([notice]);
    for (const block of body) {
      const size = charsOf([block]);
      if (blocks + 1 > maxBlocks || chars + size > maxText) break;
      kept.push(block);
      blocks += 1;
      chars += size;
    }
    // A divider left at the end of a cut reads as a dangling separator.
    while (kept.at(-1)?.type === 'divider') kept.pop();
    kept.push(notice);
  }
  const text = fitEscaped(reply.fallbackText.trim() || reply.title.trim() || 'Strikewire', MAX_FALLBACK_TEXT);
  return { text, blocks: [header, ...kept, ...tail] };
}
