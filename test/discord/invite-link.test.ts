import { readFileSync } from 'node:fs';
import { PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/bots/discord/invite-link.js';

describe('invite link', () => {
  it('asks for exactly the five permissions the bot uses, and no moderation power', () => {
    expect(BOT_PERMISSIONS.toArray().sort()).toEqual(['EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel']);
    for (const risky of [PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageChannels, PermissionFlagsBits.MentionEveryone, PermissionFlagsBits.ManageMessages]) {
      expect(BOT_PERMISSIONS.has(risky)).toBe(false);
    }
  });

  it('builds the link with the bot and applications.commands scopes', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe(BOT_PERMISSIONS.bitfield.toString());
  });

  it('matches the permissions integer the README section gives', () => {
    const doc = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const integers = [...doc.matchAll(/permissions=(\d+)/g)].map((m) => m[1]);
    expect(integers.length).toBeGreaterThan(0);
    for (const n of integers) expect(n).toBe(BOT_PERMISSIONS.bitfield.toString());
    expect(doc).toContain(`\`${BOT_PERMISSIONS.bitfield}\``);
  });
});
