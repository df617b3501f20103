import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { runParsed } from '../../core/commands/registry.js';
import { noteReply } from '../../core/updates/editor-replies.js';
import { writesDigest } from './digest-subcommands.js';
import { describeError } from './discord-logger.js';
import type { HandlerContext } from './handler-context.js';
import { deliverPrivately, postPublicly, POSTED_PUBLICLY_NOTE } from './interaction-replies.js';
import { originFromInteraction } from './origin.js';
import { renderDiscordMessages } from './render-embeds.js';
import type { RoutedCommand } from './route-command.js';
import { shareButtonRow, shareCustomId, type ShareTarget } from './share-button.js';

/**
 * Answers /strike, /strike-digest and /strike-editor (when no editor form took it): defers (ephemeral) before
 * doing any work, so Discord's 3-second deadline never depends on how long the core takes, then edits the deferred
 * reply with the answer and, for /strike, a Share button. A reply the core marks for the channel (a digest
 * subscription) is posted for everyone instead. A subscribe or unsubscribe delivered twice runs once.
 */
export async function answerStrikeCommand(h: HandlerContext, interaction: ChatInputCommandInteraction, route: RoutedCommand): Promise<void> {
  const { parsed } = route;
  if (writesDigest(parsed) && !(await h.claims.claim('discord', interaction.id, h.clock())).first) {
    h.logger.debug(`interaction ${interaction.id} was delivered again; already handled`);
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = route.movedTo
    ? noteReply(h.ctx, 'This command moved', `Use ${route.movedTo} instead. Server admins: run npm run discord:deploy to update the command list.`)
    : await runParsed(h.ctx, parsed, originFromInteraction(interaction));
  const payloads = renderDiscordMessages(reply);
  if (reply.visibility === 'channel') {
    await interaction.editReply({ content: POSTED_PUBLICLY_NOTE });
    await postPublicly(interaction, payloads);
    return;
  }
  // Only reading answers are worth sharing; "I don't know that name" stays private.
  const shareable = route.family === 'read' && !route.movedTo && parsed.kind === 'command' && reply.answered;
  const share = shareable ? await issueShare(h, interaction, { name: parsed.name, args: parsed.args }) : undefined;
  await deliverPrivately(interaction, payloads, share ? [shareButtonRow(share)] : []);
}

/** A Share button id owned by the asker; without one (storage busy or read-only) the answer still goes out. */
async function issueShare(h: HandlerContext, interaction: ChatInputCommandInteraction, target: ShareTarget): Promise<string | undefined> {
  try {
    const token = await h.shares.issue('discord', { userId: interaction.user.id, channelId: interaction.channelId ?? undefined }, JSON.stringify(target), h.clock());
    return shareCustomId(token);
  } catch (err) {
    h.logger.warn(`no Share button for interaction ${interaction.id}: ${describeError(err)}`);
    return undefined;
  }
}
