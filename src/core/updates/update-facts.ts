
/** The ids an update's facts get in the merged pack; "update-" keeps them apart from the pack's own ids. */
export function factIds(updateId: number): { event: string; source: string; quote: string } {
  const base = `update-${updateId}`;
  return { event: base, source: `${base}-source`, quote: `${base}-quote` };
}

/** The update a source id belongs to ("update-7-source" -> 7), or undefined for the pack's own sources. */
export function updateIdOfSource(sourceId: string): number | undefined {
  const m = /^update-(\d+)-source$/.exec(sourceId);
  return m ? Number(m[1]) : undefined;
}

/** Strips the quote marks an editor may have typed, so the pack's own “ ” are not doubled. */
export function bareQuote(text: string): string {
  return text.trim().replace(/^["“”„«']+|["“”»']+$/g, '').trim();
}
