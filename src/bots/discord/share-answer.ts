import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { runParsed } from '../../core/commands/registry.js';
import type { HandlerContext } from './handler-context.js';
import { postPublicly } from './interaction-replies.js';
import { originFromInteraction } from './origin.js';
import { renderDiscordMessages } from './render-embeds.js';
import { sharedButtonRow, type ShareTarget } from './share-button.js';

/**
 * "Share in channel" under a private answer: acknowledges at once without a new message (deferUpdate), re-runs
 * the command, posts it for everyone with a "Shared by" line, then marks the private copy's button as used so
 * one click cannot post twice.
 */
export async function shareAnswer(h: HandlerContext, interaction: ButtonInteraction, target: ShareTarget | 'expired'): Promise<void> {
  if (target === 'expired') {
    await interaction.reply({ content: 'That answer is too old to share now. Run the command again, then share it.', flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const reply = await runParsed(h.ctx, { kind: 'command', name: target.name, args: target.args }, originFromInteraction(interaction));
  // The mention renders the name; allowed_mentions { parse: [] } on the client keeps it from pinging.
  await postPublicly(interaction, renderDiscordMessages(reply, { content: `Shared by <@${interaction.user.id}>` }));
  await interaction.editReply({ components: [sharedButtonRow()] });
}
