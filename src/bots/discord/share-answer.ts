import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { runParsed } from '../../core/commands/registry.js';
import type { ShareRedemption } from '../../store/share-tokens.js';
import type { HandlerContext } from './handler-context.js';
import { postPublicly } from './interaction-replies.js';
import { originFromInteraction } from './origin.js';
import { renderDiscordMessages } from './render-embeds.js';
import { parseShareTarget, sharedButtonRow } from './share-button.js';

/** What a press that cannot share is told, privately. */
export const SHARE_REFUSALS: Record<Exclude<ShareRedemption['kind'], 'ok'>, string> = {
  expired: 'This button has expired. Ask again to get a fresh one.',
  'not-owner': 'Only the person who asked can share this answer. Ask the question yourself to get your own Share button.',
  used: 'This answer is already shared in the channel.',
};

/**
 * "Share in channel" under a private answer. A repeat of the same interaction id does nothing; the token is
 * redeemed once, by its owner, in its channel, before expiry, so a double click or an old button cannot post. Then
 * it acknowledges without a new message (deferUpdate), re-runs the command, posts it for everyone with a
 * "Shared by" line, and marks the private copy's button as used.
 */
export async function shareAnswer(h: HandlerContext, interaction: ButtonInteraction, share: { token: string } | 'unknown'): Promise<void> {
  const now = h.clock();
  if (!(await h.claims.claim('discord', interaction.id, now)).first) {
    h.logger.debug(`interaction ${interaction.id} was delivered again; already handled`);
    return;
  }
  const redeemed = share === 'unknown' ? ({ kind: 'expired' } as const) : await h.shares.redeem('discord', share.token, { userId: interaction.user.id, channelId: interaction.channelId ?? undefined }, now);
  const target = redeemed.kind === 'ok' ? parseShareTarget(redeemed.payload) : undefined;
  if (redeemed.kind !== 'ok' || !target) {
    await interaction.reply({ content: SHARE_REFUSALS[redeemed.kind === 'ok' ? 'expired' : redeemed.kind], flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferUpdate();
  const reply = await runParsed(h.ctx, { kind: 'command', name: target.name, args: target.args }, originFromInteraction(interaction));
  // The mention renders the name; allowed_mentions { parse: [] } on the client keeps it from pinging.
  await postPublicly(interaction, renderDiscordMessages(reply, { content: `Shared by <@${interaction.user.id}>` }));
  await interaction.editReply({ components: [sharedButtonRow()] });
  await h.claims.complete('discord', interaction.id, 'shared');
}
