import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { ParsedText } from '../../core/commands/registry.js';
import { NOT_UNDER_STRIKE, STRIKE_COMMAND_NAME } from './command-definitions.js';
import { DIGEST_COMMAND_NAME, DIGEST_CORE_COMMAND, parseDigestInvocation } from './digest-subcommands.js';
import { EDITOR_COMMAND_NAME, parseEditorInvocation } from './editor-subcommands.js';
import { invocationFromInteraction, parseStrikeInvocation } from './parse-interaction.js';

/** Which of the bot's commands an interaction used: reading, the channel's digest, or the editors'. */
export type CommandFamily = 'read' | 'digest' | 'editor';

/** A command interaction as the core reads it; `movedTo` when it used a /strike subcommand that now lives elsewhere. */
export interface RoutedCommand {
  family: CommandFamily;
  parsed: ParsedText;
  movedTo?: string;
}

/** Routes /strike, /strike-digest and /strike-editor to the core; undefined for any other command name. */
export function routeCommand(ctx: CommandContext, interaction: ChatInputCommandInteraction): RoutedCommand | undefined {
  const invocation = invocationFromInteraction(interaction);
  switch (interaction.commandName) {
    case STRIKE_COMMAND_NAME: {
      // A server that has not re-run discord:deploy still shows /strike digest … and /strike update.
      if (NOT_UNDER_STRIKE.includes(invocation.subcommand)) {
        const movedTo = invocation.subcommand === DIGEST_CORE_COMMAND ? `/${DIGEST_COMMAND_NAME}` : `/${EDITOR_COMMAND_NAME} ${invocation.subcommand}`;
        return { family: 'read', parsed: { kind: 'unknown', word: invocation.subcommand }, movedTo };
      }
      return { family: 'read', parsed: parseStrikeInvocation(ctx, invocation) };
    }
    case DIGEST_COMMAND_NAME:
      return { family: 'digest', parsed: parseDigestInvocation(invocation) };
    case EDITOR_COMMAND_NAME:
      return { family: 'editor', parsed: parseEditorInvocation(invocation) };
    default:
      return undefined;
  }
}
