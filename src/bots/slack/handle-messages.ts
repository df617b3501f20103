import type { App, Logger, webApi } from '@slack/bolt';
import { answerText } from './answer-text.js';
import { readMessageText } from './incoming-text.js';
import { slackOrigin } from './origin.js';
import { renderBlockKit } from './render-block-kit.js';
import type { SlackDeps } from './slack-deps.js';
import { MessageEventSchema } from './slack-payloads.js';

interface ThreadAnswerInput {
  raw: unknown;
  botUserId: string | undefined;
  teamId: string | undefined;
  client: webApi.WebClient;
  logger: Logger;
}

/** Why a message is not ours to answer, or undefined when it is. */
function reasonToIgnore(event: { user?: string; bot_id?: string; subtype?: string }): string | undefined {
  if (event.bot_id) return 'sent by a bot';
  if (event.subtype) return `subtype ${event.subtype}`;
  if (!event.user) return 'no user';
  return undefined;
}

/** Answers a mention or a direct message in its thread, with the reply's sources under it. */
async function answerInThread(deps: SlackDeps, input: ThreadAnswerInput): Promise<void> {
  const { logger } = input;
  const parsed = MessageEventSchema.safeParse(input.raw);
  if (!parsed.success) {
    logger.debug('Ignoring a message event without a channel or timestamp');
    return;
  }
  const event = parsed.data;
  const reason = reasonToIgnore(event);
  if (reason) {
    // Bots answering bots loop forever, and edits or joins are not questions.
    logger.debug(`Ignoring a ${event.type} event: ${reason}`);
    return;
  }
  const text = readMessageText(event.text, input.botUserId);
  const origin = slackOrigin({ client: input.client, userId: event.user!, channelId: event.channel, teamId: input.teamId, admins: deps.admins, logger });
  const reply = await answerText(deps.ctx, text, origin, logger);
  const message = renderBlockKit(reply);
  await input.client.chat.postMessage({
    channel: event.channel,
    thread_ts: event.thread_ts ?? event.ts,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
  });
}

/** @strikewire in a channel, and direct messages to the app: both answered in a thread. */
export function registerMessageHandlers(app: App, deps: SlackDeps): void {
  app.event('app_mention', async ({ event, context, client, logger }) => {
    await answerInThread(deps, { raw: event, botUserId: context.botUserId, teamId: context.teamId, client, logger });
  });
  app.event('message', async ({ event, context, client, logger }) => {
    // message.im is the only message subscription; the check keeps channel chatter out if more are added.
    if (!('channel_type' in event) || event.channel_type !== 'im') return;
    await answerInThread(deps, { raw: event, botUserId: context.botUserId, teamId: context.teamId, client, logger });
  });
}
