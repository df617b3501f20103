import { createHash } from 'node:crypto';
import type { ButtonClick } from './slack-payloads.js';

// Idempotency keys built from Slack's own ids, for InteractionClaims. Each says which deliveries are "the same".

/**
 * One Share per private message and user: a replayed click repeats everything, and a double click repeats the
 * message it was made on (only action_ts differs), so neither posts twice. Without a message ts, the click's own
 * action_ts is the best Slack gives.
 */
export function shareKey(click: ButtonClick, channel: string, actionId: string): string {
  const action = click.actions.find((a) => a.action_id === actionId);
  const where = click.container?.message_ts ?? `action:${action?.action_ts ?? 'none'}`;
  return `share:${channel}:${where}:${click.user.id}`;
}

/** What a view submission carries that identifies it. */
export interface SubmittedView {
  id: string;
  hash?: string;
  callback_id: string;
  state?: { values?: unknown };
}

/**
 * One answer per submission of a view: view.id and view.hash name the view as shown, and the state values tell a
 * replay (the same values again) from a corrected resubmission after field errors (same view and hash, new values).
 */
export function viewKey(view: SubmittedView): string {
  const values = createHash('sha256').update(JSON.stringify(view.state?.values ?? {})).digest('hex').slice(0, 32);
  return `view:${view.callback_id}:${view.id}:${view.hash ?? ''}:${values}`;
}

/** One run per slash command invocation: its trigger_id is unique to it, and a replay repeats it. */
export function commandKey(triggerId: string): string {
  return `command:${triggerId}`;
}
