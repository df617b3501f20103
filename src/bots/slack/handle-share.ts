import type { App, Logger, types } from '@slack/bolt';
import { storageTrouble } from '../../store/busy-retry.js';
import { afterAck } from './after-ack.js';
import { answerText } from './answer-text.js';
import { fitEscaped } from './escape-mrkdwn.js';
import { shareKey } from './interaction-keys.js';
import { slackOrigin } from './origin.js';
import { renderBlockKit } from './render-block-kit.js';
import { MAX_SHARE_VALUE, SHARE_ACTION_ID } from './share-button.js';
import type { SlackDeps } from './slack-deps.js';
import { MAX_BLOCK_TEXT_PER_MESSAGE, MAX_BLOCKS_PER_MESSAGE } from './slack-limits.js';
import { ButtonClickSchema, SLACK_USER_ID } from './slack-payloads.js';

/** Web API errors that mean the bot may not post here, with what the user can do about it. */
const CANNOT_POST: Record<string, string> = {
  not_in_channel: 'I am not in this channel. Invite me with /invite, then share again.',
  channel_not_found: 'I cannot see this channel. Invite me with /invite, then share again.',
  is_archived: 'This channel is archived, so I cannot post in it.',
  restricted_action: 'This workspace does not let me post in this channel.',
};

/**
 * True when this click is the first for its key. Storage trouble lets the share through: the post itself needs no
 * storage, and a member should not be refused because the database is locked or read-only.
 */
async function firstShare(deps: SlackDeps, key: string, logger: Logger): Promise<boolean> {
  if (!deps.claims) return true;
  try {
    return (await deps.claims.claim('slack', key, deps.ctx.clock())).first;
  } catch (err) {
    if (!storageTrouble(err)) throw err;
    logger.warn(`Could not record a share click: ${(err as Error).message}`);
    return true;
  }
}

/** The line under a shared answer: who shared it and the command that made it. */
function sharedByContext(userId: string, commandText: string): types.ContextBlock {
  const who = SLACK_USER_ID.test(userId) ? `<@${userId}>` : 'a member';
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${who} · /strike ${fitEscaped(commandText, 200)}` }] };
}

/**
 * "Share in channel": re-runs the command carried by the button (never trusting blocks a client could forge) and
 * posts the answer to the channel, then removes the private copy.
 */
export function registerShareButton(app: App, deps: SlackDeps): void {
  app.action(SHARE_ACTION_ID, async ({ ack, body, client, respond, logger }) => {
    await ack();
    await afterAck();
    const click = ButtonClickSchema.safeParse(body);
    const channel = click.success ? (click.data.channel?.id ?? click.data.container?.channel_id) : undefined;
    if (!click.success || !channel) {
      logger.warn('Ignoring a share click without a user or channel');
      return;
    }
    const userId = click.data.user.id;
    // Replays and double clicks share a key; only the first delivery posts.
    const key = shareKey(click.data, channel, SHARE_ACTION_ID);
    if (!(await firstShare(deps, key, logger))) {
      logger.debug('Ignoring a repeated share click');
      return;
    }
    const commandText = (click.data.actions.find((a) => a.action_id === SHARE_ACTION_ID)?.value ?? 'help').slice(0, MAX_SHARE_VALUE);
    const origin = slackOrigin({ client, userId, channelId: channel, admins: deps.admins, logger });
    const reply = await answerText(deps.ctx, commandText, origin, logger);
    const message = renderBlockKit(reply, { maxBlocks: MAX_BLOCKS_PER_MESSAGE - 1, maxBlockText: MAX_BLOCK_TEXT_PER_MESSAGE - 300 });
    let posted;
    try {
      posted = await client.chat.postMessage({
        channel,
        text: message.text,
        blocks: [...message.blocks, sharedByContext(userId, commandText)],
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error ?? 'unknown';
      logger.warn(`Sharing an answer failed: ${code}`);
      // Nothing was posted: after /invite the same button must work.
      await deps.claims?.release('slack', key).catch(() => undefined);
      await respond({ response_type: 'ephemeral', replace_original: false, text: CANNOT_POST[code] ?? 'I could not post that in the channel. Please try again.' });
      return;
    }
    await deps.claims?.complete('slack', key, posted.ts ?? 'posted').catch((err: Error) => logger.warn(`Could not record a share: ${err.message}`));
    await respond({ delete_original: true }).catch((err: Error) => logger.warn(`Could not remove the private copy: ${err.message}`));
  });
}
