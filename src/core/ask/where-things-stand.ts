import type { CommandContext } from '../commands/command-spec.js';
import { statusCommand } from '../commands/status.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { EntityHit } from '../match/entity-index.js';
import type { Reply } from '../reply/reply.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';

// Questions about the dispute as a whole: where it stands, whether it is over, what is new. They name no proposal or person.
const STANDING = /\bwhere (do|does|are|is) (things|talks|negotiations|we|it|the strike|the dispute|bargaining)( \w+)? stand\b|\bwhere things stand\b|\bstate of (play|things|talks|negotiations)\b|\bstatus\b|\bis (the strike|the dispute|it|this) (still )?(going on|on|over|happening|continuing|done|finished|ended|settled|resolved)\b(?! (to|with|about))|\b(still|are we|are writers|are they) on strike\b|\bstrike (still )?(on|over)\b|^(what s|whats|what is|what's) (the )?latest\b|^latest\b|\bany (news|updates?|progress)\b|\bwhat'?s? new\b|\bwhat (is|s) new\b|\bwhat (has )?changed\b|\bhow (are|is) (talks|things|negotiations|the strike|bargaining)( going)?\b|\b(any|an) update on (the )?(talks|negotiations|the strike|strike|bargaining|things)\b|\b(was|is|has) (anything|something) (been )?(settled|agreed|resolved)\b|\b(is|was) there (a|any) deal\b|\bany deal\b|\bdeal yet\b/;
const ASKS_OVER = /\b(over|done|finished|ended|settled|resolved|deal)\b/;
const ENDED_STATUSES = new Set(['ratified', 'ended', 'strike-ended']);
const AGREED_STATUSES = new Set(['tentative-agreement', 'ratified', 'ended', 'strike-ended']);
/** How many of the latest facts a "what's new" answer adds after the status summary. */
const LATEST_FACTS = 1;
// From the status summary, ask states the status sentence and the last and next contact; `status` itself has the rest.
const SUMMARY_LINES = /^(As of|Last contact|Next contact)/;
const ASKS_NEWS = /\b(latest|news|new|changed|update|updates|progress)\b/;

/** Whether a question asks where the dispute as a whole stands, and names nothing narrower (a proposal, a person). */
export function asksWhereThingsStand(text: string, hits: EntityHit[]): boolean {
  return STANDING.test(text) && !hits.some((h) => h.entity.kind !== 'party');
}

/** One sentence of an answer and the sources behind it. */
export interface AnswerLine {
  text: string;
  sources: string[];
}

/**
 * The current-state answer: the same summary `status` gives (its builder, reused), led by yes or no when the question
 * is one ("is the strike over?"), then the latest facts, so "what's the latest" and "what changed" read the newest lines.
 */
export function whereThingsStandLines(ctx: CommandContext, text: string): AnswerLine[] {
  const { knowledge } = ctx;
  // status answers synchronously; its summary is reused line by line so ask and status never disagree.
  const status = statusCommand.run(ctx, '', { platform: 'shell' }) as Reply;
  const lines: AnswerLine[] = [];
  const lead = yesNoLead(knowledge, text);
  if (lead) lines.push({ text: lead, sources: knowledge.currentStatus().sources });
  lines.push(...statusLines(status).filter((l) => SUMMARY_LINES.test(l.text)));
  if (ASKS_NEWS.test(text)) {
    // The newest facts, the last contact's own account first: what happened, not only that it happened.
    const last = knowledge.events.find((e) => e.id === knowledge.dispute.lastContact.event);
    const latest = [...(last ? [last] : []), ...knowledge.events.filter((e) => e.date === knowledge.asOf && e !== last).slice(-1)].slice(0, LATEST_FACTS);
    for (const e of latest) lines.push({ text: markUnverified(`${formatDay(e.date)}, ${lowerFirst(e.title)}: ${e.text}`, e), sources: e.sources });
  }
  return lines;
}
/** "Yes, the strike is still on." / "No, the strike is not over." for the yes/no forms; nothing for the others. */
function yesNoLead(knowledge: Knowledge, text: string): string | undefined {
  const status = knowledge.currentStatus().status as string;
  const asOf = formatDay(knowledge.asOf);
  if (!/^(is|are|was|were|has|have|did|any|still)\b|\bstill on strike\b/.test(text)) return undefined;
  if (/\bdeal\b|\b(settled|agreed|resolved)\b/.test(text)) {
    return AGREED_STATUSES.has(status) ? `Yes: a deal has been reached (as of ${asOf}).` : `No: no deal had been reached as of ${asOf}.`;
  }
  const over = ENDED_STATUSES.has(status);
  if (ASKS_OVER.test(text)) return over ? `Yes: the strike is over (as of ${asOf}).` : `No: the strike is not over; it was still on as of ${asOf}.`;
  if (status === 'strike') return `Yes: the strike was still on as of ${asOf}.`;
  return over ? `No: the strike is over (as of ${asOf}).` : undefined;
}

/** The status reply's facts as answer lines ("Last contact: Aug 4, 2023: ..."), without its headings and notices. */
function statusLines(from: Reply): AnswerLine[] {
  const ids = (cites: number[]) => cites.flatMap((n) => from.citations.find((c) => c.n === n)?.sourceId ?? []);
  return from.blocks.flatMap((b): AnswerLine[] => {
    if (b.kind === 'text') return [{ text: b.line.text, sources: ids(b.line.cites) }];
    if (b.kind === 'fields') return b.fields.map((f) => ({ text: `${f.label}: ${f.value}.`, sources: ids(f.cites) }));
    if (b.kind === 'list') return b.items.map((i) => ({ text: `Open proposal: ${i.text}.`, sources: ids(i.cites) }));
    return [];
  });
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
