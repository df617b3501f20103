import type { Knowledge } from '../knowledge/knowledge.js';
import type { EntityHit } from '../match/entity-index.js';
import { formatDay } from '../time/format-date.js';

/** A premise the question takes for granted that the knowledge does not hold, and the question without it. */
export interface Premise {
  /** Says plainly what the knowledge holds instead ("No deal had been reached as of Aug 4, 2023."). */
  note: string;
  sources: string[];
  /** The question with the premise's clause taken out, so "after the deal" does not narrow the facts to after a date. */
  rest: string;
}

const AFTER = '(?:after|since|now that|once|when)';
const DEAL = new RegExp(`\\b${AFTER} (?:the |a )?(?:deal|agreement|new contract|contract|settlement)(?: (?:was|is|got|had been|has been|were))? ?(?:signed|reached|done|agreed|ratified|made|struck|approved|finalized)?\\b`);
const STRIKE_OVER = new RegExp(`\\b${AFTER} (?:the )?strike (?:ended|is over|was over|finished|ends|wrapped)\\b`);
const AGREED_TO = new RegExp(`\\b${AFTER} (?:they|the \\w+|\\w+) (?:agreed to|accepted|signed off on|conceded|caved on|gave in on|agreed on|said yes to|approved)\\b`);
const DEAL_STATUSES = new Set(['tentative-agreement', 'ratified', 'ended', 'strike-ended']);
const STRIKE_OVER_STATUSES = new Set(['ratified', 'ended', 'strike-ended']);

/** Finds a premise the knowledge contradicts or does not hold: a deal, the strike's end, or a side agreeing to a proposal. */
export function checkPremise(knowledge: Knowledge, text: string, hits: EntityHit[]): Premise | undefined {
  const status = knowledge.currentStatus();
  const asOf = formatDay(knowledge.asOf);
  const deal = DEAL.exec(text);
  if (deal && !DEAL_STATUSES.has(status.status as string)) {
    return { note: `No deal had been reached as of ${asOf}; what the record holds:`, sources: status.sources, rest: strip(text, deal) };
  }
  const over = STRIKE_OVER.exec(text);
  if (over && !STRIKE_OVER_STATUSES.has(status.status as string)) {
    return { note: `The strike had not ended as of ${asOf}; what the record holds:`, sources: status.sources, rest: strip(text, over) };
  }
  const agreed = AGREED_TO.exec(text);
  const proposal = hits.map((h) => knowledge.proposals.get(h.entity.id)).find((p) => p !== undefined);
  if (agreed && proposal && proposal.status !== 'agreed' && !proposal.stances.some((s) => s.stance === 'accepts')) {
    const sources = proposal.stances.flatMap((s) => s.sources);
    return { note: `Nobody had agreed to ${lowerFirst(proposal.name)} as of ${asOf}; it was still open. Where the sides stand:`, sources, rest: text.replace(agreed[0], 'on') };
  }
  return undefined;
}

function strip(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`.replace(/\s+/g, ' ').trim();
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
