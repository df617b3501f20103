import type { types } from '@slack/bolt';
import { expect } from 'vitest';
import { findLiveTokens } from '../../src/bots/slack/escape-mrkdwn.js';
import { renderBlockKit } from '../../src/bots/slack/render-block-kit.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { blockTexts, findLimitViolations, MAX_BLOCKS_PER_MESSAGE } from '../../src/bots/slack/slack-limits.js';

/** The blocks of a recorded body (response_url post or chat.postMessage form). */
export function blocksOf(body: Record<string, unknown>): types.KnownBlock[] {
  const blocks = body.blocks;
  if (!Array.isArray(blocks)) throw new Error(`no blocks in ${JSON.stringify(body).slice(0, 200)}`);
  return blocks as types.KnownBlock[];
}

/** Every text in a recorded message: fallback and block texts. */
export function textsOf(body: Record<string, unknown>): string[] {
  return [String(body.text ?? ''), ...blocksOf(body).flatMap(blockTexts)];
}

/** The header's text. */
export function headerOf(body: Record<string, unknown>): string {
  const header = blocksOf(body).find((b) => b.type === 'header');
  if (header?.type !== 'header') throw new Error('no header block');
  return header.text.text;
}

/** The context element texts of the sources line, or [] when there is none. */
export function sourcesOf(body: Record<string, unknown>): string[] {
  for (const b of blocksOf(body)) {
    if (b.type !== 'context') continue;
    const texts = b.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : ''));
    if (texts[0]?.startsWith('Sources:')) return texts;
  }
  return [];
}

/** Section texts (not fields), in order. */
export function sectionTextsOf(body: Record<string, unknown>): string[] {
  return blocksOf(body).flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
}

/** The share button's value, if the message has one. */
export function shareValueOf(body: Record<string, unknown>): string | undefined {
  for (const b of blocksOf(body)) {
    if (b.type !== 'actions') continue;
    for (const e of b.elements) if (e.type === 'button' && e.action_id === 'strikewire_share') return e.value;
  }
  return undefined;
}

/** Asserts a delivered message is within Slack's limits and can mention nobody (except allowed tokens). */
export function expectSafeMessage(body: Record<string, unknown>, allowed: string[] = []): void {
  expect(findLimitViolations({ text: String(body.text ?? ''), blocks: blocksOf(body) }, MAX_BLOCKS_PER_MESSAGE)).toEqual([]);
  for (const text of textsOf(body)) {
    const live = findLiveTokens(text).filter((t) => !allowed.some((a) => t.startsWith(a)));
    expect(live, text).toEqual([]);
  }
}

/** The header the core's reply to this /strike text renders to, so tests need not know the wording. */
export async function expectedHeader(ctx: CommandContext, text: string): Promise<string> {
  const reply = await runCommandText(ctx, text, { platform: 'slack', userId: 'U0MEMBER' });
  return headerOf(renderBlockKit(reply) as unknown as Record<string, unknown>);
}
