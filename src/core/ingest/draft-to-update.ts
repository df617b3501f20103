import { DisputeStatus } from '../knowledge/schema.js';
import type { EditorUpdateInput } from '../updates/update-schema.js';
import type { Source } from '../knowledge/schema.js';
import type { ArticleDraft } from './draft-patch.js';

/** A draft today's update store can hold, or why it cannot. */
export type StorableDraft = { update: EditorUpdateInput } | { problem: string };

/**
 * The one place a draft patch becomes today's stored update (the lead swaps this for the patch store on merge):
 * the draft's event, stance, status or statement, with its public text, source and date. Unverified always.
 */
export function draftToUpdate(draft: ArticleDraft, src: Source): StorableDraft {
  const p = draft.patch;
  const source = { outlet: src.outlet, title: src.title, kind: src.kind, ...(src.url ? { url: src.url } : {}) };
  const base = { source, unverified: true };
  const event = p.events?.[0];
  const proposal = p.proposals?.[0];
  const status = p.dispute?.statusHistory?.[0];
  const statement = p.statements?.[0];
  if (status) {
    const known = DisputeStatus.safeParse(status.status);
    if (!known.success) return { problem: `the status “${status.status}” needs the patch store, which this build does not have yet` };
    return { update: { ...base, title: event?.title ?? status.status, what: status.note, date: status.since, status: known.data } };
  }
  if (proposal?.stances?.[0]) {
    const s = proposal.stances[0];
    return { update: { ...base, title: draft.label, what: s.detail, date: s.since, proposals: [proposal.id], stance: { party: s.party, stance: s.stance } } };
  }
  if (statement) {
    return { update: { ...base, title: draft.label, what: statement.context, date: statement.date, proposals: statement.proposals, quote: { text: statement.quote.replace(/^“|”$/g, ''), speaker: statement.speaker } } };
  }
  if (event) return { update: { ...base, title: event.title, what: event.text, date: event.date, proposals: event.proposals, contact: p.dispute?.lastContact?.event === event.id } };
  return { problem: 'the draft holds nothing to store' };
}
