import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord, FAKE_ROUTES } from '../test/fakes/discord-fake.js';
import { KNOWN_CHANNELS } from '../test/fakes/discord-fake-messages.js';
import { FAKE_IDS } from '../test/fakes/discord-fake-payloads.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import type { BenchSuite } from './run.js';
import { startRateLimitProxy } from './rate-limit-proxy.js';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 1000);
/** Accepted posts per second: the fakes' limit for each platform (Discord's documented global 50/s; the same for Slack). */
const PER_SECOND = { slack: 50, discord: 50 };

/** One day's digests to 1,000 channels (half Slack, half Discord) against fakes that answer 429 over their rate limit. */
const suite: BenchSuite = {
  name: 'digest fan-out',
  async run() {
    // The fake answers Unknown Channel for channels it does not know: give it the bench's 500 Discord channels.
    for (const id of discordChannelIds(SUBSCRIPTIONS)) KNOWN_CHANNELS[id] = { type: 0, guild_id: FAKE_IDS.guild };
    const slack = await startFakeSlackWebApi();
    const discord = await startFakeDiscord();
    const slackProxy = await startRateLimitProxy(slack.apiUrl.replace(/\/api\/$/, ''), { perSecond: PER_SECOND.slack, style: 'slack', limits: (m, p) => m === 'POST' && p.endsWith('/chat.postMessage') });
    const discordProxy = await startRateLimitProxy(discord.apiUrl.replace(/\/api$/, ''), { perSecond: PER_SECOND.discord, style: 'discord', limits: (m, p) => m === 'POST' && /\/channels\/\d+\/messages$/.test(p) });
    const dir = mkdtempSync(join(tmpdir(), 'strikewire-digest-bench-'));
    try {
      const figures = await runChild({
        DATABASE_PATH: join(dir, 'bench.db'),
        SLACK_API_URL: `${slackProxy.url}/api/`,
        DISCORD_API_URL: `${discordProxy.url}/api`,
        SUBSCRIPTIONS: String(SUBSCRIPTIONS),
        CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '8',
      });
      const perChannel = new Map<string, number>();
      for (const c of slack.callsTo('chat.postMessage')) perChannel.set(`slack:${String(c.body.channel)}`, (perChannel.get(`slack:${String(c.body.channel)}`) ?? 0) + 1);
      for (const c of discord.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.status === 200)) {
        perChannel.set(`discord:${c.params.channel}`, (perChannel.get(`discord:${c.params.channel}`) ?? 0) + 1);
      }
      const duplicates = [...perChannel.values()].reduce((n, count) => n + Math.max(0, count - 1), 0);
      const losses = SUBSCRIPTIONS - perChannel.size;
      // Each lane runs on its own; the slower one sets the pace.
      const idealMs = Math.max(SUBSCRIPTIONS / 2 / PER_SECOND.slack, SUBSCRIPTIONS / 2 / PER_SECOND.discord) * 1000;
      console.log(`subscriptions: ${SUBSCRIPTIONS} (${SUBSCRIPTIONS / 2} Slack, ${SUBSCRIPTIONS / 2} Discord); limits ${PER_SECOND.slack}/s Slack, ${PER_SECOND.discord}/s Discord`);
      console.log(`wall time: ${(figures.wallMs / 1000).toFixed(2)} s; ideal set by the rate limits: ${(idealMs / 1000).toFixed(2)} s; ratio ${(figures.wallMs / idealMs).toFixed(3)} (target <= 1.2)`);
      console.log(`posts accepted: ${[...perChannel.values()].reduce((a, b) => a + b, 0)}; duplicates: ${duplicates}; losses: ${losses} (target 0 and 0)`);
      console.log(`per lane, first to last accepted post: Slack ${(slackProxy.spanMs / 1000).toFixed(2)} s, Discord ${(discordProxy.spanMs / 1000).toFixed(2)} s`);
      console.log(`429s answered: Slack ${slackProxy.limited}, Discord ${discordProxy.limited}; outcomes: ${JSON.stringify(figures.summary)}`);
      console.log(`peak RSS of the bot process: ${(figures.maxRssKb / 1024).toFixed(1)} MiB`);
    } finally {
      await Promise.all([slackProxy.close(), discordProxy.close(), slack.close(), discord.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default suite;

/** The Discord channel ids the bench child subscribes (every odd subscription); keep in step with digest-fanout-child.ts. */
export function discordChannelIds(total: number): string[] {
  return Array.from({ length: total }, (_, i) => i).filter((i) => i % 2 === 1).map((i) => String(910000000000000000n + BigInt(i)));
}

interface ChildFigures {
  wallMs: number;
  summary: Record<string, number>;
  maxRssKb: number;
}

function runChild(env: Record<string, string>): Promise<ChildFigures> {
  const script = fileURLToPath(new URL('./digest-fanout-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench child exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ChildFigures);
    });
  });
}
