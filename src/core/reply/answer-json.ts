import type { Reply } from './reply.js';

/** The machine-readable form of an answer: what `cli ask --json` prints and the eval scores. */
export interface AnswerJson {
  answered: boolean;
  text: string;
  citations: { sourceId: string; outlet: string; title: string; date: string; url?: string }[];
}

/** The answer's sentences without title or source list, plus its citations. */
export function toAnswerJson(reply: Reply): AnswerJson {
  const text = reply.blocks
    .flatMap((b) => (b.kind === 'text' ? [b.line.text] : b.kind === 'list' ? b.items.map((i) => i.text) : b.kind === 'quote' ? [`${b.quote} (${b.attribution})`] : []))
    .join(' ');
  return {
    answered: reply.answered,
    text,
    citations: reply.citations.map((c) => ({ sourceId: c.sourceId, outlet: c.outlet, title: c.title, date: c.date, ...(c.url ? { url: c.url } : {}) })),
  };
}
