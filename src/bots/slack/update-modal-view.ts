import type { types } from '@slack/bolt';
import { STATUS_WORDS } from '../../core/commands/status.js';
import { stanceLabel } from '../../core/commands/stance-words.js';
import type { Knowledge } from '../../core/knowledge/knowledge.js';
import { DisputeStatus, SourceKind, StanceKind } from '../../core/knowledge/schema.js';
import type { Reply } from '../../core/reply/reply.js';
import { MAX_REASON_CHARS } from '../../core/updates/editor-desk.js';
import { MAX_QUOTE_CHARS, MAX_TITLE_CHARS, MAX_WHAT_CHARS, type EditorUpdate } from '../../core/updates/update-schema.js';
import { renderBlockKit } from './render-block-kit.js';

/** callback_id of the update form, of its before/after confirmation, and of the result. */
export const UPDATE_FORM_ID = 'strike_update_form';
export const UPDATE_CONFIRM_ID = 'strike_update_confirm';
export const UPDATE_RESULT_ID = 'strike_update_result';

/** Block ids of the form's inputs; every input's action id is ACTION. */
export const BLOCK = {
  reason: 'upd_reason',
  title: 'upd_title',
  what: 'upd_what',
  date: 'upd_date',
  proposals: 'upd_proposals',
  stanceParty: 'upd_stance_party',
  stance: 'upd_stance',
  status: 'upd_status',
  quoteText: 'upd_quote_text',
  quoteSpeaker: 'upd_quote_speaker',
  sourceOutlet: 'upd_source_outlet',
  sourceTitle: 'upd_source_title',
  sourceUrl: 'upd_source_url',
  sourceKind: 'upd_source_kind',
  flags: 'upd_flags',
} as const;
export const ACTION = 'value';

// Block Kit limits for modals (docs.slack.dev/reference/block-kit and views): titles and buttons 24 characters,
// option text 75, option value 150, private_metadata 3000, 100 blocks, 100 options per select.
const MAX_VIEW_TITLE = 24;
const MAX_OPTION_TEXT = 75;
const MAX_OPTIONS = 100;
/** Blocks a result view may take from the reply. */
const MAX_RESULT_BLOCKS = 90;

/** What travels with the form: where it was opened, and which update an amendment replaces. */
export interface UpdateFormMeta {
  channelId?: string;
  amends?: { id: number; reason: string };
  pendingId?: string;
}

const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text: text.slice(0, MAX_OPTION_TEXT) });
const option = (text: string, value: string): types.PlainTextOption => ({ text: plain(text), value });

function input(blockId: string, label: string, element: types.InputBlockElement, optional: boolean, hint?: string): types.InputBlock {
  return { type: 'input', block_id: blockId, label: { type: 'plain_text', text: label }, element, optional, ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}) };
}

function text(blockId: string, label: string, options: { optional?: boolean; multiline?: boolean; max: number; initial?: string; hint?: string; placeholder?: string }): types.InputBlock {
  const element: types.PlainTextInput = {
    type: 'plain_text_input',
    action_id: ACTION,
    max_length: options.max,
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.initial ? { initial_value: options.initial.slice(0, options.max) } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder) } : {}),
  };
  return input(blockId, label, element, options.optional ?? false, options.hint);
}

function select(blockId: string, label: string, choices: types.PlainTextOption[], initial: string | undefined, hint?: string): types.InputBlock {
  const chosen = choices.find((c) => c.value === initial);
  const element: types.StaticSelect = { type: 'static_select', action_id: ACTION, options: choices.slice(0, MAX_OPTIONS), ...(chosen ? { initial_option: chosen } : {}) };
  return input(blockId, label, element, true, hint);
}

/**
 * The update form: headline and account, date, proposals touched, an optional stance or status change, an optional
 * quote with its speaker, the source, and whether the sides met or it is unverified. Amendments add a reason and
 * start from the update's current content.
 */
export function updateFormView(knowledge: Knowledge, options: { today: string; prefill?: EditorUpdate; unverified?: boolean; meta: UpdateFormMeta }): types.ModalView {
  const p = options.prefill;
  const proposals = [...knowledge.proposals.values()].map((x) => option(x.name, x.id));
  const parties = [...knowledge.parties.values()].map((x) => option(`${x.shortName} (${x.name})`, x.id));
  const speakers = [...[...knowledge.people.values()].map((x) => option(x.name, x.id)), ...parties];
  const chosenProposals = proposals.filter((o) => p?.proposals.includes(o.value!));
  const flags = [option('The two sides met or talked', 'contact'), option('Unverified: a rumour, a leak, one unnamed source', 'unverified')];
  const flagged = flags.filter((f) => (f.value === 'contact' ? p?.contact : (p?.unverified ?? options.unverified)));
  const blocks: types.KnownBlock[] = [
    ...(options.meta.amends ? [text(BLOCK.reason, 'Reason for the correction', { max: MAX_REASON_CHARS, initial: options.meta.amends.reason, hint: 'Shown in the correction note on every digest that carried it.' })] : []),
    text(BLOCK.title, 'Headline', { max: MAX_TITLE_CHARS, initial: p?.title, placeholder: 'WGA and AMPTP negotiators meet again' }),
    text(BLOCK.what, 'What happened', { max: MAX_WHAT_CHARS, multiline: true, initial: p?.what, hint: 'In your own words, one or two sentences.' }),
    input(BLOCK.date, 'Date it happened', { type: 'datepicker', action_id: ACTION, initial_date: p?.date ?? options.today }, false),
    input(BLOCK.proposals, 'Proposals it touches', { type: 'multi_static_select', action_id: ACTION, options: proposals.slice(0, MAX_OPTIONS), ...(chosenProposals.length > 0 ? { initial_options: chosenProposals } : {}) }, true),
    select(BLOCK.stanceParty, 'Stance change: which party', parties, p?.stance?.party, 'Leave empty unless a side changed its position on the proposals above.'),
    select(BLOCK.stance, 'Stance change: new stance', StanceKind.options.map((s) => option(stanceLabel(s), s)), p?.stance?.stance),
    select(BLOCK.status, 'Status change of the dispute', DisputeStatus.options.map((s) => option(STATUS_WORDS[s], s)), p?.status),
    text(BLOCK.quoteText, 'Short quote', { optional: true, max: MAX_QUOTE_CHARS, initial: p?.quote?.text }),
    select(BLOCK.quoteSpeaker, 'Who said it', speakers, p?.quote?.speaker),
    text(BLOCK.sourceOutlet, 'Source: outlet', { max: 100, initial: p?.source?.outlet, placeholder: 'Pacific Labor Wire' }),
    text(BLOCK.sourceTitle, 'Source: title', { max: 200, initial: p?.source?.title }),
    input(BLOCK.sourceUrl, 'Source: web address', { type: 'url_text_input', action_id: ACTION, ...(p?.source?.url ? { initial_value: p.source.url } : {}) }, true),
    input(BLOCK.sourceKind, 'Source: kind', { type: 'static_select', action_id: ACTION, options: SourceKind.options.map((k) => option(k, k)), initial_option: option(p?.source?.kind ?? 'press', p?.source?.kind ?? 'press') }, false),
    input(BLOCK.flags, 'Also', { type: 'checkboxes', action_id: ACTION, options: flags, ...(flagged.length > 0 ? { initial_options: flagged } : {}) }, true),
  ];
  return {
    type: 'modal',
    callback_id: UPDATE_FORM_ID,
    title: plain(options.meta.amends ? `Correct update #${options.meta.amends.id}`.slice(0, MAX_VIEW_TITLE) : 'New update'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(options.meta),
    blocks,
  };
}

/** Before and after of a stance or status change; submitting confirms it. */
export function confirmView(reply: Reply, meta: UpdateFormMeta): types.ModalView {
  return { type: 'modal', callback_id: UPDATE_CONFIRM_ID, title: plain('Confirm the change'), submit: plain('Confirm'), close: plain('Cancel'), private_metadata: JSON.stringify(meta), blocks: replyBlocks(reply) };
}

/** The outcome (saved, refused, corrected), with a Close button. */
export function resultView(reply: Reply): types.ModalView {
  return { type: 'modal', callback_id: UPDATE_RESULT_ID, title: plain('Strikewire'), close: plain('Close'), blocks: replyBlocks(reply) };
}

function replyBlocks(reply: Reply): types.KnownBlock[] {
  return renderBlockKit(reply, { maxBlocks: MAX_RESULT_BLOCKS }).blocks;
}
