import type { CommandContext } from '../commands/command-spec.js';
import { addStalenessNotice } from '../commands/staleness.js';
import { stanceLabel } from '../commands/stance-words.js';
import { proposalStanceLine, settledText, STATUS_WORDS, statusSentence } from '../commands/status.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';
import { formatDay } from '../time/format-date.js';
import { attributed, developmentsBetween, isEmpty, sourceSideOf, type Developments, type NewEntity, type StanceMove } from './developments.js';
import { formatLocalDateTime, formatLocalDay } from './zoned-time.js';

/** How far back a digest looks when the channel has had none before. */
export const FIRST_DIGEST_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** Items per section; the rest is summed up with a pointer to the full command, keeping posts inside platform limits. */
export const MAX_ITEMS_PER_SECTION = 8;

/** What a digest covers and how it is labelled. */
export interface DigestOptions {
  /** When the channel's previous digest went out; defaults to a day before `now`. */
  since?: Date;
  now: Date;
  /** The channel's IANA zone: dates in the digest are that zone's. */
  timeZone: string;
  /** Set when the digest goes out later than it was due (after downtime). */
  late?: { dueAt: Date };
  /** Corrections to earlier digests, shown first (fed by the editors' tools). */
  corrections?: readonly string[];
}

/** The daily digest for a channel: what is new since its previous digest, then where things stand. */
export function digestSince(ctx: CommandContext, options: DigestOptions): Reply {
  // Unverified updates stay out of every part of a digest, "Where things stand" included, until verified.
  const knowledge = ctx.verifiedKnowledge ?? ctx.knowledge;
  const { now, timeZone } = options;
  const since = options.since ?? new Date(now.getTime() - FIRST_DIGEST_LOOKBACK_MS);
  const reply = new ReplyBuilder(knowledge, 'digest', `Daily digest for ${formatLocalDay(now, timeZone)}`);
  if (options.corrections && options.corrections.length > 0) {
    reply.heading('Corrections');
    reply.list(options.corrections.map((c) => reply.line(c)));
  }
  reply.text(`${knowledge.dispute.title}. Dates are in ${timeZone}.`);
  if (options.late) {
    reply.notice(`This digest is late: it was due ${formatLocalDateTime(options.late.dueAt, timeZone)}.`);
  }
  addStalenessNotice(reply, knowledge, () => now);

  const news = developmentsBetween(knowledge, since, now, timeZone);
  const sinceDay = formatLocalDay(since, timeZone);
  if (isEmpty(news)) {
    reply.heading('What changed');
    reply.text(`No new developments since ${sinceDay}.`);
  } else {
    reply.heading(`New since ${sinceDay}`);
    addDevelopments(reply, knowledge, news);
  }

  reply.heading('Where things stand');
  reply.text(statusSentence(knowledge), knowledge.currentStatus().sources);
  reply.heading('Open proposals');
  reply.list(knowledge.openProposals().map((p) => proposalStanceLine(reply, knowledge, p)));
  return reply.build({ asOf: knowledge.asOf, visibility: 'channel', more: '/strike timeline' });
}

function addDevelopments(reply: ReplyBuilder, knowledge: Knowledge, news: Developments): void {
  if (news.statuses.length > 0 || news.contract) {
    reply.text('Status:');
    reply.list([
      ...news.statuses.map((s) => reply.line(`${formatDay(s.since)}: ${STATUS_WORDS[s.status]}${s.note ? `. ${s.note}` : ''}`, s.sources)),
      ...(news.contract ? [reply.line(`New contract: ${formatDay(news.contract.from)} to ${formatDay(news.contract.to)}`, news.contract.sources)] : []),
    ]);
  }
  if (news.settled.length > 0) {
    reply.text('Settled:');
    reply.list(news.settled.map((p) => reply.line(settledText(p), p.outcome?.sources ?? p.sources)));
  }
  if (news.entities.length > 0) {
    reply.text('New in the story:');
    const entities = shownAndRest(news.entities);
    reply.list(entities.shown.map((e) => reply.line(entityText(knowledge, e), entitySources(e))));
    addRest(reply, entities.rest, '/strike who <name>');
  }
  if (news.events.length > 0) {
    reply.text('Events:');
    const events = shownAndRest(news.events);
    reply.list(events.shown.map((e) => reply.line(`${formatDay(e.date)}: ${e.title}. ${e.text} (${sourceSideOf(knowledge, e.sources)})`, e.sources)));
    addRest(reply, events.rest, '/strike timeline');
  }
  if (news.moves.length > 0) {
    reply.text('Stance changes:');
    const moves = shownAndRest(news.moves);
    reply.list(moves.shown.map((m) => reply.line(moveText(knowledge, m), m.move.sources)));
    addRest(reply, moves.rest, '/strike proposals');
  }
  if (news.statements.length > 0) {
    reply.text('Statements:');
    const statements = shownAndRest(news.statements);
    for (const s of statements.shown) {
      reply.quote(s.quote, `${attributed(knowledge, s.speaker, s.party)}, ${formatDay(s.date)}, ${s.where}`, s.sources);
    }
    addRest(reply, statements.rest, '/strike who <name>');
  }
}

// "Minimum staffing in episodic TV: AMPTP (employer side) rejects it (unchanged). The AMPTP gave no indication ..."
function moveText(knowledge: Knowledge, { proposal, move, previous }: StanceMove): string {
  const who = attributed(knowledge, move.party);
  if (!move.stance) return `${proposal.name}: ${who}: ${move.text}`;
  const change = !previous ? '' : previous === move.stance ? ' (unchanged)' : ` (was: ${stanceLabel(previous)})`;
  return `${proposal.name}: ${who} ${stanceLabel(move.stance)}${change}. ${move.text}`;
}

function entityText(knowledge: Knowledge, e: NewEntity): string {
  if (e.kind === 'party') return `${e.party.name} (${e.party.shortName}): ${e.party.description}`;
  if (e.kind === 'person') return `${e.person.name}, ${e.person.role} (${knowledge.nameOf(e.person.party)})`;
  return `Proposal: ${e.proposal.name}, from ${knowledge.nameOf(e.proposal.proposedBy)}. ${e.proposal.summary}`;
}

function entitySources(e: NewEntity): string[] {
  return e.kind === 'party' ? e.party.sources : e.kind === 'person' ? e.person.sources : e.proposal.sources;
}

function shownAndRest<T>(items: readonly T[]): { shown: readonly T[]; rest: number } {
  return { shown: items.slice(0, MAX_ITEMS_PER_SECTION), rest: Math.max(0, items.length - MAX_ITEMS_PER_SECTION) };
}

function addRest(reply: ReplyBuilder, rest: number, more: string): void {
  if (rest > 0) reply.text(`And ${rest} more: ${more}`);
}
