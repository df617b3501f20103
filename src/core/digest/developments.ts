import type { Knowledge } from '../knowledge/knowledge.js';
import type { Contract, Move, Party, Person, Proposal, StanceKindName, Statement, StatusEntry, TimelineEvent } from '../knowledge/schema.js';
import { newBetween } from './fact-window.js';

/** A move on one proposal by one party, with the stance that party held before it (if any). */
export interface StanceMove {
  proposal: Proposal;
  move: Move;
  previous?: StanceKindName;
}

/** A party, person or proposal an editor added. */
export type NewEntity = { kind: 'party'; party: Party } | { kind: 'person'; person: Person } | { kind: 'proposal'; proposal: Proposal };

/** What a digest reports as new: oldest first within each kind. */
export interface Developments {
  events: TimelineEvent[];
  moves: StanceMove[];
  statements: Statement[];
  /** Changes of the dispute's status. */
  statuses: StatusEntry[];
  /** Proposals agreed or withdrawn, with their outcome. */
  settled: Proposal[];
  /** The new contract's term, when it was just recorded. */
  contract?: Contract;
  entities: NewEntity[];
}

/** Everything in the knowledge that became known in (since, now], by the fact-dating rule of newBetween. */
export function developmentsBetween(knowledge: Knowledge, since: Date, now: Date, timeZone: string): Developments {
  const isNewFact = newBetween(since, now, timeZone);
  // An unverified report (a rumour, a single unnamed source) waits for verification before a digest carries it.
  const isNew = (fact: { date: string; unverified?: boolean }) => !fact.unverified && isNewFact(fact);
  // Entities carry no date of their own: only the instant an editor recorded them (never set for the shipped pack).
  const isRecorded = (e: { recordedAt?: string; unverified?: boolean }) => e.recordedAt !== undefined && !e.unverified && isNewFact({ date: '', recordedAt: e.recordedAt });
  const contract = knowledge.dispute.contract;
  return {
    events: knowledge.events.filter(isNew),
    moves: knowledge.pack.proposals.flatMap((proposal) => movesOf(proposal).filter((m) => isNew(m.move))),
    statements: knowledge.statements.filter(isNew),
    statuses: [...knowledge.dispute.statusHistory].sort((a, b) => a.since.localeCompare(b.since)).filter((s) => s.recordedAt !== undefined && isNew({ ...s, date: s.since })),
    settled: knowledge.pack.proposals.filter((p) => p.status !== 'open' && p.outcome?.recordedAt !== undefined && isNew(p.outcome)),
    ...(contract?.recordedAt !== undefined && isNew({ ...contract, date: contract.from }) ? { contract } : {}),
    entities: [
      ...knowledge.pack.parties.filter(isRecorded).map((party) => ({ kind: 'party' as const, party })),
      ...knowledge.pack.people.filter(isRecorded).map((person) => ({ kind: 'person' as const, person })),
      ...knowledge.pack.proposals.filter(isRecorded).map((proposal) => ({ kind: 'proposal' as const, proposal })),
    ],
  };
}

export function isEmpty(d: Developments): boolean {
  return d.events.length + d.moves.length + d.statements.length + d.statuses.length + d.settled.length + d.entities.length === 0 && !d.contract;
}

// Pairs each move with the same party's stance before it, so the digest can say "was ..." or "unchanged".
function movesOf(proposal: Proposal): StanceMove[] {
  const last = new Map<string, StanceKindName>();
  const history = [...proposal.history].sort((a, b) => a.date.localeCompare(b.date));
  return history.map((move) => {
    const previous = last.get(move.party);
    if (move.stance) last.set(move.party, move.stance);
    return { proposal, move, ...(previous ? { previous } : {}) };
  });
}

const SIDE_WORDS = { union: 'union side', employer: 'employer side', government: 'government', other: 'other party' } as const;

/** "Carol Lombardini (AMPTP, employer side)", "WGA (union side)": who speaks or moves, and for which side. */
export function attributed(knowledge: Knowledge, actorId: string, partyId?: string): string {
  const party = knowledge.parties.get(partyId ?? '') ?? knowledge.partyOf(actorId);
  const name = knowledge.nameOf(actorId);
  if (!party) return name;
  return party.id === actorId ? `${name} (${SIDE_WORDS[party.kind]})` : `${name} (${party.shortName}, ${SIDE_WORDS[party.kind]})`;
}

const SOURCE_SIDE = { press: 'press report', union: 'union account', employer: 'employer account', government: 'government account' } as const;

/** "press report", "union account": the side an event's sources come from, since events belong to no one party. */
export function sourceSideOf(knowledge: Knowledge, sourceIds: readonly string[]): string {
  const kinds = [...new Set(sourceIds.map((id) => knowledge.sources.get(id)?.kind).filter((k) => k !== undefined))];
  return kinds.map((k) => SOURCE_SIDE[k]).join(' and ') || 'source unknown';
}
