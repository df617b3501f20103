import type { Knowledge } from '../knowledge/knowledge.js';
import type { Proposal } from '../knowledge/schema.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Line } from '../reply/reply.js';
import { markUnverified } from '../updates/unverified-label.js';
import { dayNumber, formatDay } from '../time/format-date.js';
import type { CommandSpec } from './command-spec.js';
import { strikeEndSentence } from './dispute-phase.js';
import { addStalenessNotice } from './staleness.js';
import { statusFields } from './status-fields.js';
import { stanceLabel } from './stance-words.js';

/** How each dispute status reads in a title ("On strike"). */
export const STATUS_WORDS = {
  negotiating: 'In negotiations',
  strike: 'On strike',
  'tentative-agreement': 'Tentative agreement reached',
  'strike-ended': 'Strike over, ratification pending',
  ratified: 'Contract ratified',
  ended: 'Dispute ended',
} as const;

/** "As of Aug 4, 2023, day 95 of the strike (since May 2, 2023)." */
export function statusSentence(knowledge: Knowledge): string {
  const ended = strikeEndSentence(knowledge);
  if (ended) return `As of ${formatDay(knowledge.asOf)}: ${ended}`;
  const current = knowledge.currentStatus();
  const day = dayNumber(current.since, knowledge.asOf);
  const what = current.status === 'strike' ? `day ${day} of the strike` : `${STATUS_WORDS[current.status].toLowerCase()} for ${day} days`;
  return `As of ${formatDay(knowledge.asOf)}, ${what} (since ${formatDay(current.since)}).`;
}

/** One line per proposal: "Minimum staffing in episodic TV: WGA demands it; AMPTP rejects it". */
export function proposalStanceLine(reply: ReplyBuilder, knowledge: Knowledge, proposal: Proposal): Line {
  const stances = proposal.stances.map((s) => markUnverified(`${knowledge.nameOf(s.party)} ${stanceLabel(s.stance)}`, s)).join('; ');
  return reply.line(`${proposal.name}: ${stances}`, proposal.stances.flatMap((s) => s.sources));
}

/** "Agreed Sept 24: <outcome> (Minimum staffing)"; a settled proposal read once, by what the deal did with it. */
export function settledText(p: Proposal): string {
  const verb = p.status === 'agreed' ? 'Agreed' : 'Withdrawn';
  if (!p.outcome) return `${verb}: ${p.name}`;
  return `${verb} ${formatDay(p.outcome.date).replace(/, \d{4}$/, '')}: ${p.outcome.text.replace(/\.$/, '')} (${p.name})`;
}

export const statusCommand: CommandSpec = {
  name: 'status',
  summary: 'Where the dispute stands: status, open proposals, last and next contact.',
  example: '/strike status',
  run(ctx) {
    const { knowledge } = ctx;
    const dispute = knowledge.dispute;
    const current = knowledge.currentStatus();
    const reply = new ReplyBuilder(knowledge, 'status', `${dispute.title}: ${STATUS_WORDS[current.status]}${current.unverified ? ' (unverified)' : ''}`);
    addStalenessNotice(reply, knowledge, ctx.clock);
    reply.text(markUnverified(statusSentence(knowledge), current), current.sources);
    reply.fields(statusFields(knowledge));
    reply.heading('Open proposals');
    const open = knowledge.openProposals();
    if (open.length === 0) reply.text('None: every proposal has been settled or withdrawn.');
    reply.list(open.map((p) => proposalStanceLine(reply, knowledge, p)));
    const settled = knowledge.pack.proposals.filter((p) => p.status !== 'open');
    if (settled.length > 0) {
      reply.heading('Settled');
      reply.list(settled.map((p) => reply.line(markUnverified(settledText(p), p), p.outcome?.sources ?? p.sources)));
    }
    return reply.build({ asOf: knowledge.asOf, more: '/strike proposal <name>' });
  },
};
