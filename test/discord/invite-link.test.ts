import { readFileSync } from 'node:fs';
import { GatewayIntentBits, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { BOT_INTENTS } from '../../src/bots/discord/discord-bot.js';
import { BOT_PERMISSIONS, inviteUrl, userInstallUrl } from '../../src/bots/discord/invite-link.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('invite link', () => {
  it('asks for exactly the five permissions the bot uses, and no moderation power', () => {
    expect(BOT_PERMISSIONS.toArray().sort()).toEqual(['EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel']);
    for (const risky of [PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageChannels, PermissionFlagsBits.MentionEveryone, PermissionFlagsBits.ManageMessages]) {
      expect(BOT_PERMISSIONS.has(risky)).toBe(false);
    }
  });

  it('builds the server link with the bot and applications.commands scopes, as a server install', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe(BOT_PERMISSIONS.bitfield.toString());
    expect(url.searchParams.get('integration_type')).toBe('0');
  });

  it('builds the user-install link with commands only and no permissions', () => {
    const url = new URL(userInstallUrl('123456789012345678'));
    expect(url.searchParams.get('scope')).toBe('applications.commands');
    expect(url.searchParams.get('integration_type')).toBe('1');
    expect(url.searchParams.has('permissions')).toBe(false);
  });

  it('matches the permissions integer the README section gives', () => {
    const integers = [...README.matchAll(/permissions=(\d+)/g)].map((m) => m[1]);
    expect(integers.length).toBeGreaterThan(0);
    for (const n of integers) expect(n).toBe(BOT_PERMISSIONS.bitfield.toString());
    expect(README).toContain(`\`${BOT_PERMISSIONS.bitfield}\``);
  });

  it('needs no privileged intent, and the README no longer asks for one', () => {
    for (const privileged of [GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildPresences]) {
      expect(BOT_INTENTS).not.toContain(privileged);
    }
    expect(README).not.toMatch(/enable \*\*Message Content Intent\*\*/i);
  });
});
