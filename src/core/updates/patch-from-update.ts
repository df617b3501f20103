import type { Pack } from '../knowledge/schema.js';
import type { Patch } from '../patch/patch-schema.js';
import { bareQuote, factIds } from './update-facts.js';
import type { EditorUpdate } from './update-schema.js';

/**
 * An editor's update as a patch against the knowledge merged so far, so forms and files share one merge and one
 * validation: a source, a timeline event, the quote as a statement, the stance change on each proposal it touches
 * with a history move, a status change, and the last contact when the two sides met. Ids it cannot resolve are
 * left in place for validation to report.
 */
export function patchFromUpdate(updateId: number, u: EditorUpdate, draft: Pack): Patch {
  const ids = factIds(updateId);
  const sources = [ids.source];
  const source = u.source!; // the schema refuses updates without one
  const sides = u.contact ? [...draft.dispute.unions, ...draft.dispute.employers] : [];
  const participants = [...new Set([...(u.stance ? [u.stance.party] : []), ...(u.quote ? [u.quote.speaker] : []), ...sides])];
  const patch: Patch = {
    sources: [{ id: ids.source, outlet: source.outlet, title: source.title, date: u.date, kind: source.kind, ...(source.url ? { url: source.url } : {}) }],
    events: [{ id: ids.event, date: u.date, participants, title: u.title, text: u.what, proposals: [...u.proposals], keywords: [], sources }],
  };
  if (u.quote) {
    const party = draft.people.find((p) => p.id === u.quote!.speaker)?.party;
    patch.statements = [
      {
        id: ids.quote,
        speaker: u.quote.speaker,
        ...(party ? { party } : {}),
        date: u.date,
        where: source.outlet,
        quote: `“${bareQuote(u.quote.text)}”`,
        context: u.what,
        proposals: [...u.proposals],
        keywords: [],
        sources,
      },
    ];
  }
  if (u.stance) {
    const stance = u.stance;
    patch.proposals = u.proposals
      .filter((id) => draft.proposals.some((p) => p.id === id))
      .map((id) => ({
        id,
        stances: [{ party: stance.party, stance: stance.stance, detail: u.what, since: u.date, sources }],
        history: [{ date: u.date, party: stance.party, stance: stance.stance, text: u.what, sources }],
      }));
  }
  const dispute: NonNullable<Patch['dispute']> = {};
  if (u.status) dispute.statusHistory = [{ status: u.status, since: u.date, sources, note: u.title }];
  if (u.contact) {
    const last = draft.events.find((e) => e.id === draft.dispute.lastContact.event);
    if (!last || last.date <= u.date) dispute.lastContact = { event: ids.event };
    // "Expected to talk again" has happened once a later contact is recorded.
    const next = draft.dispute.nextContact;
    const nextDated = next ? Math.max(...next.sources.map((id) => Date.parse(draft.sources.find((s) => s.id === id)?.date ?? '0000-01-01'))) : 0;
    if (next && nextDated < Date.parse(u.date)) dispute.nextContact = null;
  }
  if (Object.keys(dispute).length > 0) patch.dispute = dispute;
  return patch;
}
