import type { webApi } from '@slack/bolt';

/** Errors from conversations.history that mean the bot cannot read this channel until someone adds it. */
const CANNOT_READ = new Set(['not_in_channel', 'channel_not_found', 'missing_scope']);

/** What a subscriber is told when the bot can post in a channel but not read it. */
export const CANNOT_READ_HISTORY_TEXT =
  'I can post here but cannot read this channel’s history, which is how I make sure a digest never goes out twice after a Slack outage. Add me to the channel with /invite @Strikewire.';

/**
 * Checks that the bot can read a channel's history (a single message of it): in a public channel it posts to through
 * chat:write.public without being a member, it cannot. A network failure says nothing about access and is only logged.
 */
export async function slackHistoryProblem(client: webApi.WebClient, channel: string, log: (message: string) => void): Promise<string | undefined> {
  try {
    await client.conversations.history({ channel, limit: 1 });
    return undefined;
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code && CANNOT_READ.has(code)) return CANNOT_READ_HISTORY_TEXT;
    log(`could not check whether the bot can read channel ${channel}: ${(err as Error).message}`);
    return undefined;
  }
}
