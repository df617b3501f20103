import { describe, expect, it } from 'vitest';
import { parseStrikeInvocation } from '../../src/bots/discord/parse-interaction.js';
import { readShareCustomId, shareButtonRow, shareCustomId } from '../../src/bots/discord/share-button.js';
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
  it('carries only a token, within 100 characters', () => {
    const id = shareCustomId('AAAAAAAAAAAAAAAAAAAAAA');
    expect(id).toBe('strike-share#AAAAAAAAAAAAAAAAAAAAAA');
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(readShareCustomId(id)).toEqual({ token: 'AAAAAAAAAAAAAAAAAAAAAA' });
  });

  it('reads the old inline and counter forms, which no one owns, as unknown', () => {
    expect(readShareCustomId('strike-share:proposal:mini rooms')).toBe('unknown');
    expect(readShareCustomId('strike-share#0')).toBe('unknown');
    expect(readShareCustomId('strike-share#a b')).toBe('unknown');
  });

  it('ignores buttons that are not ours, and the used button, and builds a labelled button', () => {
    expect(readShareCustomId('something-else')).toBeUndefined();
    expect(readShareCustomId('strike-share-done')).toBeUndefined();
    expect(shareButtonRow('strike-share#x').components[0]).toMatchObject({ label: 'Share in channel', custom_id: 'strike-share#x' });
  });
});
