import type { Knowledge } from '../knowledge/knowledge.js';
import type { StanceKindName } from '../knowledge/schema.js';
import type { DraftStatusName } from './status-cues.js';

/**
 * The public words of a draft, written from the extracted structure (who, what stance, which proposal) and
 * attributed to the outlet: never the article's sentence.
 */

const STANCE_PAST: Record<StanceKindName, string> = {
  demands: 'held firm on',
  supports: 'backed',
  accepts: 'accepted',
  counters: 'made a counteroffer on',
  open: 'said it is open to',
  objects: 'objected to',
  rejects: 'rejected',
  'refuses-to-discuss': 'refused to discuss',
  'no-position-reported': 'took no position on',
};
const STANCE_PRESENT: Record<StanceKindName, string> = {
  demands: 'holds firm on',
  supports: 'backs',
  accepts: 'accepts',
  counters: 'counters on',
  open: 'is open to',
  objects: 'objects to',
  rejects: 'rejects',
  'refuses-to-discuss': 'refuses to discuss',
  'no-position-reported': 'takes no position on',
};
const STATUS_TEXT: Record<DraftStatusName, { title: string; note: string }> = {
  negotiating: { title: 'Talks under way', note: 'the sides are negotiating' },
  strike: { title: 'Strike begins', note: 'the strike has begun' },
  'tentative-agreement': { title: 'Tentative agreement reached', note: 'the sides reached a tentative agreement' },
  'strike-ended': { title: 'Strike ends; ratification vote pending', note: 'the strike is over and members are back at work, with the ratification vote still to come' },
  ratified: { title: 'Members ratify the contract', note: 'members ratified the new contract' },
  ended: { title: 'Dispute ends', note: 'the dispute has ended' },
};

const per = (outlet: string | undefined) => `Per ${outlet?.trim() || 'the report'}`;
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "the proposal on minimum staffing in episodic TV". */
function proposalPhrase(knowledge: Knowledge, id: string): string {
  return `the proposal on ${lowerFirst(knowledge.proposals.get(id)?.name ?? id)}`;
}

/** A stance change's label and public detail ("Per Example Wire, AMPTP rejected the proposal on …"). */
export function stanceText(knowledge: Knowledge, party: string, stance: StanceKindName, proposal: string, outlet?: string): { label: string; detail: string } {
  const who = knowledge.nameOf(party);
  return {
    label: `${who} ${STANCE_PRESENT[stance]} ${lowerFirst(knowledge.proposals.get(proposal)?.name ?? proposal)}`,
    detail: `${per(outlet)}, ${who} ${STANCE_PAST[stance]} ${proposalPhrase(knowledge, proposal)}.`,
  };
}

/** A status change's title and public note. */
export function statusText(status: DraftStatusName, outlet?: string): { title: string; note: string } {
  const t = STATUS_TEXT[status];
  return { title: t.title, note: `${per(outlet)}, ${t.note}.` };
}

/** A statement's public context: who spoke, where it was reported, and what about. */
export function statementContext(knowledge: Knowledge, speaker: string, proposals: readonly string[], outlet?: string): string {
  const about = proposals.length > 0 ? ` on ${proposals.map((p) => lowerFirst(knowledge.proposals.get(p)?.name ?? p)).join(' and ')}` : '';
  return `${per(outlet)}, ${knowledge.nameOf(speaker)} spoke${about}.`;
}

/** A meeting's title and public text. */
export function meetingText(knowledge: Knowledge, parties: readonly string[], proposals: readonly string[], outlet?: string): { title: string; text: string } {
  const names = parties.map((p) => knowledge.nameOf(p));
  const sides = names.length >= 2 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'The sides');
  const about = proposals.length > 0 ? `, with ${proposals.map((p) => lowerFirst(knowledge.proposals.get(p)?.name ?? p)).join(', ')} on the agenda` : '';
  return { title: `${sides} meet`, text: `${per(outlet)}, ${sides} met${about}.` };
}

/** A development no template can say: a placeholder naming what it involves, for the editor to rewrite. */
export function placeholderText(knowledge: Knowledge, ids: readonly string[], outlet?: string): { title: string; text: string } {
  const names = ids.map((id) => knowledge.proposals.get(id)?.name ?? knowledge.nameOf(id)).slice(0, 4);
  return {
    title: `Development involving ${names.join(', ') || 'the dispute'}`.slice(0, 150),
    text: `${per(outlet)}, a development involving ${names.join(', ') || 'the dispute'} (editor: rewrite in your own words before verifying).`,
  };
}
