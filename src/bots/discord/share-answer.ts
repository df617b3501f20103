import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { runParsed } from '../../core/commands/registry.js';
import type { HandlerContext } from './handler-context.js';
import { deliverToInteraction } from './interaction-replies.js';
import { originFromInteraction } from './origin.js';
import { renderDiscordMessages } from './render-embeds.js';
import type { ShareTarget } from './share-button.js';

/**
 * Posts an answer publicly after someone pressed "Share in channel" under their private copy: a public deferred
 * reply (so the 3-second deadline holds), then the command re-run and rendered with a "Shared by" line.
 */
export async function shareAnswer(h: HandlerContext, interaction: ButtonInteraction, target: ShareTarget | 'expired'): Promise<void> {
  if (target === 'expired') {
    await interaction.reply({ content: 'That answer is too old to share now. Run the command again, then share it.', flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply();
  const reply = await runParsed(h.ctx, { kind: 'command', name: target.name, args: target.args }, originFromInteraction(interaction));
  // A mention renders the name; allowed_mentions { parse: [] } on the client keeps it from pinging.
  const payloads = renderDiscordMessages(reply, { content: `Shared by <@${interaction.user.id}>` });
  await deliverToInteraction(interaction, payloads, { ephemeral: false });
}
