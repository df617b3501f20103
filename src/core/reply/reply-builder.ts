import type { Knowledge } from '../knowledge/knowledge.js';
import type { Block, Citation, Line, Reply, Visibility } from './reply.js';
import { renderPlainText } from './plain-text.js';

/** Builds a Reply while numbering the sources it cites, so every line can point at its sources. */
export class ReplyBuilder {
  private readonly blocks: Block[] = [];
  private readonly citations: Citation[] = [];
  private readonly numbers = new Map<string, number>();

  constructor(
    private readonly knowledge: Knowledge,
    private readonly command: string,
    private readonly title: string,
  ) {}

  /** Citation numbers for these source ids, adding any not cited yet. */
  cite(sourceIds: readonly string[]): number[] {
    return [...new Set(sourceIds)].map((id) => {
      const known = this.numbers.get(id);
      if (known) return known;
      const source = this.knowledge.sources.get(id);
      if (!source) throw new Error(`unknown source ${id}`); // the loader rejects such packs, so this is a bug
      const n = this.citations.length + 1;
      const via = source.via ? this.knowledge.sources.get(source.via)?.outlet : undefined;
      this.citations.push({ n, sourceId: id, outlet: source.outlet, title: source.title, date: source.date, ...(source.url ? { url: source.url } : {}), ...(via ? { via } : {}) });
      this.numbers.set(id, n);
      return n;
    });
  }

  line(text: string, sourceIds: readonly string[] = []): Line {
    return { text, cites: this.cite(sourceIds) };
  }

  heading(text: string): this {
    this.blocks.push({ kind: 'heading', text });
    return this;
  }

  text(text: string, sourceIds: readonly string[] = []): this {
    this.blocks.push({ kind: 'text', line: this.line(text, sourceIds) });
    return this;
  }

  list(items: Line[]): this {
    if (items.length > 0) this.blocks.push({ kind: 'list', items });
    return this;
  }

  fields(fields: { label: string; value: string; sources?: readonly string[] }[]): this {
    this.blocks.push({ kind: 'fields', fields: fields.map((f) => ({ label: f.label, value: f.value, cites: this.cite(f.sources ?? []) })) });
    return this;
  }

  quote(quote: string, attribution: string, sourceIds: readonly string[]): this {
    this.blocks.push({ kind: 'quote', quote, attribution, cites: this.cite(sourceIds) });
    return this;
  }

  notice(text: string): this {
    this.blocks.push({ kind: 'notice', text });
    return this;
  }

  divider(): this {
    this.blocks.push({ kind: 'divider' });
    return this;
  }

  build(options: { answered?: boolean; visibility?: Visibility; asOf?: string; more?: string } = {}): Reply {
    const reply: Omit<Reply, 'fallbackText'> = {
      command: this.command,
      title: this.title,
      blocks: this.blocks,
      citations: this.citations,
      visibility: options.visibility ?? 'private',
      answered: options.answered ?? true,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      ...(options.more ? { more: options.more } : {}),
    };
    return { ...reply, fallbackText: renderPlainText(reply) };
  }
}
