import type { Knowledge } from '../knowledge/knowledge.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';
import type { CommandSpec } from './command-spec.js';
import { addStalenessNotice } from './staleness.js';
import { settledText, STATUS_WORDS } from './status.js';

/** One dated line of the timeline. */
interface TimelineItem {
  date: string;
  text: string;
  sources: readonly string[];
}

// Events, then the status changes and settlements editors recorded, in date order (a stable sort keeps events first on a shared day).
function timelineItems(knowledge: Knowledge): TimelineItem[] {
  const events = knowledge.events.map((e) => ({ date: e.date, text: markUnverified(`${[formatDay(e.date), e.time].filter(Boolean).join(', ')}: ${e.title}. ${e.text}`, e), sources: e.sources }));
  const statuses = knowledge.dispute.statusHistory
    .filter((s) => s.updateId !== undefined)
    .map((s) => ({ date: s.since, text: markUnverified(`${formatDay(s.since)}: Status: ${STATUS_WORDS[s.status]}${s.note ? `. ${s.note}` : ''}`, s), sources: s.sources }));
  const settled = knowledge.pack.proposals
    .filter((p) => p.status !== 'open' && p.outcome)
    .map((p) => ({ date: p.outcome!.date, text: markUnverified(`${formatDay(p.outcome!.date)}: ${settledText(p)}`, p.outcome), sources: p.outcome!.sources }));
  return [...events, ...statuses, ...settled].sort((a, b) => a.date.localeCompare(b.date));
}

export const timelineCommand: CommandSpec = {
  name: 'timeline',
  summary: 'What happened when, oldest first.',
  example: '/strike timeline',
  run(ctx) {
    const { knowledge } = ctx;
    const reply = new ReplyBuilder(knowledge, 'timeline', 'Timeline');
    addStalenessNotice(reply, knowledge, ctx.clock);
    reply.list(timelineItems(knowledge).map((item) => reply.line(item.text, item.sources)));
    return reply.build({ asOf: knowledge.asOf, more: '/strike timeline' });
  },
};
