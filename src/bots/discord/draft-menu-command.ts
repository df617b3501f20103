import { ApplicationCommandType, ApplicationIntegrationType, InteractionContextType, type RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';

/** The message command's name, as Discord shows it in the Apps menu. */
export const DRAFT_MENU_NAME = 'Draft update from this message';

/**
 * The message context-menu command (type 3). default_member_permissions "0" hides it from everyone but
 * administrators until a server grants it to its editors' role; the bot checks EDITORS_DISCORD again on use.
 */
export function draftMenuJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody {
  return {
    name: DRAFT_MENU_NAME,
    type: ApplicationCommandType.Message,
    default_member_permissions: '0',
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}
