import { describe, expect, it } from 'vitest';
import { parseStrikeInvocation } from '../../src/bots/discord/parse-interaction.js';
import { readShareCustomId, shareButtonRow, shareCustomId, ShareMemory } from '../../src/bots/discord/share-button.js';
import { CUSTOM_ID_MAX } from '../../src/bots/discord/discord-limits.js';
import { testContext } from './bot-harness.js';

const ctx = testContext();

describe('parseStrikeInvocation', () => {
  it('maps a subcommand and its option to the core command', () => {
    expect(parseStrikeInvocation(ctx, { subcommand: 'proposal', options: { name: 'mini rooms' } })).toEqual({ kind: 'command', name: 'proposal', args: 'mini rooms' });
    expect(parseStrikeInvocation(ctx, { subcommand: 'status', options: {} })).toEqual({ kind: 'command', name: 'status', args: '' });
  });

  it('keeps a question that happens to be a command word as the question', () => {
    expect(parseStrikeInvocation(ctx, { subcommand: 'ask', options: { question: 'status' } })).toEqual({ kind: 'command', name: 'ask', args: 'status' });
  });

  it('cleans control characters out of option values', () => {
    expect(parseStrikeInvocation(ctx, { subcommand: 'who', options: { name: 'Lombardini\u0000\u202e' } })).toEqual({ kind: 'command', name: 'who', args: 'Lombardini' });
  });

  it('reads a subcommand the core no longer has as unknown', () => {
    expect(parseStrikeInvocation(ctx, { subcommand: 'oldthing', options: {} })).toEqual({ kind: 'unknown', word: 'oldthing' });
  });
});

describe('Share button custom_id', () => {
  it('carries a short command in the custom_id itself, so it survives a restart', () => {
    const id = shareCustomId({ name: 'proposal', args: 'mini rooms' }, new ShareMemory());
    expect(id).toBe('strike-share:proposal:mini rooms');
    expect(readShareCustomId(id, new ShareMemory())).toEqual({ name: 'proposal', args: 'mini rooms' });
    expect(readShareCustomId('strike-share:ask:what: why?', new ShareMemory())).toEqual({ name: 'ask', args: 'what: why?' });
  });

  it('remembers a long question in memory and stays within 100 characters', () => {
    const memory = new ShareMemory();
    const target = { name: 'ask', args: 'what '.repeat(60) };
    const id = shareCustomId(target, memory);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(readShareCustomId(id, memory)).toEqual(target);
    expect(readShareCustomId(id, new ShareMemory())).toBe('expired');
  });

  it('ignores buttons that are not ours and builds a labelled button', () => {
    expect(readShareCustomId('something-else', new ShareMemory())).toBeUndefined();
    expect(shareButtonRow('strike-share:status:').components[0]).toMatchObject({ label: 'Share in channel', custom_id: 'strike-share:status:' });
  });
});
