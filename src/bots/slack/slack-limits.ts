import type { types } from '@slack/bolt';

// Block Kit limits (docs.slack.dev/reference/block-kit and @slack/types); see platform-facts.md §3.

/** Blocks in one message. */
export const MAX_BLOCKS_PER_MESSAGE = 50;
/** Blocks in a Home tab view. */
export const MAX_BLOCKS_PER_HOME_VIEW = 100;
/** Characters in a section's text (any text object). */
export const MAX_SECTION_TEXT = 3000;
/** Characters in a header block's plain text. */
export const MAX_HEADER_TEXT = 150;
/** Elements in one context block. */
export const MAX_CONTEXT_ELEMENTS = 10;
/** Fields in one section. */
export const MAX_SECTION_FIELDS = 10;
/** Characters in one section field. */
export const MAX_FIELD_TEXT = 2000;
/** Characters of a button's label. */
export const MAX_BUTTON_TEXT = 75;
/** Characters of a button's value. */
export const MAX_BUTTON_VALUE = 2000;
/** Elements in one actions block. */
export const MAX_ACTION_ELEMENTS = 25;
/** Characters of an action_id or block_id. */
export const MAX_ID_LENGTH = 255;
/** Slack truncates a message's top-level text beyond this. */
export const MAX_MESSAGE_TEXT = 40_000;
/**
 * Total block text we allow in one message. Undocumented: Slack has answered msg_blocks_too_long at about
 * 13,200 characters (slackapi/bolt-js#2509), so we stay well under it.
 */
export const MAX_BLOCK_TEXT_PER_MESSAGE = 12_000;
/** Our own cap on the notification fallback text: long enough to read, short enough to stay cheap. */
export const MAX_FALLBACK_TEXT = 4000;

/** A message as the Web API and response_url take it. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

type TextLike = { text?: unknown } | undefined;

function textOf(obj: TextLike): string {
  return obj && typeof obj.text === 'string' ? obj.text : '';
}

/** Every text a block carries, for counting the message's total. */
export function blockTexts(block: types.KnownBlock): string[] {
  switch (block.type) {
    case 'header':
      return [block.text.text];
    case 'section':
      return [textOf(block.text), ...(block.fields ?? []).map((f) => f.text)];
    case 'context':
      return block.elements.map((e) => textOf(e as TextLike));
    case 'actions':
      return block.elements.map((e) => textOf((e as { text?: TextLike }).text));
    default:
      return [];
  }
}

function checkBlock(block: types.KnownBlock, where: string): string[] {
  const problems: string[] = [];
  const tooLong = (what: string, text: string, max: number) => {
    if (text.trim().length === 0) problems.push(`${where}: empty ${what}`);
    if (text.length > max) problems.push(`${where}: ${what} has ${text.length} characters (max ${max})`);
  };
  if (block.block_id !== undefined && block.block_id.length > MAX_ID_LENGTH) problems.push(`${where}: block_id too long`);
  switch (block.type) {
    case 'header':
      tooLong('header text', block.text.text, MAX_HEADER_TEXT);
      break;
    case 'section':
      if (block.text === undefined && block.fields === undefined) problems.push(`${where}: section without text or fields`);
      if (block.text !== undefined) tooLong('section text', block.text.text, MAX_SECTION_TEXT);
      if (block.fields !== undefined) {
        if (block.fields.length > MAX_SECTION_FIELDS) problems.push(`${where}: ${block.fields.length} fields (max ${MAX_SECTION_FIELDS})`);
        block.fields.forEach((f, i) => tooLong(`field ${i}`, f.text, MAX_FIELD_TEXT));
      }
      break;
    case 'context':
      if (block.elements.length === 0 || block.elements.length > MAX_CONTEXT_ELEMENTS) {
        problems.push(`${where}: ${block.elements.length} context elements (1 to ${MAX_CONTEXT_ELEMENTS})`);
      }
      block.elements.forEach((e, i) => tooLong(`context element ${i}`, textOf(e as TextLike), MAX_SECTION_TEXT));
      break;
    case 'actions':
      if (block.elements.length > MAX_ACTION_ELEMENTS) problems.push(`${where}: ${block.elements.length} actions (max ${MAX_ACTION_ELEMENTS})`);
      for (const e of block.elements) {
        if (e.type !== 'button') continue;
        tooLong('button text', e.text.text, MAX_BUTTON_TEXT);
        if ((e.value ?? '').length > MAX_BUTTON_VALUE) problems.push(`${where}: button value too long`);
        if ((e.action_id ?? '').length > MAX_ID_LENGTH) problems.push(`${where}: action_id too long`);
      }
      break;
    default:
      break;
  }
  return problems;
}

/** Every way a message breaks Slack's limits, as readable lines; empty when it is within them all. */
export function findLimitViolations(message: SlackMessage, maxBlocks = MAX_BLOCKS_PER_MESSAGE): string[] {
  const problems: string[] = [];
  if (message.text.trim().length === 0) problems.push('fallback text is empty');
  if (message.text.length > MAX_MESSAGE_TEXT) problems.push(`fallback text has ${message.text.length} characters`);
  if (message.blocks.length > maxBlocks) problems.push(`${message.blocks.length} blocks (max ${maxBlocks})`);
  message.blocks.forEach((b, i) => problems.push(...checkBlock(b, `block ${i} (${b.type})`)));
  const total = message.blocks.flatMap(blockTexts).reduce((n, t) => n + t.length, 0);
  if (total > MAX_BLOCK_TEXT_PER_MESSAGE) problems.push(`${total} characters of block text (max ${MAX_BLOCK_TEXT_PER_MESSAGE})`);
  return problems;
}
