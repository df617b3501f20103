/**
 * The bot side of the digest benches, in its own process so its peak memory is the bot's alone. With SEED_ONLY=1 it
 * creates the subscriptions and exits; otherwise it runs one due check through the real posters against the
 * rate-limited fakes (creating the subscriptions first unless SEED=0) and prints figures as JSON. Several of these
 * on one DATABASE_URL are several replicas racing for the same day's digests.
 */
import { loadContext } from '../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { createDiscordDigestChannel, createDiscordDigestRest } from '../src/bots/discord/digest-poster.js';
import { createSlackDigestChannel, createSlackDigestClient } from '../src/bots/slack/digest-poster.js';
import { DigestScheduler } from '../src/scheduler/digest-scheduler.js';
import { DeliveryStore } from '../src/store/delivery-store.js';
import { LeaseStore } from '../src/store/lease-store.js';
import { openStore } from '../src/store/open-store.js';
import { SubscriptionStore } from '../src/store/subscription-store.js';

const { DATABASE_PATH, DATABASE_URL, SLACK_API_URL, DISCORD_API_URL, SUBSCRIPTIONS, CONCURRENCY, SEED, SEED_ONLY } = process.env;
const total = Number(SUBSCRIPTIONS ?? 1000);
const now = new Date('2024-06-05T16:00:01Z');
const store = await openStore({ databasePath: DATABASE_PATH ?? '', ...(DATABASE_URL ? { databaseUrl: DATABASE_URL } : {}) });
const subscriptions = new SubscriptionStore(store);
const deliveries = new DeliveryStore(store);
const createdAt = new Date('2024-06-01T00:00:00Z');
if (SEED !== '0') {
  // Each upsert is its own write transaction, as a subscribe command's is; set-up time is not measured.
  for (let i = 0; i < total; i++) {
    const platform = i % 2 === 0 ? 'slack' : 'discord';
    const channelId = platform === 'slack' ? `C${String(i).padStart(6, '0')}` : String(910000000000000000n + BigInt(i));
    await subscriptions.upsert({ platform, channelId, localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'bench' }, createdAt);
  }
}
if (SEED_ONLY === '1') {
  await store.close();
  process.exit(0);
}

const scheduler = new DigestScheduler({
  ctx: loadContext(WGA_2023_PACK_DIR),
  subscriptions,
  deliveries,
  channels: {
    slack: createSlackDigestChannel(createSlackDigestClient({ botToken: 'xoxb-bench', apiUrl: SLACK_API_URL! })),
    discord: createDiscordDigestChannel(createDiscordDigestRest({ token: 'bench.token', apiUrl: DISCORD_API_URL! })),
  },
  clock: () => now,
  // Claims and leases in the database's clock, as in production, so replicas agree whatever their own clocks say.
  leaseClock: () => deliveries.dbNow(),
  // As start-digests.ts wires it: one replica at a time fans each platform out.
  laneLeases: new LeaseStore(store),
  concurrency: Number(CONCURRENCY ?? 8),
  log: () => undefined,
});
const startedAt = Date.now();
const started = performance.now();
const summary = await scheduler.runDueCheck(0);
const wallMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ wallMs, startedAt, endedAt: Date.now(), summary, maxRssKb: process.resourceUsage().maxRSS })}\n`);
await store.close();
