import { MessageFlags, type AutocompleteInteraction, type Interaction } from 'discord.js';
import { answerStrikeCommand } from './answer-command.js';
import { autocompleteChoices } from './autocomplete.js';
import { STRIKE_COMMAND_NAME } from './command-definitions.js';
import { DIGEST_COMMAND_NAME } from './digest-subcommands.js';
import { describeError } from './discord-logger.js';
import { failureReply } from './failure-replies.js';
import type { HandlerContext } from './handler-context.js';
import { shareAnswer } from './share-answer.js';
import { routeCommand } from './route-command.js';
import { readShareCustomId } from './share-button.js';
import { zoneChoices } from './zone-autocomplete.js';

/**
 * Routes one interaction: interceptors first (editor forms), then /strike, /strike-digest and /strike-editor,
 * option autocomplete and Share buttons; anything else is ignored.
 */
export async function handleInteraction(h: HandlerContext, interaction: Interaction): Promise<void> {
  try {
    for (const intercept of h.interceptors) if (await intercept(interaction)) return;
    if (interaction.isChatInputCommand()) {
      const route = routeCommand(h.ctx, interaction);
      if (route) await answerStrikeCommand(h, interaction, route);
    } else if (interaction.isAutocomplete()) {
      await answerAutocomplete(h, interaction);
    } else if (interaction.isButton()) {
      const share = readShareCustomId(interaction.customId);
      if (share) await shareAnswer(h, interaction, share);
    }
  } catch (err) {
    h.logger.error(`interaction ${interaction.id} failed: ${describeError(err)}`);
    await apologize(interaction, failureReply(err)).catch((e: unknown) => h.logger.warn(`could not report the failure: ${describeError(e)}`));
  }
}

async function answerAutocomplete(h: HandlerContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (interaction.commandName === DIGEST_COMMAND_NAME && focused.name === 'zone') {
    await interaction.respond(zoneChoices(typed));
    return;
  }
  if (interaction.commandName !== STRIKE_COMMAND_NAME) return;
  const subcommand = interaction.options.getSubcommand(false) ?? '';
  await interaction.respond(autocompleteChoices(h.ctx, subcommand, typed));
}

/** Tells the user it failed, by whichever route the interaction still allows (discord.js guide's error path). */
async function apologize(interaction: Interaction, content: string): Promise<void> {
  if (!interaction.isRepliable()) return;
  if (!interaction.deferred && !interaction.replied) await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  // After a button's deferUpdate, @original is the private answer itself: keep it and add a private note.
  else if (interaction.isButton()) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
  else await interaction.editReply({ content, embeds: [], components: [] });
}
