import { PermissionFlagsBits, type Message, type PermissionsBitField } from 'discord.js';
import type { Origin } from '../../core/commands/command-spec.js';
import { discordCommandName } from './command-spelling.js';

/** The parts of an interaction the origin needs; discord.js interactions fit it. */
export interface InteractionLike {
  user: { id: string };
  channelId: string | null;
  /** The member's permissions in the channel as Discord computed them (overwrites included); null in DMs. */
  memberPermissions: Readonly<PermissionsBitField> | null;
}

/** Origin of an interaction: who, where, and whether they may manage the channel (Manage Channels there). */
export function originFromInteraction(interaction: InteractionLike): Origin {
  const permissions = interaction.memberPermissions;
  return {
    platform: 'discord',
    commandName: discordCommandName,
    userId: interaction.user.id,
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    canManageChannel: async () => permissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
  };
}

/** Origin of a message (a mention or a DM); permissions are worked out from the cached guild only when asked. */
export function originFromMessage(message: Message): Origin {
  return {
    platform: 'discord',
    commandName: discordCommandName,
    userId: message.author.id,
    channelId: message.channelId,
    canManageChannel: async () => {
      if (!message.inGuild()) return false;
      try {
        const member = message.member ?? (await message.guild.members.fetch(message.author.id));
        return member.permissionsIn(message.channelId).has(PermissionFlagsBits.ManageChannels);
      } catch {
        // Unknown member or channel: deny rather than guess.
        return false;
      }
    },
  };
}
