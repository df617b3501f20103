import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { originFromInteraction } from '../../src/bots/discord/origin.js';

describe('originFromInteraction', () => {
  it('lets a member with Manage Channels in the channel manage it', async () => {
    const origin = originFromInteraction({ user: { id: '1' }, channelId: '2', memberPermissions: new PermissionsBitField([PermissionFlagsBits.ManageChannels]) });
    expect(origin).toMatchObject({ platform: 'discord', userId: '1', channelId: '2' });
    expect(await origin.canManageChannel?.()).toBe(true);
  });

  it('refuses members without it, and DMs (no member permissions)', async () => {
    const member = originFromInteraction({ user: { id: '1' }, channelId: '2', memberPermissions: new PermissionsBitField([PermissionFlagsBits.SendMessages, PermissionFlagsBits.ManageMessages]) });
    expect(await member.canManageChannel?.()).toBe(false);
    const dm = originFromInteraction({ user: { id: '1' }, channelId: '3', memberPermissions: null });
    expect(await dm.canManageChannel?.()).toBe(false);
  });
});
