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

/**
 * Folds the patch's new sources into the ones already known: the same URL, or the same outlet and title, is one
 * source. The patch comes back with every reference to a folded source pointing at the known one; the merge
 * skips the folded entries (`same`).
 */
export function dedupeSources(known: readonly Source[], patch: Patch): { patch: Patch; same: SameSource[] } {
  if (!patch.sources || patch.sources.length === 0) return { patch, same: [] };
  const ids = new Set(known.map((s) => s.id));
  const byUrl = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const remember = (s: { id: string; url?: string | null; outlet?: string | null; title?: string | null }) => {
    if (s.url) byUrl.set(normalUrl(s.url), s.id);
    const key = outletTitle(s);
    if (key) byTitle.set(key, s.id);
  };
  known.forEach(remember);
  const same: SameSource[] = [];
  patch.sources.forEach((s, i) => {
    const match = ids.has(s.id) ? undefined : ((s.url ? byUrl.get(normalUrl(s.url)) : undefined) ?? byTitle.get(outletTitle(s) ?? ''));
    if (match) {
      same.push({ path: `sources[${i}]`, id: s.id, sameAs: match });
      return;
    }
    remember(s);
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
