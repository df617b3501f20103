import { STATUS_WORDS } from '../commands/status.js';
import { stanceLabel } from '../commands/stance-words.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { DisputeStatus, PartyKind, SourceKind, StanceKind } from '../knowledge/schema.js';
import type { Choice } from './form-model.js';

// The fixed lists every form offers: read from the knowledge and the schema, so a form never offers an id the
// pack does not know, and a submitted value outside the list is refused by checkValues.

/** Every party, as "WGA (Writers Guild of America West)". */
export function partyChoices(knowledge: Knowledge): Choice[] {
  return [...knowledge.parties.values()].map((p) => ({ label: `${p.shortName} (${p.name})`, value: p.id }));
}

/** Every person, then every party: anyone who can speak or take part. */
export function actorChoices(knowledge: Knowledge): Choice[] {
  return [...[...knowledge.people.values()].map((p) => ({ label: `${p.name} (${knowledge.parties.get(p.party)?.shortName ?? p.party})`, value: p.id })), ...partyChoices(knowledge)];
}

/** Every proposal by name; `open` keeps only the open ones (what a settle form offers). */
export function proposalChoices(knowledge: Knowledge, filter: 'all' | 'open' = 'all'): Choice[] {
  return [...knowledge.proposals.values()].filter((p) => filter === 'all' || p.status === 'open').map((p) => ({ label: p.name, value: p.id }));
}

/** The stances, in words ("rejects it"). */
export function stanceChoices(): Choice[] {
  return StanceKind.options.map((s) => ({ label: stanceLabel(s), value: s }));
}

/** The dispute statuses, in words, strike-ended included once the schema has it. */
export function statusChoices(): Choice[] {
  return DisputeStatus.options.map((s) => ({ label: (STATUS_WORDS as Record<string, string>)[s] ?? s.replace(/-/g, ' '), value: s }));
}

/** Kinds of source. */
export function sourceKindChoices(): Choice[] {
  return SourceKind.options.map((k) => ({ label: k, value: k }));
}

/** Kinds of party. */
export function partyKindChoices(): Choice[] {
  return PartyKind.options.map((k) => ({ label: k, value: k }));
}

/** The most recent sources, newest first, to cite again instead of typing them a second time. */
export function sourceChoices(knowledge: Knowledge, limit = 100): Choice[] {
  return [...knowledge.sources.values()]
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, limit)
    .map((s) => ({ label: `${s.outlet}: ${s.title}`, value: s.id }));
}
