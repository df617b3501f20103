/** A line of text with the numbers of the citations that support it. */
export interface Line {
  text: string;
  cites: number[];
}

/** One piece of a reply; renderers map each kind to their own format. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; line: Line }
  | { kind: 'fields'; fields: { label: string; value: string; cites: number[] }[] }
  | { kind: 'list'; items: Line[] }
  | { kind: 'quote'; quote: string; attribution: string; cites: number[] }
  | { kind: 'notice'; text: string }
  | { kind: 'divider' };

/** A numbered reference to a source, as shown under a reply. */
export interface Citation {
  n: number;
  sourceId: string;
  outlet: string;
  title: string;
  date: string;
  url?: string;
  /** Outlet of the report through which this source is known, if any. */
  via?: string;
}

/** Who should see a reply: only the person who asked, or the whole channel. */
export type Visibility = 'private' | 'channel';

/** The platform-neutral answer every command returns; adapters render it as Block Kit, embeds or text. */
export interface Reply {
  /** The command that produced it ("status", "ask", ...). */
  command: string;
  title: string;
  blocks: Block[];
  citations: Citation[];
  /** Latest date the knowledge behind this reply covers (YYYY-MM-DD). */
  asOf?: string;
  visibility: Visibility;
  /** False when the bot declined: it did not know, or the input was not understood. */
  answered: boolean;
  /** A hint for a fuller version when a renderer must trim ("/strike timeline"). */
  more?: string;
  /** The whole reply as plain text, for notifications, screen readers and plain-text platforms. */
  fallbackText: string;
}
