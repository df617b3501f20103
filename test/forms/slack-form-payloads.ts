import type { FormField, FormValues } from '../../src/core/forms/form-model.js';
import { FORM_ACTION } from '../../src/bots/slack/form-modal-view.js';
import { API_APP_ID, TEAM_ID } from '../fakes/slack-payloads.js';

let counter = 0;

/** The state.values Slack sends for a form's modal filled in with these values (absent inputs left out). */
export function formViewState(fields: readonly FormField[], values: FormValues): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  const opt = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined) continue;
    const list = Array.isArray(v) ? v : [v];
    const at =
      f.kind === 'select'
        ? { type: 'static_select', selected_option: opt(list[0]!) }
        : f.kind === 'multiselect'
          ? { type: 'multi_static_select', selected_options: list.map(opt) }
          : f.kind === 'checkboxes'
            ? { type: 'checkboxes', selected_options: list.map(opt) }
            : f.kind === 'date'
              ? { type: 'datepicker', selected_date: v }
              : { type: f.kind === 'url' ? 'url_text_input' : 'plain_text_input', value: v };
    state[f.key] = { [FORM_ACTION]: at };
  }
  return state;
}

/** A message_action payload: someone used a message shortcut on a message with this text. */
export function messageShortcut(input: { userId: string; text: string; responseUrl: string; callbackId?: string; channelId?: string }): Record<string, unknown> {
  const n = ++counter;
  return {
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: `1691150000.${String(n).padStart(6, '0')}`,
    team: { id: TEAM_ID, domain: 'strike-test' },
    user: { id: input.userId, username: 'someone', name: 'someone', team_id: TEAM_ID },
    channel: { id: input.channelId ?? 'C0NEWS', name: 'newsroom' },
    is_enterprise_install: false,
    callback_id: input.callbackId ?? 'draft_update_from_message',
    trigger_id: `${n}.1.shortcut`,
    response_url: input.responseUrl,
    message_ts: `1691149000.${String(n).padStart(6, '0')}`,
    message: { type: 'message', user: 'U0WRITER', ts: `1691149000.${String(n).padStart(6, '0')}`, text: input.text },
    api_app_id: API_APP_ID,
  };
}
