import type { EditorUpdateInput } from '../../src/core/updates/update-schema.js';
import { ACTION, BLOCK } from '../../src/bots/slack/update-modal-view.js';
import { API_APP_ID, TEAM_ID } from '../fakes/slack-payloads.js';

let counter = 0;

/** The state.values Slack sends for the update form filled in with this update (empty inputs left out, as Slack does). */
export function formState(u: Partial<EditorUpdateInput>, reason?: string): Record<string, Record<string, unknown>> {
  const v = (block: string, value: Record<string, unknown>) => ({ [block]: { [ACTION]: { type: 'x', ...value } } });
  const opt = (value: string | undefined) => (value ? { selected_option: { text: { type: 'plain_text', text: value }, value } } : { selected_option: null });
  return {
    ...(reason !== undefined ? v(BLOCK.reason, { value: reason }) : {}),
    ...v(BLOCK.title, { value: u.title ?? null }),
    ...v(BLOCK.what, { value: u.what ?? null }),
    ...v(BLOCK.date, { selected_date: u.date ?? null }),
    ...v(BLOCK.proposals, { selected_options: (u.proposals ?? []).map((value) => ({ text: { type: 'plain_text', text: value }, value })) }),
    ...v(BLOCK.stanceParty, opt(u.stance?.party as string | undefined)),
    ...v(BLOCK.stance, opt(u.stance?.stance as string | undefined)),
    ...v(BLOCK.status, opt(u.status)),
    ...v(BLOCK.quoteText, { value: u.quote?.text ?? null }),
    ...v(BLOCK.quoteSpeaker, opt(u.quote?.speaker as string | undefined)),
    ...v(BLOCK.sourceOutlet, { value: u.source?.outlet ?? null }),
    ...v(BLOCK.sourceTitle, { value: u.source?.title ?? null }),
    ...v(BLOCK.sourceUrl, { value: u.source?.url ?? null }),
    ...v(BLOCK.sourceKind, opt(u.source?.kind ?? 'press')),
    ...v(BLOCK.flags, { selected_options: [...(u.contact ? ['contact'] : []), ...(u.unverified ? ['unverified'] : [])].map((value) => ({ text: { type: 'plain_text', text: value }, value })) }),
  };
}

/** A view_submission payload as Slack posts it to the interactivity URL. */
export function viewSubmission(input: { userId: string; callbackId: string; privateMetadata?: string; values?: Record<string, unknown>; viewId?: string }): Record<string, unknown> {
  const id = input.viewId ?? `V${String(++counter).padStart(6, '0')}`;
  return {
    type: 'view_submission',
    team: { id: TEAM_ID, domain: 'strike-test' },
    user: { id: input.userId, username: 'someone', name: 'someone', team_id: TEAM_ID },
    api_app_id: API_APP_ID,
    token: 'deprecated-verification-token',
    trigger_id: `${counter}.1.view`,
    view: {
      id,
      team_id: TEAM_ID,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '{}',
      state: { values: input.values ?? {} },
      hash: `h${counter}`,
      title: { type: 'plain_text', text: 'New update' },
      blocks: [],
      close: null,
      submit: null,
      root_view_id: id,
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      app_id: API_APP_ID,
      bot_id: 'B0BOT',
    },
  };
}
