import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { allCommands, MAX_ARGUMENT_CHARS } from '../../core/commands/registry.js';
import { EDITOR_COMMANDS } from '../../core/updates/editor-commands.js';
import { FORM_COMMANDS } from '../../core/forms/form-registry.js';
import { AUTOCOMPLETE_KINDS } from './autocomplete.js';
import { buildDigestCommand, DIGEST_CORE_COMMAND } from './digest-subcommands.js';
import { AUTOCOMPLETE_LIMITS } from './discord-limits.js';
import { buildEditorCommand } from './editor-subcommands.js';
import { truncateText } from './escape-discord-text.js';

/** The reading command; every core command that only reads is a subcommand of it. */
export const STRIKE_COMMAND_NAME = 'strike';

// Discord's limit on command, subcommand and option descriptions.
const DESCRIPTION_MAX = 100;

/** Core commands that live under their own Discord commands (/strike-digest, /strike-editor), not under /strike. */
export const NOT_UNDER_STRIKE: readonly string[] = [...new Set([DIGEST_CORE_COMMAND, ...EDITOR_COMMANDS, ...FORM_COMMANDS])];

/**
 * /strike with one subcommand per reading core command (extensions included), built from the same specs as help,
 * so the two never drift. Anyone may use it, in servers, in DMs with the bot and, installed to a user's account,
 * in private channels. Options that name a proposal, person or party autocomplete.
 */
export function buildStrikeCommand(ctx: CommandContext): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(STRIKE_COMMAND_NAME)
    .setDescription(truncateText(`Where the ${ctx.knowledge.dispute.title} stands, with sources`, DESCRIPTION_MAX))
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
  for (const spec of allCommands(ctx)) {
    if (NOT_UNDER_STRIKE.includes(spec.name)) continue;
    command.addSubcommand((sub) => {
      sub.setName(spec.name).setDescription(truncateText(spec.summary, DESCRIPTION_MAX));
      const arg = spec.arg;
      if (arg) {
        const completes = arg.name === 'name' && AUTOCOMPLETE_KINDS[spec.name] !== undefined;
        sub.addStringOption((option) =>
          option
            .setName(arg.name)
            .setDescription(truncateText(arg.description, DESCRIPTION_MAX))
            .setRequired(arg.required)
            .setMaxLength(completes ? AUTOCOMPLETE_LIMITS.choiceValue : MAX_ARGUMENT_CHARS)
            .setAutocomplete(completes),
        );
      }
      return sub;
    });
  }
  return command;
}

/** The JSON body Discord receives for /strike. */
export function strikeCommandJSON(ctx: CommandContext): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return buildStrikeCommand(ctx).toJSON();
}

/** Every command the bot answers, as one bulk registration: /strike, /strike-digest and /strike-editor. */
export function commandDefinitionsJSON(ctx: CommandContext): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [strikeCommandJSON(ctx), buildDigestCommand().toJSON(), buildEditorCommand().toJSON()];
}
