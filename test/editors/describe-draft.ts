import type { ArticleDraft } from '../../src/core/ingest/draft-patch.js';

/** A draft as one comparable line: what it changes, for whom, and its date ("stance amptp rejects tv-minimum-staffing 2023-08-15"). */
export function describeDraft(d: ArticleDraft): string {
  const p = d.patch;
  const status = p.dispute?.statusHistory?.[0];
  if (status) return `status ${status.status} ${status.since}`;
  const stance = p.proposals?.[0]?.stances?.[0];
  if (stance) return `stance ${stance.party} ${stance.stance} ${p.proposals![0]!.id} ${stance.since}`;
  const statement = p.statements?.[0];
  if (statement) return `statement ${statement.speaker} ${statement.date}`;
  const event = p.events?.[0];
  if (event && p.dispute?.lastContact) return `meeting ${event.participants.join('+')} ${event.date}`;
  return `event ${event?.date ?? '?'}`;
}
