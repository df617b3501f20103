import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { allCommands, MAX_ARGUMENT_CHARS } from '../../core/commands/registry.js';
import { AUTOCOMPLETE_KINDS } from './autocomplete.js';
import { buildDigestGroup, DIGEST_GROUP } from './digest-subcommands.js';
import { AUTOCOMPLETE_LIMITS } from './discord-limits.js';
import { truncateText } from './escape-discord-text.js';

/** The one application command; every core command is a subcommand of it. */
export const STRIKE_COMMAND_NAME = 'strike';

// Discord's limit on command, subcommand and option descriptions.
const DESCRIPTION_MAX = 100;

/**
 * /strike with one subcommand per core command (extensions included), built from the same specs as help, so
 * the two never drift; the digest command becomes a subcommand group. Options that name a proposal, person or
 * party autocomplete.
 */
export function buildStrikeCommand(ctx: CommandContext) {
  const command = new SlashCommandBuilder()
    .setName(STRIKE_COMMAND_NAME)
    .setDescription(truncateText(`Where the ${ctx.knowledge.dispute.title} stands, with sources`, DESCRIPTION_MAX))
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  for (const spec of allCommands(ctx)) {
    // The digest's actions take their own options, so on Discord it is a group of subcommands.
    if (spec.name === DIGEST_GROUP) {
      command.addSubcommandGroup((group) => buildDigestGroup(group, spec));
      continue;
    }
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
