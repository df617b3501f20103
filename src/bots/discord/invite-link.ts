import { ApplicationIntegrationType, OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/**
 * What the bot needs in a channel: see it, answer in it and in its threads, show embeds, and reply to a message
 * (a reply needs Read Message History). Nothing else: no moderation, no role management. Reading the text of
 * mentions and DMs needs no permission and no privileged intent.
 */
export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
]).freeze();

const AUTHORIZE = 'https://discord.com/oauth2/authorize';

/** The invite link for a server admin: the bot user plus the commands, installed to the server, with exactly BOT_PERMISSIONS. */
export function inviteUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.bitfield.toString(),
    integration_type: String(ApplicationIntegrationType.GuildInstall),
  });
  return `${AUTHORIZE}?${params.toString()}`;
}

/** The link for anyone to add /strike to their own account, for DMs and private channels: commands only, no bot user. */
export function userInstallUrl(applicationId: string): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: OAuth2Scopes.ApplicationsCommands,
    integration_type: String(ApplicationIntegrationType.UserInstall),
  });
  return `${AUTHORIZE}?${params.toString()}`;
}
