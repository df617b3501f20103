import type { Knowledge } from '../knowledge/knowledge.js';
import type { Proposal } from '../knowledge/schema.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Line } from '../reply/reply.js';
import { markUnverified } from '../updates/unverified-label.js';
import { dayNumber, formatDay } from '../time/format-date.js';
import type { CommandSpec } from './command-spec.js';
import { addStalenessNotice } from './staleness.js';
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
    const last = knowledge.events.find((e) => e.id === dispute.lastContact.event)!;
    const fields: { label: string; value: string; sources?: string[] }[] = [
      { label: 'Last contact', value: markUnverified(`${formatDay(last.date)}: ${last.title}${last.place ? `, at ${last.place}` : ''}`, last), sources: last.sources },
    ];
    if (dispute.nextContact) fields.push({ label: 'Next contact', value: `Expected ${dispute.nextContact.expected}; no date set`, sources: dispute.nextContact.sources });
    if (dispute.contractExpiry) fields.push({ label: 'Contract expired', value: formatDay(dispute.contractExpiry.date), sources: dispute.contractExpiry.sources });
    reply.fields(fields);
    reply.heading('Open proposals');
    reply.list(knowledge.openProposals().map((p) => proposalStanceLine(reply, knowledge, p)));
    return reply.build({ asOf: knowledge.asOf, more: '/strike proposal <name>' });
  },
};
