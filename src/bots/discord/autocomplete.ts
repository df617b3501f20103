import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Knowledge } from '../../core/knowledge/knowledge.js';
import type { EntityKind } from '../../core/match/entity-index.js';
import { normalizeText } from '../../core/match/normalize-text.js';
import { AUTOCOMPLETE_LIMITS } from './discord-limits.js';
import { truncateText } from './escape-discord-text.js';

/** One suggestion shown under the option while the user types. */
export interface AutocompleteChoice {
  name: string;
  value: string;
}

/** Which kinds of names each subcommand's option completes. */
export const AUTOCOMPLETE_KINDS: Readonly<Record<string, readonly EntityKind[]>> = {
  proposal: ['proposal'],
  who: ['person', 'party'],
};

interface Form {
  text: string;
  norm: string;
  primary: boolean;
}

interface Candidate {
  kind: EntityKind;
  id: string;
  label: string;
  value: string;
  forms: Form[];
}

/** How far (0 exact … 1 unrelated, EntityIndex.rank) a misspelling may be and still be suggested. */
const FUZZY_SCORE_MAX = 0.4;

const candidatesByKnowledge = new WeakMap<Knowledge, Candidate[]>();

function candidates(knowledge: Knowledge): Candidate[] {
  const cached = candidatesByKnowledge.get(knowledge);
  if (cached) return cached;
  const forms = (primary: string[], aliases: string[]): Form[] => [
    ...primary.map((text) => ({ text, norm: normalizeText(text), primary: true })),
    ...aliases.map((text) => ({ text, norm: normalizeText(text), primary: false })),
  ];
  const list: Candidate[] = [
    ...[...knowledge.proposals.values()].map((p) => ({ kind: 'proposal' as const, id: p.id, label: p.name, value: p.name, forms: forms([p.name], p.aliases) })),
    ...[...knowledge.people.values()].map((p) => ({ kind: 'person' as const, id: p.id, label: `${p.name}, ${p.role}`, value: p.name, forms: forms([p.name], p.aliases) })),
    ...[...knowledge.parties.values()].map((p) => ({
      kind: 'party' as const,
      id: p.id,
      label: p.name === p.shortName ? p.name : `${p.name} (${p.shortName})`,
      value: p.shortName,
      forms: forms([p.name, p.shortName], p.aliases),
    })),
  ];
  candidatesByKnowledge.set(knowledge, list);
  return list;
}

/** 0 exact, 1 prefix, 2 word prefix, 3 anywhere; undefined when the form does not contain the query. */
function matchLevel(norm: string, q: string): number | undefined {
  if (norm === q) return 0;
  if (norm.startsWith(q)) return 1;
  if (` ${norm}`.includes(` ${q}`)) return 2;
  return norm.includes(q) ? 3 : undefined;
}

/**
 * Suggestions for the `name` option of /strike proposal or /strike who: names and aliases that contain what the
 * user typed, best first, then close misspellings; at most 25, each within Discord's 100 characters.
 */
export function autocompleteChoices(ctx: CommandContext, subcommand: string, typed: string): AutocompleteChoice[] {
  const kinds = AUTOCOMPLETE_KINDS[subcommand];
  if (!kinds) return [];
  const pool = candidates(ctx.knowledge).filter((c) => kinds.includes(c.kind));
  const q = normalizeText(typed.slice(0, AUTOCOMPLETE_LIMITS.choiceValue));
  const scored: { c: Candidate; score: number; via?: string }[] = [];
  pool.forEach((c, order) => {
    if (!q) {
      scored.push({ c, score: order });
      return;
    }
    let best: { score: number; form: Form } | undefined;
    for (const form of c.forms) {
      const level = matchLevel(form.norm, q);
      if (level === undefined) continue;
      // Names rank above aliases at the same level; pack order breaks ties.
      const score = (level * 2 + (form.primary ? 0 : 1)) * 1000 + order;
      if (!best || score < best.score) best = { score, form };
    }
    // Show the alias that matched only when the label does not already contain it.
    const via = best && !best.form.primary && !normalizeText(c.label).includes(best.form.norm) ? best.form.text : undefined;
    if (best) scored.push({ c, score: best.score, ...(via ? { via } : {}) });
  });
  if (q) {
    // Misspellings ("lombardni") come after every real match.
    const key = (kind: EntityKind, id: string) => `${kind}:${id}`;
    const seen = new Set(scored.map((s) => key(s.c.kind, s.c.id)));
    for (const r of ctx.entities.rank(q, [...kinds])) {
      const c = pool.find((p) => key(p.kind, p.id) === key(r.entity.kind, r.entity.id));
      if (c && !seen.has(key(c.kind, c.id)) && r.score <= FUZZY_SCORE_MAX) scored.push({ c, score: 100_000 + r.score });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map(({ c, via }) => ({
      name: truncateText(via ? `${c.label} · “${via}”` : c.label, AUTOCOMPLETE_LIMITS.choiceName),
      value: truncateText(c.value, AUTOCOMPLETE_LIMITS.choiceValue),
    }));
}
