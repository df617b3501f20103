import type { CommandContext } from '../commands/command-spec.js';
import { statusCommand } from '../commands/status.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { EntityHit } from '../match/entity-index.js';
import type { Reply } from '../reply/reply.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';

// "Any open proposals left?", "which demands are still outstanding?": the status summary's list of open proposals answers.
const OPEN_PROPOSALS = /\b(open|outstanding|remaining|unresolved|unsettled|pending) (proposals?|issues?|demands?|items?)\b|\b(proposals?|issues?|demands?) (are |is |remain |remains )?(still )?(open|left|outstanding|remaining|unresolved|unsettled|on the table)\b/;
// Questions about the dispute as a whole: where it stands, whether it is over, what is new. They name no proposal or person.
const STANDING = new RegExp(String.raw`\bwhere (do|does|are|is) (things|talks|negotiations|we|it|the strike|the dispute|bargaining)( \w+)? stand\b|\bwhere things stand\b|\bstate of (play|things|talks|negotiations)\b|\bstatus\b|\bis (the strike|the dispute|it|this) (still )?(going on|on|over|happening|continuing|done|finished|ended|settled|resolved)\b(?! (to|with|about))|\b(still|are we|are writers|are they) on strike\b|\bstrike (still )?(on|over)\b|^(what s|whats|what is|what's) (the )?latest\b|^latest\b|\bany (news|updates?|progress)\b|\bwhat'?s? new\b|\bwhat (is|s) new\b|\bwhat (has )?changed\b|\bhow (are|is) (talks|things|negotiations|the strike|bargaining)( going)?\b|\b(any|an) update on (the )?(talks|negotiations|the strike|strike|bargaining|things)\b|\b(was|is|has) (anything|something) (been )?(settled|agreed|resolved)\b|\b(is|was) there (a|any) deal\b|\bany deal\b|\bdeal yet\b|${OPEN_PROPOSALS.source}`);
const ASKS_ON = /\bon strike\b|\bstrike (still )?on\b|\b(still )?(going on|on|happening|continuing)$|\b(going on|happening|continuing)\b/;
const ASKS_OVER = /\b(over|done|finished|ended|settled|resolved|deal)\b/;
const ENDED_STATUSES = new Set(['ratified', 'ended', 'strike-ended']);
const AGREED_STATUSES = new Set(['tentative-agreement', 'ratified', 'ended', 'strike-ended']);
/** How many of the latest facts a "what's new" answer adds after the status summary. */
const LATEST_FACTS = 1;
// From the status summary, ask states the status sentence and the last and next contact; `status` itself has the rest.
const SUMMARY_LINES = /^(As of|Last contact|Next contact)/;
// The status reply's open proposals, or its line saying none is left.
const OPEN_LINES = /^(Open proposal:|None: every proposal)/;
const ASKS_NEWS = /\b(latest|news|new|changed|update|updates|progress)\b/;

/** Whether a question asks where the dispute as a whole stands, and names nothing narrower (a proposal, a person, another dispute's party). */
export function asksWhereThingsStand(text: string, hits: EntityHit[], sides: ReadonlySet<string>): boolean {
  // "Are the actors still on strike?" asks about a party outside the dispute: its own facts answer, not this status.
  return STANDING.test(text) && !hits.some((h) => h.entity.kind !== 'party' || !sides.has(h.entity.id));
}

// "When did the strike end?", "how did the walkout end?": past tense, so no prediction; while it is still on, the status answers.
const ASKS_END = /\b(when|how) (did|was) (the |this |their )?([\w'-]+ ){0,3}?(strike|walkout|stoppage) (end|ended|over|finish|finished|wrap up|called off)\b/;

/** Whether a question asks when or how a strike ended. */
export function asksStrikeEnd(text: string): boolean {
  return ASKS_END.test(text);
}

/** Whether a question asks how the strike stands or ended ("still on strike?", "when did the strike end?"), whoever it names. */
export function asksStrikeStatus(text: string): boolean {
  return STANDING.test(text) || ASKS_END.test(text);
}

/** For "when did the strike end?" while it is still on: the line that says it has not, to lead the status summary. */
export function notEndedLine(knowledge: Knowledge, text: string): AnswerLine | undefined {
  if (!ASKS_END.test(text) || ENDED_STATUSES.has(knowledge.currentStatus().status as string)) return undefined;
  return { text: `The strike had not ended as of ${formatDay(knowledge.asOf)}.`, sources: knowledge.currentStatus().sources };
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
  const lead = OPEN_PROPOSALS.test(text) ? openLead(knowledge, text) : yesNoLead(knowledge, text);
  if (lead) lines.push({ text: lead, sources: knowledge.currentStatus().sources });
  const asksOpen = OPEN_PROPOSALS.test(text);
  lines.push(...statusLines(status).filter((l) => SUMMARY_LINES.test(l.text) || (asksOpen && OPEN_LINES.test(l.text))));
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
  // "Any news?" asks no yes/no about the strike; "is it still going on?" does.
  if (!ASKS_ON.test(text)) return undefined;
  if (status === 'strike') return `Yes: the strike was still on as of ${asOf}.`;
  return over ? `No: the strike is over (as of ${asOf}).` : undefined;
}

/** "Are there any open proposals left?" is a yes or a no by the count of proposals still open. */
function openLead(knowledge: Knowledge, text: string): string | undefined {
  if (!/^(is|are|any|still)\b/.test(text)) return undefined;
  const open = knowledge.openProposals().length;
  return open === 0 ? `No: no proposal is still open (as of ${formatDay(knowledge.asOf)}).` : `Yes: ${open} ${open === 1 ? 'proposal is' : 'proposals are'} still open (as of ${formatDay(knowledge.asOf)}).`;
}

/** The status reply's facts as answer lines ("Last contact: Aug 4, 2023: ..."), without its headings and notices. */
function statusLines(from: Reply): AnswerLine[] {
  const ids = (cites: number[]) => cites.flatMap((n) => from.citations.find((c) => c.n === n)?.sourceId ?? []);
  // Lists sit under their heading: "Open proposals" or "Settled" (whose items already say "Agreed Sept 24: ...").
  let heading = '';
  return from.blocks.flatMap((b): AnswerLine[] => {
    if (b.kind === 'heading') heading = b.text;
    if (b.kind === 'text') return [{ text: b.line.text, sources: ids(b.line.cites) }];
    if (b.kind === 'fields') return b.fields.map((f) => ({ text: `${f.label}: ${f.value}.`, sources: ids(f.cites) }));
    if (b.kind === 'list') return b.items.map((i) => ({ text: heading === 'Settled' ? `${i.text}.` : `Open proposal: ${i.text}.`, sources: ids(i.cites) }));
    return [];
  });
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
