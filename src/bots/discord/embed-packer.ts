import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS as L, type DiscordMessagePayload } from './discord-limits.js';
import { truncateText } from './escape-discord-text.js';

/** One piece of a rendered reply, already escaped: a line of description text or a field. */
export type EmbedSegment = { kind: 'line'; text: string } | { kind: 'field'; name: string; value: string; inline: boolean };

/** How to lay segments out: the titles, the footer parts and how many messages at most. */
export interface PackOptions {
  title: string;
  /** Title of the first embed of every later message, so a message read alone still says what it is. */
  continuedTitle: string;
  /** Footer of every message ("Information as of …"); part numbers are added when there are several. */
  footer?: string;
  /** Footer addition on the last message when segments had to be dropped. */
  shortenedNote: string;
  color: number;
  content?: string;
  maxMessages: number;
}

interface Draft {
  title?: string;
  lines: string[];
  descLength: number;
  fields: APIEmbedField[];
}

// Caps on caller-supplied footer parts, so the reserve below always leaves room for a full description.
const FOOTER_BASE_MAX = 500;
const SHORTENED_NOTE_MAX = 300;

/** Lays segments out in embeds and messages without breaking any Discord limit; long text is split, never rejected. */
export function packEmbeds(segments: readonly EmbedSegment[], options: PackOptions): DiscordMessagePayload[] {
  return new EmbedPacker(options).pack(segments);
}

class EmbedPacker {
  private readonly done: Draft[][] = [];
  private current: Draft[] = [];
  private used = 0;
  private stopped = false;
  private readonly budget: number;
  private readonly footerBase: string | undefined;
  private readonly note: string;

  constructor(private readonly options: PackOptions) {
    this.footerBase = options.footer === undefined ? undefined : truncateText(options.footer, FOOTER_BASE_MAX);
    this.note = truncateText(options.shortenedNote, SHORTENED_NOTE_MAX);
    // Every message keeps room for the longest footer it could get.
    this.budget = L.charactersPerMessage - this.footerText(99, 99, true).length;
    this.openEmbed(truncateText(options.title, L.title));
  }

  pack(segments: readonly EmbedSegment[]): DiscordMessagePayload[] {
    for (const s of segments) {
      if (this.stopped) break;
      if (s.kind === 'line') this.addLine(s.text);
      else this.addField(s.name, s.value, s.inline);
    }
    return this.finish();
  }

  private get embed(): Draft {
    return this.current[this.current.length - 1]!;
  }

  private startMessage(): void {
    this.done.push(this.current);
    this.current = [];
    this.used = 0;
    if (this.done.length >= this.options.maxMessages) {
      this.stopped = true;
      return;
    }
    this.openEmbed(truncateText(this.options.continuedTitle, L.title));
  }

  private openEmbed(title?: string): void {
    if (this.current.length >= L.embedsPerMessage) {
      this.startMessage();
      return;
    }
    this.current.push({ ...(title ? { title } : {}), lines: [], descLength: 0, fields: [] });
    this.used += title?.length ?? 0;
  }

  private addLine(text: string): void {
    for (const chunk of splitText(text, L.description)) {
      // A fresh embed in a fresh message always fits a chunk, so this ends within three turns.
      for (let turn = 0; !this.stopped; turn++) {
        const e = this.embed;
        if (chunk.trim() === '' && e.lines.length === 0) break; // no leading blank lines
        const need = chunk.length + (e.lines.length > 0 ? 1 : 0);
        if (turn > 3) throw new Error('embed packer could not place a chunk'); // a bug, not user input
        if (e.fields.length > 0 || e.descLength + need > L.description) {
          this.openEmbed();
          continue;
        }
        if (this.used + need > this.budget) {
          this.startMessage();
          continue;
        }
        e.lines.push(chunk);
        e.descLength += need;
        this.used += need;
        break;
      }
    }
  }

  private addField(rawName: string, rawValue: string, inline: boolean): void {
    const name = truncateText(rawName.trim() || '\u200b', L.fieldName);
    const chunks = splitText(rawValue.trim() || '\u200b', L.fieldValue);
    chunks.forEach((value, i) => {
      const fieldName = i === 0 ? name : truncateText(`${name} (continued)`, L.fieldName);
      for (let turn = 0; !this.stopped; turn++) {
        const need = fieldName.length + value.length;
        if (turn > 3) throw new Error('embed packer could not place a field');
        if (this.embed.fields.length >= L.fieldsPerEmbed) {
          this.openEmbed();
          continue;
        }
        if (this.used + need > this.budget) {
          this.startMessage();
          continue;
        }
        this.embed.fields.push({ name: fieldName, value, inline });
        this.used += need;
        break;
      }
    });
  }

  private footerText(part: number, total: number, shortened: boolean): string {
    const parts = [this.footerBase, total > 1 ? `part ${part} of ${total}` : undefined, shortened ? this.note : undefined];
    return parts.filter((p): p is string => Boolean(p)).join(' · ');
  }

  private finish(): DiscordMessagePayload[] {
    if (!this.stopped) this.done.push(this.current);
    const messages = this.done.map((drafts) => drafts.filter((d) => d.title || d.lines.length > 0 || d.fields.length > 0)).filter((m) => m.length > 0);
    return messages.map((drafts, i) => {
      const last = i === messages.length - 1;
      const footer = this.footerText(i + 1, messages.length, last && this.stopped);
      const embeds = drafts.map((d, j) => toEmbed(d, this.options.color, j === drafts.length - 1 ? footer : ''));
      const content = i === 0 && this.options.content ? truncateText(this.options.content, L.content) : undefined;
      return { ...(content ? { content } : {}), embeds };
    });
  }
}

function toEmbed(draft: Draft, color: number, footer: string): APIEmbed {
  const description = draft.lines.join('\n').trimEnd();
  return {
    ...(draft.title ? { title: draft.title } : {}),
    ...(description ? { description } : {}),
    ...(draft.fields.length > 0 ? { fields: draft.fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    color,
  };
}

/** Splits text into pieces of at most max characters, preferring line breaks, then spaces. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (cut < max / 2) cut = max;
    // Keep surrogate pairs and backslash escapes whole.
    if (/[\ud800-\udbff]/.test(rest.charAt(cut - 1))) cut -= 1;
    if (cut > 0 && rest.charAt(cut - 1) === '\\' && (rest.slice(0, cut).match(/\\+$/)?.[0].length ?? 0) % 2 === 1) cut -= 1;
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
