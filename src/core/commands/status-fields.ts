import type { Knowledge } from '../knowledge/knowledge.js';
import { formatDay } from '../time/format-date.js';
import { markUnverified } from '../updates/unverified-label.js';

/** One labelled line of `status`. */
export interface StatusField {
  label: string;
  value: string;
  sources?: string[];
}

const SETTLED = new Set(['ratified', 'ended']);

/**
 * Last and next contact, the contract term or expiry: from the latest entries. An expected next contact is
 * dropped once a later contact happened or the dispute is settled, and a new contract replaces the old expiry.
 */
export function statusFields(knowledge: Knowledge): StatusField[] {
  const dispute = knowledge.dispute;
  const fields: StatusField[] = [];
  const last = knowledge.events.find((e) => e.id === dispute.lastContact.event);
  if (last) fields.push({ label: 'Last contact', value: markUnverified(`${formatDay(last.date)}: ${last.title}${last.place ? `, at ${last.place}` : ''}`, last), sources: last.sources });
  const next = dispute.nextContact;
  const nextDated = next ? next.sources.map((id) => knowledge.sources.get(id)?.date ?? '0000-01-01').reduce((a, b) => (a > b ? a : b), '0000-01-01') : '';
  if (next && !SETTLED.has(knowledge.currentStatus().status) && (!last || nextDated >= last.date)) {
    fields.push({ label: 'Next contact', value: `Expected ${next.expected}; no date set`, sources: next.sources });
  }
  if (dispute.contract) {
    fields.push({ label: 'Contract term', value: `${formatDay(dispute.contract.from)} to ${formatDay(dispute.contract.to)}${dispute.contract.note ? ` (${dispute.contract.note})` : ''}`, sources: dispute.contract.sources });
  } else if (dispute.contractExpiry) {
    fields.push({ label: 'Contract expired', value: formatDay(dispute.contractExpiry.date), sources: dispute.contractExpiry.sources });
  }
  return fields;
}
