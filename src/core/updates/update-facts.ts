import type { Pack, Stance, TimelineEvent } from '../knowledge/schema.js';
import type { UpdateRecord } from './update-schema.js';

/** The ids an update's facts get in the merged pack; "update-" keeps them apart from the pack's own ids. */
export function factIds(updateId: number): { event: string; source: string; quote: string } {
  const base = `update-${updateId}`;
  return { event: base, source: `${base}-source`, quote: `${base}-quote` };
}

/** The update a source id belongs to ("update-7-source" -> 7), or undefined for the pack's own sources. */
export function updateIdOfSource(sourceId: string): number | undefined {
  const m = /^update-(\d+)-source$/.exec(sourceId);
  return m ? Number(m[1]) : undefined;
}

/** The provenance every fact of this update carries. */
function provenanceOf(record: UpdateRecord): { updateId: number; recordedAt: string; unverified?: true } {
  // A fact reaches digests when it is verified, so that is when it counts as recorded for them.
  const recordedAt = record.unverified ? record.recordedAt : (record.verifiedAt ?? record.recordedAt);
  return { updateId: record.id, recordedAt, ...(record.unverified ? { unverified: true as const } : {}) };
}

/** Strips the quote marks an editor may have typed, so the pack's own “ ” are not doubled. */
export function bareQuote(text: string): string {
  return text.trim().replace(/^["“”„«']+|["“”»']+$/g, '').trim();
}

/**
 * Adds one stored update to a pack being merged (mutating the draft): a source, a timeline event, the quote as a
 * statement, the stance change on each proposal it touches (replacing that party's stance unless the pack holds a
 * newer one) with a history move, a status change, and the last contact. Ids it cannot resolve are left in place
 * for the pack validator to report.
 */
export function addUpdateFacts(draft: Pack, record: UpdateRecord): void {
  const u = record.update;
  const ids = factIds(record.id);
  const provenance = provenanceOf(record);
  const sources = [ids.source];
  const source = u.source!; // the schema refuses updates without one
  draft.sources.push({ id: ids.source, outlet: source.outlet, title: source.title, date: u.date, kind: source.kind, ...(source.url ? { url: source.url } : {}), ...provenance });

  const sides = u.contact ? [...draft.dispute.unions, ...draft.dispute.employers] : [];
  const participants = [...new Set([...(u.stance ? [u.stance.party] : []), ...(u.quote ? [u.quote.speaker] : []), ...sides])];
  const event: TimelineEvent = { id: ids.event, date: u.date, participants, title: u.title, text: u.what, proposals: [...u.proposals], keywords: [], sources, ...provenance };
  draft.events.push(event);

  if (u.quote) {
    const party = draft.people.find((p) => p.id === u.quote!.speaker)?.party;
    draft.statements.push({
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
      ...provenance,
    });
  }

  if (u.stance) {
    for (const proposal of draft.proposals.filter((p) => u.proposals.includes(p.id))) {
      const stance: Stance = { party: u.stance.party, stance: u.stance.stance, detail: u.what, since: u.date, sources, ...provenance };
      const at = proposal.stances.findIndex((s) => s.party === stance.party);
      // A late report of an older move goes into the history without undoing a newer stance.
      if (at === -1) proposal.stances.push(stance);
      else if (proposal.stances[at]!.since <= u.date) proposal.stances[at] = stance;
      proposal.history.push({ date: u.date, party: u.stance.party, stance: u.stance.stance, text: u.what, sources, ...provenance });
    }
  }

  if (u.status) draft.dispute.statusHistory.push({ status: u.status, since: u.date, sources, note: u.title, ...provenance });

  if (u.contact) {
    const last = draft.events.find((e) => e.id === draft.dispute.lastContact.event);
    if (!last || last.date <= u.date) draft.dispute.lastContact = { event: ids.event };
    // "Expected to talk again" has happened once a later contact is recorded.
    const next = draft.dispute.nextContact;
    const nextDated = next ? Math.max(...next.sources.map((id) => Date.parse(draft.sources.find((s) => s.id === id)?.date ?? '0000-01-01'))) : 0;
    if (next && nextDated < Date.parse(u.date)) delete draft.dispute.nextContact;
  }
}
