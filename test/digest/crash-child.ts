/**
 * A digest process that gets killed mid fan-out, for the end-to-end crash test. It runs one due check with the real
 * posters against the fakes; after the post to each channel in HANG_AFTER_POST_TO succeeds, it reports
 * "posted <channel>" on stdout and never confirms, so the parent can SIGKILL it between post and confirmation.
 */
import { loadContext } from '../../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { createDiscordDigestChannel, createDiscordDigestRest } from '../../src/bots/discord/digest-poster.js';
import { createSlackDigestChannel, createSlackDigestClient } from '../../src/bots/slack/digest-poster.js';
import type { DigestChannel } from '../../src/scheduler/digest-channel.js';
import { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import { openStore } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';

const env = process.env;
const now = new Date(env.NOW!);
const hangOn = new Set((env.HANG_AFTER_POST_TO ?? '').split(',').filter(Boolean));

function hangingAfterPost(channel: DigestChannel): DigestChannel {
  return {
    ...channel,
    async post(target, digest, key) {
      const posted = await channel.post(target, digest, key);
      if (hangOn.has(target.channelId)) {
        process.stdout.write(`posted ${target.channelId}\n`);
        // Hang with the event loop alive (a bare pending promise would let the process exit).
        await new Promise(() => setInterval(() => undefined, 60_000));
      }
      return posted;
    },
  };
}

const store = await openStore({ databaseUrl: env.DATABASE_URL, databasePath: env.DATABASE_PATH ?? '' });
const scheduler = new DigestScheduler({
  ctx: loadContext(WGA_2023_PACK_DIR, { clock: () => now }),
  subscriptions: new SubscriptionStore(store),
  deliveries: new DeliveryStore(store),
  channels: {
    slack: hangingAfterPost(createSlackDigestChannel(createSlackDigestClient({ botToken: env.SLACK_BOT_TOKEN!, apiUrl: env.SLACK_API_URL!, timeoutMs: 5000 }))),
    discord: hangingAfterPost(createDiscordDigestChannel(createDiscordDigestRest({ token: env.DISCORD_TOKEN!, apiUrl: env.DISCORD_API_URL!, timeoutMs: 5000 }))),
  },
  clock: () => now,
  // One at a time per platform: the first Slack channel hangs, so the second is never claimed before the kill.
  concurrency: 1,
  log: (m) => process.stderr.write(`${m}\n`),
});
await scheduler.runDueCheck(1);
process.stdout.write('finished without hanging\n');
await store.close();
