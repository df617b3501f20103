import type { App, RespondArguments } from '@slack/bolt';
import type { Reply } from '../../core/reply/reply.js';
import { afterAck } from './after-ack.js';
import { answerText } from './answer-text.js';
import type { SlackDeps } from './slack-deps.js';
import { readSlashText } from './incoming-text.js';
import { slackOrigin } from './origin.js';
import { renderBlockKit } from './render-block-kit.js';
import { shareActions } from './share-button.js';
import { MAX_BLOCK_TEXT_PER_MESSAGE, MAX_BLOCKS_PER_MESSAGE } from './slack-limits.js';
import { SLASH_COMMAND } from './slack-app-facts.js';

/** Room kept for the share button when a reply is rendered for a slash command. */
const SHARE_BUTTON_CHARS = 100;

/**
 * What a slash command's reply looks like on Slack: private unless the core says it is for the channel, and a
 * "Share in channel" button under private answers so the asker can post them for everyone.
 */
export function commandResponse(reply: Reply, commandText: string): RespondArguments {
  const shareable = reply.answered && reply.visibility === 'private';
  const message = shareable
    ? renderBlockKit(reply, { maxBlocks: MAX_BLOCKS_PER_MESSAGE - 1, maxBlockText: MAX_BLOCK_TEXT_PER_MESSAGE - SHARE_BUTTON_CHARS })
    : renderBlockKit(reply);
  return {
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    text: message.text,
    blocks: shareable ? [...message.blocks, shareActions(commandText)] : message.blocks,
  };
}

/** /strike <anything>: acknowledge at once, then answer through the response_url. */
export function registerSlashCommand(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, async ({ command, ack, respond, client, logger, context }) => {
    // Slack gives three seconds; the answer may take longer, so the empty ack goes first.
    await ack();
    await afterAck();
    const text = readSlashText(command.text);
    const origin = slackOrigin({ client, userId: command.user_id, channelId: command.channel_id, teamId: context.teamId ?? command.team_id, admins: deps.admins, logger });
    const reply = await answerText(deps.ctx, text, origin, logger);
    try {
      await respond(commandResponse(reply, text));
    } catch (err) {
      // The response_url carries a secret-ish path: log the failure, not the URL.
      logger.error(`Could not deliver a /strike answer through the response_url: ${(err as Error).message}`);
    }
  });
}
