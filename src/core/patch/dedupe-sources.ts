import type { Source } from '../knowledge/schema.js';
import type { Patch } from './patch-schema.js';

/** A patch source that is the same as one already known, and the id it now goes by. */
export interface SameSource {
  path: string;
  id: string;
  sameAs: string;
}

const normalUrl = (url: string) => url.trim().replace(/#.*$/, '').replace(/\/+$/, '').replace(/^(https?:\/\/)(www\.)?/i, (_, scheme: string) => scheme.toLowerCase()).toLowerCase();
const normalText = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const outletTitle = (s: { outlet?: string | null; title?: string | null }) => (s.outlet && s.title ? `${normalText(s.outlet)}\u0000${normalText(s.title)}` : undefined);

/** The known sources by URL and by outlet and title; built once per merge and kept up to date as sources are added. */
export class SourceIndex {
  readonly ids = new Set<string>();
  private readonly byUrl = new Map<string, string>();
  private readonly byTitle = new Map<string, string>();

  constructor(known: readonly Source[]) {
    known.forEach((s) => this.remember(s));
  }

  /** An independent copy, cheaper than reading every source's URL and title again. */
  copy(): SourceIndex {
    const copy = new SourceIndex([]);
    for (const id of this.ids) copy.ids.add(id);
    for (const [k, v] of this.byUrl) copy.byUrl.set(k, v);
    for (const [k, v] of this.byTitle) copy.byTitle.set(k, v);
    return copy;
  }

  remember(s: { id: string; url?: string | null; outlet?: string | null; title?: string | null }): void {
    this.ids.add(s.id);
    if (s.url) this.byUrl.set(normalUrl(s.url), s.id);
    const key = outletTitle(s);
    if (key) this.byTitle.set(key, s.id);
  }

  /** The known source this one is the same as, if any. */
  match(s: { url?: string | null; outlet?: string | null; title?: string | null }): string | undefined {
    return (s.url ? this.byUrl.get(normalUrl(s.url)) : undefined) ?? this.byTitle.get(outletTitle(s) ?? '');
  }
}

/**
 * Folds the patch's new sources into the ones already known: the same URL, or the same outlet and title, is one
 * source. The patch comes back with every reference to a folded source pointing at the known one; the merge
 * skips the folded entries (`same`).
 */
export function dedupeSources(index: SourceIndex, patch: Patch): { patch: Patch; same: SameSource[] } {
  if (!patch.sources || patch.sources.length === 0) return { patch, same: [] };
  const same: SameSource[] = [];
  patch.sources.forEach((s, i) => {
    const match = index.ids.has(s.id) ? undefined : index.match(s);
    if (match) {
      same.push({ path: `sources[${i}]`, id: s.id, sameAs: match });
      return;
    }
    index.remember(s);
  });
  if (same.length === 0) return { patch, same };
  const alias = new Map(same.map((s) => [s.id, s.sameAs]));
  // The folded entries stay in the list (the merge skips them) so problems still name the editor's own index.
  return { patch: rewrite(patch, alias) as Patch, same };
}

// Rewrites source ids wherever a patch refers to sources: every `sources` list and every `via`.
function rewrite(value: unknown, alias: Map<string, string>, key?: string): unknown {
  if (Array.isArray(value)) {
    if (key === 'sources') return value.map((v) => (typeof v === 'string' ? (alias.get(v) ?? v) : rewrite(v, alias)));
    return value.map((v) => rewrite(v, alias));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'via' && typeof v === 'string' ? (alias.get(v) ?? v) : rewrite(v, alias, k)]));
  }
  return value;
}
