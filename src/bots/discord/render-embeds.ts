import type { Block, Citation, Reply } from '../../core/reply/reply.js';
import { citeMarks } from '../../core/reply/plain-text.js';
import { formatDay } from '../../core/time/format-date.js';
import { DISCORD_LIMITS, MAX_MESSAGES_PER_REPLY, type DiscordMessagePayload } from './discord-limits.js';
import { packEmbeds, type EmbedSegment } from './embed-packer.js';
import { escapeDiscordText, escapeLinkLabel, linkTarget, truncateText } from './escape-discord-text.js';

export type { DiscordMessagePayload } from './discord-limits.js';

/** Embed colours: answers in blue, declines ("I don't know", unknown names) in grey. */
export const EMBED_COLORS = { answered: 0x2f6fb3, declined: 0x7a8391 } as const;

const CONTINUED = ' (continued)';
// Fields this short sit side by side; longer ones take the full width.
const INLINE_LABEL_MAX = 40;
const INLINE_VALUE_MAX = 60;

/** Options for rendering: plain content above the first embed (a "Shared by" line, a digest heading). */
export interface RenderOptions {
  content?: string;
}

/**
 * Renders a neutral reply as Discord messages: embeds with title, description, fields, linked sources and an
 * "as of" footer, split over as many embeds and messages as Discord's limits require (see discord-limits.ts).
 */
export function renderDiscordMessages(reply: Reply, options: RenderOptions = {}): DiscordMessagePayload[] {
  // Discord rejects an embed with nothing in it; a blank title would leave an empty reply empty.
  const title = escapeDiscordText(reply.title.trim() || 'Strikewire');
  const segments = [...reply.blocks.flatMap(blockSegments), ...sourceSegments(reply.citations)];
  return packEmbeds(segments, {
    title,
    continuedTitle: `${truncateText(title, DISCORD_LIMITS.title - CONTINUED.length)}${CONTINUED}`,
    ...(reply.asOf ? { footer: `Information as of ${formatDay(reply.asOf)}` } : {}),
    shortenedNote: reply.more ? `Shortened to fit Discord; see also ${reply.more}` : 'Shortened to fit Discord',
    color: reply.answered ? EMBED_COLORS.answered : EMBED_COLORS.declined,
    ...(options.content ? { content: options.content } : {}),
    maxMessages: MAX_MESSAGES_PER_REPLY,
  });
}

const line = (text: string): EmbedSegment => ({ kind: 'line', text });

function blockSegments(block: Block): EmbedSegment[] {
  switch (block.kind) {
    case 'heading':
      return [line(''), line(`**${escapeDiscordText(block.text)}**`)];
    case 'text':
      return [line(escapeDiscordText(block.line.text) + citeMarks(block.line.cites))];
    case 'list':
      return block.items.map((i) => line(`• ${escapeDiscordText(i.text)}${citeMarks(i.cites)}`));
    case 'fields':
      return block.fields.map((f) => ({
        kind: 'field',
        name: escapeDiscordText(f.label),
        value: escapeDiscordText(f.value) + citeMarks(f.cites),
        inline: f.label.length <= INLINE_LABEL_MAX && f.value.length <= INLINE_VALUE_MAX,
      }));
    case 'quote': {
      const quoted = escapeDiscordText(block.quote).replace(/\n/g, '\n> ');
      return [line(`> ${quoted}\n> — ${escapeDiscordText(block.attribution)}${citeMarks(block.cites)}`)];
    }
    case 'notice':
      return [line(`⚠️ ${escapeDiscordText(block.text)}`)];
    case 'divider':
      return [line('')];
  }
}

/** "\[1\] [Title](url) · Outlet, Aug 4, 2023 (via …)": one line per source, linked when it has a URL. */
function sourceSegments(citations: readonly Citation[]): EmbedSegment[] {
  if (citations.length === 0) return [];
  return [
    line(''),
    line('**Sources**'),
    ...citations.map((c) => {
      const target = c.url ? linkTarget(c.url) : undefined;
      const title = target ? `[${escapeLinkLabel(c.title)}](${target})` : escapeDiscordText(c.title);
      const via = c.via ? ` (via ${escapeDiscordText(c.via)})` : '';
      return line(`\\[${c.n}\\] ${title} · ${escapeDiscordText(c.outlet)}, ${formatDay(c.date)}${via}`);
    }),
  ];
}
