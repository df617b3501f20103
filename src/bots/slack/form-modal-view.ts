import type { types } from '@slack/bolt';
import type { FormField, FormName } from '../../core/forms/form-model.js';
import type { Reply } from '../../core/reply/reply.js';
import { renderBlockKit } from './render-block-kit.js';

/** callback_id of every editor form, of its before/after confirmation, and of its result. */
export const FORM_VIEW_ID = 'strike_form';
export const FORM_CONFIRM_ID = 'strike_form_confirm';
export const FORM_RESULT_ID = 'strike_form_result';
/** Every input's action id; the block id is the form field's key. */
export const FORM_ACTION = 'value';

// Block Kit limits (docs.slack.dev/reference/block-kit): view title 24, option text 75, option value 150, labels
// 2000, hints 2000, 100 options per select, 10 checkboxes, 100 blocks, private_metadata 3000.
const MAX_VIEW_TITLE = 24;
const MAX_OPTION_TEXT = 75;
const MAX_OPTIONS = 100;
const MAX_CHECKBOXES = 10;
const MAX_RESULT_BLOCKS = 90;

/** What travels with a form in private_metadata: which form, where it was opened, which held patch to confirm. */
export interface FormViewMeta {
  form: FormName;
  channelId?: string;
  pendingId?: string;
  /** The article sentences a drafted form was shown beside, to refuse copied wording on submit. */
  evidence?: string[];
}

/** How much evidence private_metadata carries: Slack allows 3000 characters for all of it. */
export const MAX_EVIDENCE_CHARS = 2400;

/** The evidence sentences that fit in private_metadata, in order. */
export function fitEvidence(sentences: readonly string[]): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const s of sentences) {
    if (used + s.length + 4 > MAX_EVIDENCE_CHARS) break;
    kept.push(s);
    used += s.length + 4;
  }
  return kept;
}

const plain = (text: string, max = MAX_OPTION_TEXT): types.PlainTextElement => ({ type: 'plain_text', text: text.slice(0, max) });
const option = (label: string, value: string): types.PlainTextOption => ({ text: plain(label), value });
const initialList = (f: FormField) => (Array.isArray(f.initial) ? f.initial : typeof f.initial === 'string' && f.initial ? [f.initial] : []);

/** The Block Kit element for one field; undefined for a list with nothing to choose (Slack refuses empty selects). */
function element(f: FormField): types.InputBlockElement | undefined {
  const text = typeof f.initial === 'string' ? f.initial : undefined;
  const options = (f.choices ?? []).slice(0, f.kind === 'checkboxes' ? MAX_CHECKBOXES : MAX_OPTIONS).map((c) => option(c.label, c.value));
  const chosen = options.filter((o) => initialList(f).includes(o.value!));
  switch (f.kind) {
    case 'text':
    case 'long':
      return { type: 'plain_text_input', action_id: FORM_ACTION, ...(f.kind === 'long' ? { multiline: true } : {}), ...(f.max ? { max_length: f.max } : {}), ...(text ? { initial_value: text.slice(0, f.max) } : {}), ...(f.placeholder ? { placeholder: plain(f.placeholder, 150) } : {}) };
    case 'url':
      return { type: 'url_text_input', action_id: FORM_ACTION, ...(text ? { initial_value: text } : {}) };
    case 'date':
      return { type: 'datepicker', action_id: FORM_ACTION, ...(text ? { initial_date: text } : {}) };
    case 'select':
      if (options.length === 0) return undefined;
      return { type: 'static_select', action_id: FORM_ACTION, options, ...(chosen[0] ? { initial_option: chosen[0] } : {}) };
    case 'multiselect':
      if (options.length === 0) return undefined;
      return { type: 'multi_static_select', action_id: FORM_ACTION, options, ...(chosen.length > 0 ? { initial_options: chosen } : {}) };
    case 'checkboxes':
      return { type: 'checkboxes', action_id: FORM_ACTION, options, ...(chosen.length > 0 ? { initial_options: chosen } : {}) };
  }
}

/** The form as a modal: one input block per field, block id = field key, so errors land under their input. */
export function formView(title: string, fields: readonly FormField[], meta: FormViewMeta, notice?: string): types.ModalView {
  const blocks: types.KnownBlock[] = notice ? [{ type: 'context', elements: [{ type: 'plain_text', text: notice.slice(0, 2000) }] }] : [];
  for (const f of fields) {
    const el = element(f);
    if (!el) continue;
    blocks.push({ type: 'input', block_id: f.key, label: plain(f.label, 2000), element: el, optional: !f.required, ...(f.hint ? { hint: plain(f.hint, 2000) } : {}) });
  }
  return { type: 'modal', callback_id: FORM_VIEW_ID, title: plain(title, MAX_VIEW_TITLE), submit: plain('Save'), close: plain('Cancel'), private_metadata: JSON.stringify(meta), blocks };
}

/** The block ids a form view shows (errors may only name these). */
export function shownKeys(fields: readonly FormField[]): Set<string> {
  return new Set(fields.filter((f) => element(f)).map((f) => f.key));
}

/** Before and after of what the patch changes; submitting confirms it. */
export function formConfirmView(reply: Reply, meta: FormViewMeta): types.ModalView {
  return { type: 'modal', callback_id: FORM_CONFIRM_ID, title: plain('Confirm the change'), submit: plain('Confirm'), close: plain('Cancel'), private_metadata: JSON.stringify(meta), blocks: renderBlockKit(reply, { maxBlocks: MAX_RESULT_BLOCKS }).blocks };
}

/** The outcome (saved, refused), with a Close button. */
export function formResultView(reply: Reply): types.ModalView {
  return { type: 'modal', callback_id: FORM_RESULT_ID, title: plain('Strikewire'), close: plain('Close'), blocks: renderBlockKit(reply, { maxBlocks: MAX_RESULT_BLOCKS }).blocks };
}
