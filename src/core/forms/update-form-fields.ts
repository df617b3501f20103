import { MAX_QUOTE_CHARS, MAX_TITLE_CHARS, MAX_WHAT_CHARS } from '../updates/update-schema.js';
import { allowFuture } from './form-checks.js';
import { actorChoices, partyChoices, proposalChoices, stanceChoices, statusChoices } from './form-choices.js';
import { CONTACT, flagsField } from './form-flags.js';
import type { FormContext, FormField } from './form-model.js';
import { sourceFields } from './form-source.js';

/** How many stance changes and quotes one update may carry. */
export const STANCE_SLOTS = 3;
export const QUOTE_SLOTS = 3;

/** Keys of the n-th stance change's inputs (n from 1). */
export const stanceKeys = (n: number) => ({ party: `stance${n}.party`, stance: `stance${n}.stance`, proposals: `stance${n}.proposals` });
/** Keys of the n-th quote's inputs (n from 1). */
export const quoteKeys = (n: number) => ({ speaker: `quote${n}.speaker`, text: `quote${n}.text` });

/**
 * The update form's inputs: the development as a timeline event (headline, account, date, time, place, who took
 * part, how long), the proposals it touches, a status change, several stance changes and quotes, the contract
 * term, the source, and whether the sides met or it is unverified.
 */
export function updateFields(ctx: FormContext): FormField[] {
  const { knowledge } = ctx;
  const proposals = proposalChoices(knowledge);
  const fields: FormField[] = [
    { key: 'title', label: 'Headline', kind: 'text', required: true, max: MAX_TITLE_CHARS, placeholder: 'Guild and studios meet again' },
    { key: 'what', label: 'What happened', kind: 'long', required: true, max: MAX_WHAT_CHARS, hint: 'In your own words, one or two sentences.' },
    { key: 'date', label: 'Date it happened', kind: 'date', required: true, initial: ctx.today },
    { key: 'time', label: 'Time (as reported)', kind: 'text', required: false, max: 60, placeholder: 'afternoon, 14:00' },
    { key: 'place', label: 'Place', kind: 'text', required: false, max: 150 },
    { key: 'participants', label: 'Who took part', kind: 'multiselect', required: false, choices: actorChoices(knowledge) },
    { key: 'duration', label: 'How long', kind: 'text', required: false, max: 60, placeholder: 'three hours' },
    { key: 'proposals', label: 'Proposals it touches', kind: 'multiselect', required: false, choices: proposals },
    { key: 'status', label: 'Status change of the dispute', kind: 'select', required: false, choices: statusChoices() },
  ];
  for (let n = 1; n <= STANCE_SLOTS; n++) {
    const k = stanceKeys(n);
    fields.push(
      { key: k.party, label: `Stance change ${n}: party`, kind: 'select', required: false, choices: partyChoices(knowledge) },
      { key: k.stance, label: `Stance change ${n}: new stance`, kind: 'select', required: false, choices: stanceChoices() },
      { key: k.proposals, label: `Stance change ${n}: on proposals`, kind: 'multiselect', required: false, choices: proposals, hint: 'Empty: the proposals it touches, above.' },
    );
  }
  for (let n = 1; n <= QUOTE_SLOTS; n++) {
    const k = quoteKeys(n);
    fields.push(
      { key: k.speaker, label: `Quote ${n}: who said it`, kind: 'select', required: false, choices: actorChoices(knowledge) },
      { key: k.text, label: `Quote ${n}: the words`, kind: 'text', required: false, max: MAX_QUOTE_CHARS },
    );
  }
  fields.push(
    { key: 'contract.from', label: 'New contract: from', kind: 'date', required: false },
    allowFuture({ key: 'contract.to', label: 'New contract: to', kind: 'date', required: false } as FormField),
    ...sourceFields(ctx),
    flagsField([CONTACT]),
  );
  return fields;
}
