import type { types } from '@slack/bolt';
import type { FormName } from '../../core/forms/form-model.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

/** Every Home tab form button's action_id starts with this; the form's name follows it. */
export const HOME_FORM_ACTION_PREFIX = 'home_form:';
/** Matches the action_id of every Home tab form button, for one Bolt action listener. */
export const HOME_FORM_ACTION = /^home_form:/;

/** The buttons, in the order editors reach for them, with the label each shows. */
const BUTTONS: readonly { form: FormName; label: string }[] = [
  { form: 'update', label: 'Post an update' },
  { form: 'new-proposal', label: 'New proposal' },
  { form: 'new-person', label: 'New person' },
  { form: 'new-party', label: 'New party' },
  { form: 'settle', label: 'Settle or withdraw' },
];

/** The form names the buttons open. */
export const HOME_FORMS: readonly FormName[] = BUTTONS.map((b) => b.form);

/** The form a Home tab button's action_id names, or undefined for anything else (a forged or stale id). */
export function homeFormOf(actionId: string): FormName | undefined {
  if (!actionId.startsWith(HOME_FORM_ACTION_PREFIX)) return undefined;
  const name = actionId.slice(HOME_FORM_ACTION_PREFIX.length);
  return HOME_FORMS.find((f) => f === name);
}

function waitingLine(unverified: number): string {
  if (unverified === 0) return 'Nothing unverified is waiting.';
  const what = unverified === 1 ? '1 unverified update is' : `${unverified} unverified updates are`;
  return escapeMrkdwn(`${what} waiting, kept out of digests: \`/strike log\` lists them, \`/strike verify <number>\` publishes one.`);
}

/**
 * The editors' section of the Home tab: one button per form (each opens the same modal as its /strike
 * subcommand) and, when the count is known, how many unverified updates and patches wait to be verified.
 */
export function renderHomeEditorSection(input: { unverified?: number } = {}): types.KnownBlock[] {
  const buttons: types.Button[] = BUTTONS.map((b) => ({ type: 'button', action_id: `${HOME_FORM_ACTION_PREFIX}${b.form}`, text: { type: 'plain_text', text: b.label }, value: b.form }));
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Editors' } },
    { type: 'actions', block_id: 'home_editor_forms', elements: buttons },
    ...(input.unverified === undefined ? [] : [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: waitingLine(input.unverified) }] }]),
    { type: 'divider' },
  ];
}
