import { startFakeDiscord, FAKE_ROUTES } from '../test/fakes/discord-fake.js';
import { KNOWN_CHANNELS } from '../test/fakes/discord-fake-messages.js';
import { FAKE_IDS } from '../test/fakes/discord-fake-payloads.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import { createTestDatabase, type StoreKind } from '../test/support/test-database.js';
import type { BenchSuite } from './run.js';
import { startRateLimitProxy } from './rate-limit-proxy.js';
import { runFanoutChild } from './run-fanout-child.js';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1000);
/** Accepted posts per second: the fakes' limit for each platform (Discord's documented global 50/s; the same for Slack). */
const PER_SECOND = { slack: 50, discord: 50 };
/** The deployments compared, side by side in one run. */
const SETUPS: { label: string; kind: StoreKind; replicas: number }[] = [
  { label: '1 replica, SQLite', kind: 'sqlite', replicas: 1 },
  { label: '1 replica, PostgreSQL', kind: 'postgres', replicas: 1 },
  { label: '2 replicas, PostgreSQL', kind: 'postgres', replicas: 2 },
];

/** The Discord channel ids the bench child subscribes (every odd subscription); keep in step with digest-fanout-child.ts. */
function discordChannelIds(total: number): string[] {
  return Array.from({ length: total }, (_, i) => i).filter((i) => i % 2 === 1).map((i) => String(910000000000000000n + BigInt(i)));
}

/** One day's digests to 1,000 channels, by each deployment in turn, through fakes that answer 429 over their rate limit. */
async function runSetup(setup: (typeof SETUPS)[number]): Promise<void> {
  const slack = await startFakeSlackWebApi();
  const discord = await startFakeDiscord();
  const slackProxy = await startRateLimitProxy(slack.apiUrl.replace(/\/api\/$/, ''), { perSecond: PER_SECOND.slack, style: 'slack', limits: (m, p) => m === 'POST' && p.endsWith('/chat.postMessage') });
  const discordProxy = await startRateLimitProxy(discord.apiUrl.replace(/\/api$/, ''), { perSecond: PER_SECOND.discord, style: 'discord', limits: (m, p) => m === 'POST' && /\/channels\/\d+\/messages$/.test(p) });
  const database = await createTestDatabase(setup.kind);
  try {
    const env = {
      ...(database.config.databaseUrl ? { DATABASE_URL: database.config.databaseUrl } : { DATABASE_PATH: database.config.databasePath }),
      SLACK_API_URL: `${slackProxy.url}/api/`,
      DISCORD_API_URL: `${discordProxy.url}/api`,
      SUBSCRIPTIONS: String(SUBSCRIPTIONS),
      CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '8',
    };
    await runFanoutChild({ ...env, SEED_ONLY: '1' });
    const figures = (await Promise.all(Array.from({ length: setup.replicas }, () => runFanoutChild({ ...env, SEED: '0' })))).map((f) => f!);
    const perChannel = new Map<string, number>();
    const count = (key: string) => perChannel.set(key, (perChannel.get(key) ?? 0) + 1);
    for (const c of slack.callsTo('chat.postMessage')) count(`slack:${String(c.body.channel)}`);
    for (const c of discord.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.status === 200)) count(`discord:${c.params.channel}`);
    const duplicates = [...perChannel.values()].reduce((n, k) => n + Math.max(0, k - 1), 0);
    const losses = SUBSCRIPTIONS - perChannel.size;
    // Each lane runs on its own; the slower one sets the pace. Several replicas share the same limits.
    const idealMs = Math.max(SUBSCRIPTIONS / 2 / PER_SECOND.slack, SUBSCRIPTIONS / 2 / PER_SECOND.discord) * 1000;
    const wallMs = Math.max(...figures.map((f) => f.endedAt)) - Math.min(...figures.map((f) => f.startedAt));
    const posted = figures.map((f) => (f.summary.posted ?? 0) + (f.summary['posted-late'] ?? 0)).join(' + ');
    console.log(
      `${setup.label.padEnd(24)} wall ${(wallMs / 1000).toFixed(2)} s, ideal ${(idealMs / 1000).toFixed(2)} s, ratio ${(wallMs / idealMs).toFixed(3)} (target <= 1.1); ` +
        `duplicates ${duplicates}, losses ${losses} (target 0 and 0); posted per replica ${posted}; 429s ${slackProxy.limited} Slack, ${discordProxy.limited} Discord; ` +
        `peak RSS per replica ${figures.map((f) => `${(f.maxRssKb / 1024).toFixed(0)} MiB`).join(', ')}`,
    );
  } finally {
    await Promise.all([slackProxy.close(), discordProxy.close(), slack.close(), discord.close()]);
    await database.drop();
  }
}

const suite: BenchSuite = {
  name: 'digest fan-out',
  async run() {
    // The fake answers Unknown Channel for channels it does not know: give it the bench's Discord channels.
    for (const id of discordChannelIds(SUBSCRIPTIONS)) KNOWN_CHANNELS[id] = { type: 0, guild_id: FAKE_IDS.guild };
    console.log(`${SUBSCRIPTIONS} subscriptions (${SUBSCRIPTIONS / 2} Slack, ${SUBSCRIPTIONS / 2} Discord); limits ${PER_SECOND.slack}/s Slack, ${PER_SECOND.discord}/s Discord`);
    for (const setup of SETUPS) await runSetup(setup);
  },
};
export default suite;
