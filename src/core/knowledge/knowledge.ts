import type { Pack, Party, Person, Proposal, Source, Statement, StatusEntry, TimelineEvent } from './schema.js';

/** A party or a person: anything that can speak, take part or hold a stance. */
export type Actor = { kind: 'party'; party: Party } | { kind: 'person'; person: Person };

/** Read-only view of a validated pack with the look-ups every command needs. */
export class Knowledge {
  readonly sources = new Map<string, Source>();
  readonly parties = new Map<string, Party>();
  readonly people = new Map<string, Person>();
  readonly proposals = new Map<string, Proposal>();
  /** Timeline, oldest first. */
  readonly events: TimelineEvent[];
  /** Statements, oldest first. */
  readonly statements: Statement[];
  /** The latest date any fact carries: the "as of" date of every answer. */
  readonly asOf: string;

  constructor(readonly pack: Pack) {
    for (const s of pack.sources) this.sources.set(s.id, s);
    for (const p of pack.parties) this.parties.set(p.id, p);
    for (const p of pack.people) this.people.set(p.id, p);
    for (const p of pack.proposals) this.proposals.set(p.id, p);
    this.events = [...pack.events].sort((a, b) => a.date.localeCompare(b.date));
    this.statements = [...pack.statements].sort((a, b) => a.date.localeCompare(b.date));
    this.asOf = latestDate(pack);
  }

  get dispute() {
    return this.pack.dispute;
  }

  /** The current status and the day it began. */
  currentStatus(): StatusEntry {
    const history = [...this.dispute.statusHistory].sort((a, b) => a.since.localeCompare(b.since));
    return history[history.length - 1]!;
  }

  actor(id: string): Actor | undefined {
    const person = this.people.get(id);
    if (person) return { kind: 'person', person };
    const party = this.parties.get(id);
    return party ? { kind: 'party', party } : undefined;
  }

  /** Display name for a person or party id ("Ellen Stutzman", "AMPTP"). */
  nameOf(id: string): string {
    return this.people.get(id)?.name ?? this.parties.get(id)?.shortName ?? id;
  }

  /** The party a speaker belongs to (itself for a party). */
  partyOf(id: string): Party | undefined {
    return this.parties.get(id) ?? this.parties.get(this.people.get(id)?.party ?? '');
  }

  statementsBy(actorId: string): Statement[] {
    return this.statements.filter((s) => s.speaker === actorId || s.party === actorId || this.people.get(s.speaker)?.party === actorId);
  }

  eventsWith(actorId: string): TimelineEvent[] {
    return this.events.filter((e) => e.participants.includes(actorId));
  }

  openProposals(): Proposal[] {
    return this.pack.proposals.filter((p) => p.status === 'open');
  }
}

function latestDate(pack: Pack): string {
  const dates = [
    ...pack.events.map((e) => e.date),
    ...pack.statements.map((s) => s.date),
    ...pack.proposals.flatMap((p) => [...p.stances.map((s) => s.since), ...p.history.map((m) => m.date), ...(p.outcome ? [p.outcome.date] : [])]),
    ...pack.dispute.statusHistory.map((s) => s.since),
  ];
  return dates.reduce((max, d) => (d > max ? d : max), '0000-01-01');
}
