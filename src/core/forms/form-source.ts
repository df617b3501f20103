import { normalizeText } from '../match/normalize-text.js';
import type { FieldProblem } from '../updates/update-error.js';
import { sourceChoices, sourceKindChoices } from './form-choices.js';
import { newId } from './form-ids.js';
import { textOf, type FormContext, type FormField, type FormValues } from './form-model.js';

/** Keys of the source inputs every form ends with. */
export const SOURCE = {
  existing: 'source.existing',
  outlet: 'source.outlet',
  title: 'source.title',
  url: 'source.url',
  kind: 'source.kind',
  date: 'source.date',
} as const;

/** The source inputs: cite a known source again, or name a new one (outlet, title, address, kind, its own date). */
export function sourceFields(ctx: FormContext): FormField[] {
  return [
    { key: SOURCE.existing, label: 'Source already cited', kind: 'select', required: false, choices: sourceChoices(ctx.knowledge), hint: 'Or leave empty and name a new source below.' },
    { key: SOURCE.outlet, label: 'New source: outlet', kind: 'text', required: false, max: 100, placeholder: 'Pacific Labor Wire' },
    { key: SOURCE.title, label: 'New source: title', kind: 'text', required: false, max: 200 },
    { key: SOURCE.url, label: 'New source: web address', kind: 'url', required: false, max: 500 },
    { key: SOURCE.kind, label: 'New source: kind', kind: 'select', required: false, choices: sourceKindChoices(), initial: 'press' },
    { key: SOURCE.date, label: 'New source: published', kind: 'date', required: false, hint: 'YYYY-MM-DD; the fact’s date when empty.' },
  ];
}

/** The source a submission cites: its id, and the new entry when it is new. */
export type SourcePick = { ok: true; id: string; entry?: Record<string, unknown> } | { ok: false; problem: FieldProblem };

/**
 * Reads the source inputs. A chosen known source is cited as is; a new one that matches a known source by web
 * address, or by outlet and title, is that source (the same report is one source); otherwise it becomes a new
 * source dated by its own publication date, or by the fact's date when none is given.
 */
export function pickSource(values: FormValues, ctx: FormContext, taken: Set<string>, factDate: string): SourcePick {
  const existing = textOf(values, SOURCE.existing);
  if (existing) return { ok: true, id: existing };
  const outlet = textOf(values, SOURCE.outlet);
  const title = textOf(values, SOURCE.title);
  const url = textOf(values, SOURCE.url);
  if (!outlet && !title && !url) return { ok: false, problem: { field: SOURCE.outlet, problem: 'every fact needs a source: choose one already cited, or give a new one’s outlet and title' } };
  const sources = [...ctx.knowledge.sources.values()];
  const sameUrl = url ? sources.find((s) => s.url === url) : undefined;
  if (sameUrl) return { ok: true, id: sameUrl.id };
  const key = (a: string, b: string) => `${normalizeText(a)}|${normalizeText(b)}`;
  const sameTitle = outlet && title ? sources.find((s) => key(s.outlet, s.title) === key(outlet, title)) : undefined;
  if (sameTitle) return { ok: true, id: sameTitle.id };
  if (!outlet) return { ok: false, problem: { field: SOURCE.outlet, problem: 'name the outlet of the new source' } };
  if (!title) return { ok: false, problem: { field: SOURCE.title, problem: 'give the title of the new source' } };
  const date = textOf(values, SOURCE.date) ?? factDate;
  const id = newId(`${outlet} ${title}`, taken, 'source');
  return { ok: true, id, entry: { id, outlet, title, date, kind: textOf(values, SOURCE.kind) ?? 'press', ...(url ? { url } : {}) } };
}

/** Which form input a patch path about the new source belongs to ("sources[0].url" → the address input). */
export function sourceFieldOf(path: string): string | undefined {
  const m = /^sources\[\d+\]\.?(\w*)/.exec(path);
  if (!m) return undefined;
  const field = m[1] ?? '';
  return field === 'url' ? SOURCE.url : field === 'title' ? SOURCE.title : field === 'date' ? SOURCE.date : field === 'kind' ? SOURCE.kind : SOURCE.outlet;
}
