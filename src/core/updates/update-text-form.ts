import { STATUS_WORDS } from '../commands/status.js';
import { stanceLabel } from '../commands/stance-words.js';
import type { CommandContext } from '../commands/command-spec.js';
import { findDates } from '../ingest/article-dates.js';
import { DisputeStatus, SourceKind, StanceKind, type DisputeStatusName, type StanceKindName } from '../knowledge/schema.js';
import { normalizeText } from '../match/normalize-text.js';
import { utcDay } from '../time/format-date.js';
import type { FieldProblem } from './update-error.js';
import type { EditorUpdate } from './update-schema.js';

/**
 * The update form as five plain text fields, for platforms whose forms only take text (Discord modals):
 *   story      "Headline" on the first line, what happened below it
 *   when       "2023-08-11", optionally followed by "met" and/or "unverified"
 *   proposals  "mini rooms, guaranteed weeks; AMPTP rejects; status tentative agreement"
 *   quote      "Carol Lombardini: We came with real numbers."
 *   source     "Outlet | Title | press | https://..."
 */
export interface UpdateTextForm {
  story: string;
  when: string;
  proposals: string;
  quote: string;
  source: string;
}

/** The field of the text form each update field is typed into, so a problem can point at it. */
export const TEXT_FORM_FIELD: Record<string, keyof UpdateTextForm> = {
  title: 'story',
  what: 'story',
  date: 'when',
  contact: 'when',
  unverified: 'when',
  proposals: 'proposals',
  stance: 'proposals',
  status: 'proposals',
  quote: 'quote',
  source: 'source',
};

/** Which text field a problem belongs to. */
export function textFieldOf(field: string): keyof UpdateTextForm {
  return TEXT_FORM_FIELD[field.split(/[.[]/)[0] ?? ''] ?? 'story';
}

const STANCE_WORDS: [string, StanceKindName][] = StanceKind.options.flatMap((s) => [
  [normalizeText(stanceLabel(s)).replace(/ it$/, ''), s] as [string, StanceKindName],
  [normalizeText(s.replace(/-/g, ' ')), s] as [string, StanceKindName],
]);
const STATUS_NAMES: [string, DisputeStatusName][] = DisputeStatus.options.flatMap((s) => [
  [normalizeText(s.replace(/-/g, ' ')), s] as [string, DisputeStatusName],
  [normalizeText(STATUS_WORDS[s]), s] as [string, DisputeStatusName],
]);

/** Reads the five text fields into an update for the core to validate, with the problems only names can show. */
export function parseUpdateTextForm(form: UpdateTextForm, ctx: Pick<CommandContext, 'knowledge' | 'entities' | 'clock'>): { raw: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const raw: Record<string, unknown> = {};
  const [title = '', ...rest] = form.story.trim().split(/\n+/);
  raw.title = title.trim();
  raw.what = rest.join(' ').trim();
  if (raw.title && !raw.what) problems.push({ field: 'what', problem: 'write what happened below the headline (the first line is the headline)' });

  const when = form.when.trim();
  const flags = new Set(normalizeText(when).split(' '));
  raw.contact = flags.has('met');
  raw.unverified = flags.has('unverified');
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(when)?.[0];
  raw.date = iso ?? findDates(when, utcDay(ctx.clock()))[0]?.date ?? '';
  if (!raw.date) problems.push({ field: 'date', problem: 'write the date as YYYY-MM-DD, e.g. 2023-08-11' });

  const [names = '', ...changes] = form.proposals.split(';').map((s) => s.trim());
  const proposals: string[] = [];
  names.split(',').map((n) => n.trim()).filter(Boolean).forEach((name, i) => {
    const found = ctx.entities.lookup(name, ['proposal']);
    if (found) proposals.push(found.id);
    else problems.push({ field: `proposals[${i}]`, problem: `no proposal called “${name.slice(0, 60)}” (see /strike proposals)` });
  });
  raw.proposals = proposals;
  for (const change of changes.filter(Boolean)) {
    const words = normalizeText(change);
    const status = words.startsWith('status') ? STATUS_NAMES.find(([w]) => words.replace(/^status /, '') === w)?.[1] : undefined;
    if (words.startsWith('status')) {
      if (status) raw.status = status;
      else problems.push({ field: 'status', problem: `write the status as one of: ${DisputeStatus.options.join(', ')}` });
      continue;
    }
    const stance = [...STANCE_WORDS].sort((a, b) => b[0].length - a[0].length).find(([w]) => words.endsWith(` ${w}`));
    const party = stance ? ctx.entities.lookup(words.slice(0, -stance[0].length).trim(), ['party']) : undefined;
    if (!stance) problems.push({ field: 'stance.stance', problem: `write a stance change as “party stance”, e.g. “AMPTP rejects”; stances: ${StanceKind.options.join(', ')}` });
    else if (!party) problems.push({ field: 'stance.party', problem: `no party called “${change.slice(0, 40)}”` });
    else raw.stance = { party: party.id, stance: stance[1] };
  }

  const quote = form.quote.trim();
  if (quote) {
    const colon = quote.indexOf(':');
    const speaker = colon > 0 ? ctx.entities.lookup(quote.slice(0, colon).trim(), ['person', 'party']) : undefined;
    if (!speaker) problems.push({ field: 'quote.speaker', problem: 'start the quote with who said it and a colon, e.g. “Carol Lombardini: ...”, naming a known person or party' });
    raw.quote = { text: colon > 0 ? quote.slice(colon + 1).trim() : quote, ...(speaker ? { speaker: speaker.id } : {}) };
  }

  const parts = form.source.split('|').map((s) => s.trim()).filter(Boolean);
  if (parts.length > 0) {
    const url = parts.find((p) => /^https?:\/\//i.test(p));
    const kind = parts.find((p) => (SourceKind.options as readonly string[]).includes(p.toLowerCase()));
    const [outlet = '', title = ''] = parts.filter((p) => p !== url && p !== kind);
    if (!title) problems.push({ field: 'source.title', problem: 'write the source as “Outlet | Title | press | https://...”' });
    raw.source = { outlet, title, kind: kind?.toLowerCase() ?? 'press', ...(url ? { url } : {}) };
  }
  return { raw, problems };
}

/** An update written out in the five text fields, to prefill an amendment. */
export function formatUpdateTextForm(u: EditorUpdate, ctx: Pick<CommandContext, 'knowledge'>): UpdateTextForm {
  const { knowledge } = ctx;
  const changes = [
    ...(u.stance ? [`${knowledge.nameOf(u.stance.party)} ${u.stance.stance.replace(/-/g, ' ')}`] : []),
    ...(u.status ? [`status ${u.status.replace(/-/g, ' ')}`] : []),
  ];
  return {
    story: `${u.title}\n${u.what}`,
    when: [u.date, u.contact ? 'met' : '', u.unverified ? 'unverified' : ''].filter(Boolean).join(' '),
    proposals: [u.proposals.map((id) => knowledge.proposals.get(id)?.name ?? id).join(', '), ...changes].join('; '),
    quote: u.quote ? `${knowledge.nameOf(u.quote.speaker)}: ${u.quote.text}` : '',
    source: u.source ? [u.source.outlet, u.source.title, u.source.kind, u.source.url].filter(Boolean).join(' | ') : '',
  };
}
