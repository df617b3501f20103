import { listOf, type Choice, type FormField, type FormValues } from './form-model.js';

/** Key of the checkbox group every form ends with. */
export const FLAGS = 'flags';

const UNVERIFIED: Choice = { label: 'Unverified: a rumour, a leak, one unnamed source', value: 'unverified' };
/** The update form's extra box: the update becomes the dispute's last contact. */
export const CONTACT: Choice = { label: 'The two sides met or talked', value: 'contact' };

/** The checkbox group: "unverified" on every form, plus the form's own boxes. */
export function flagsField(extra: Choice[] = []): FormField {
  return { key: FLAGS, label: 'Also', kind: 'checkboxes', required: false, choices: [...extra, UNVERIFIED] };
}

/** Whether a box of the group is ticked. */
export function flagged(values: FormValues, value: string): boolean {
  return listOf(values, FLAGS).includes(value);
}
