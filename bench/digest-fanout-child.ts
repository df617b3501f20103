/**
 * The bot side of the digest bench, in its own process so its peak memory is the bot's alone: creates the
 * subscriptions, runs one due check through the real posters against the rate-limited fakes, prints figures as JSON.
 */
import { loadContext } from '../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { createDiscordDigestChannel, createDiscordDigestRest } from '../src/bots/discord/digest-poster.js';
import { createSlackDigestChannel, createSlackDigestClient } from '../src/bots/slack/digest-poster.js';
import { DigestScheduler } from '../src/scheduler/digest-scheduler.js';
import { DeliveryStore } from '../src/store/delivery-store.js';
import { openStore } from '../src/store/open-store.js';
import { SubscriptionStore } from '../src/store/subscription-store.js';

const { DATABASE_PATH, SLACK_API_URL, DISCORD_API_URL, SUBSCRIPTIONS, CONCURRENCY } = process.env;
const total = Number(SUBSCRIPTIONS ?? 1000);
const now = new Date('2024-06-05T16:00:01Z');
const store = await openStore({ databasePath: DATABASE_PATH! });
const subscriptions = new SubscriptionStore(store);
const createdAt = new Date('2024-06-01T00:00:00Z');
// Each upsert is its own write transaction, as a subscribe command's is; set-up time is not measured.
for (let i = 0; i < total; i++) {
  const platform = i % 2 === 0 ? 'slack' : 'discord';
  const channelId = platform === 'slack' ? `C${String(i).padStart(6, '0')}` : String(910000000000000000n + BigInt(i));
  await subscriptions.upsert({ platform, channelId, localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'bench' }, createdAt);
}

const scheduler = new DigestScheduler({
  ctx: loadContext(WGA_2023_PACK_DIR),
  subscriptions,
  deliveries: new DeliveryStore(store),
  channels: {
    slack: createSlackDigestChannel(createSlackDigestClient({ botToken: 'xoxb-bench', apiUrl: SLACK_API_URL! })),
    discord: createDiscordDigestChannel(createDiscordDigestRest({ token: 'bench.token', apiUrl: DISCORD_API_URL! })),
  },
  clock: () => now,
  concurrency: Number(CONCURRENCY ?? 8),
  log: () => undefined,
});
const started = performance.now();
const summary = await scheduler.runDueCheck(0);
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ wallMs, summary, maxRssKb: process.resourceUsage().maxRSS })}\n`);
await store.close();
