/**
 * Daily digests end to end: the real Bolt app and the real discord.js client against the loopback fakes, with
 * subscriptions made through /strike, deliveries driven by ticks on an injected clock, and a digest process killed
 * with SIGKILL between posting and confirming.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/discord-bot.js';
import { POSTED_PUBLICLY_NOTE } from '../../src/bots/discord/interaction-replies.js';
import { openDigestService, type DigestService } from '../../src/bots/digests/start-digests.js';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/create-slack-app.js';
import { DIGEST_EVENT_TYPE } from '../../src/bots/slack/digest-poster.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { loadContext } from '../../src/core/create-context.js';
import { parseEnv } from '../../src/env.js';
import type { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { commandInteraction, FAKE_IDS, type FakePlace } from '../fakes/discord-fake-payloads.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../fakes/discord-fake.js';
import { installSlackChannelHistory } from '../fakes/slack-channel-history.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { ManualClock } from '../scheduler/scheduler-harness.js';

const SIGNING_SECRET = 'digest-e2e-signing-secret';
const SLACK_TOKEN = 'xoxb-digest-e2e';
const DISCORD_TOKEN = 'fake.bot.token';
const ADMIN = 'U0ADMIN';
const MEMBER = 'U0MEMBER';
const DISCORD_CHANNEL = FAKE_IDS.channel;

const dir = mkdtempSync(join(tmpdir(), 'strikewire-digest-e2e-'));
const clock = new ManualClock(new Date('2023-08-05T12:00:00Z'));
let slackFake: FakeSlackWebApi;
let history: ReturnType<typeof installSlackChannelHistory>;
let discordFake: FakeDiscord;
let digests: DigestService;
let slack: SlackApp;
let bot: DiscordBot;
let driver: SlackRequestDriver;
let scheduler: DigestScheduler;
let stopService: () => Promise<void>;
let env: ReturnType<typeof parseEnv>;
const logs: string[] = [];

beforeAll(async () => {
  slackFake = await startFakeSlackWebApi();
  history = installSlackChannelHistory(slackFake);
  slackFake.setUser(ADMIN, { is_admin: true });
  discordFake = await startFakeDiscord();
  env = parseEnv({
    SLACK_BOT_TOKEN: SLACK_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackFake.apiUrl,
    DISCORD_TOKEN,
    DISCORD_API_URL: discordFake.apiUrl,
    DATABASE_PATH: join(dir, 'data', 'strikewire.db'),
    DIGEST_TZ: 'America/Los_Angeles',
  });
  digests = await openDigestService(env, { clock: clock.now, cron: false, scheduler: fastRetries(), log: (m) => logs.push(m) });
  const ctx = loadContext(WGA_2023_PACK_DIR, { clock: clock.now, extensions: [digests.command] });
  slack = createSlackApp(ctx, { botToken: SLACK_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slackFake.apiUrl, retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 } });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  driver = new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  bot = createDiscordBot(ctx, { store: digests.store, token: DISCORD_TOKEN, apiUrl: discordFake.apiUrl, rest: { timeout: 5000, retries: 1 }, logger: { debug() {}, info() {}, warn: (m) => logs.push(m), error: (m) => logs.push(m) } });
  await bot.start();
  const started = await digests.start(ctx);
  scheduler = started.scheduler;
  stopService = () => started.stop();
});

afterAll(async () => {
  await stopService?.();
  await bot?.stop();
  await slack?.stop();
  await Promise.all([slackFake?.close(), discordFake?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function fastRetries() {
  return { concurrency: 2, policy: { transientAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, rateLimitWaits: 3, defaultRetryAfterMs: 100 } };
}

let responses = 0;
/** Runs /strike <text> in a Slack channel as a user and returns what came back through the response_url. */
async function slackCommand(text: string, userId: string, channelId: string) {
  const id = `r${++responses}`;
  const res = await driver.command(slashCommand({ text, responseUrl: slackFake.responseUrl(id), userId, channelId }));
  expect(res.status).toBe(200);
  return (await slackFake.waitForResponse((p) => p.id === id)).body as { response_type: string; text: string };
}

/**
 * Runs /strike-digest <action> [options] in the fake Discord channel and returns what the bot answered: the edit of
 * the deferred reply, and the public follow-up when the answer was for the whole channel.
 */
async function discordDigest(action: string, options: Record<string, string>, place: FakePlace) {
  const interaction = commandInteraction('strike-digest', action, options, place);
  discordFake.dispatch('INTERACTION_CREATE', interaction);
  const edit = await discordFake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === interaction.token, `the answer to /strike-digest ${action}`);
  const editText = JSON.stringify(edit.body);
  if (!editText.includes(POSTED_PUBLICLY_NOTE)) return { visibility: 'private', text: editText };
  const post = await discordFake.waitForCall((c) => c.route === FAKE_ROUTES.followUp && c.params.token === interaction.token, `the public post for /strike-digest ${action}`);
  return { visibility: 'channel', text: JSON.stringify(post.body) };
}

/** Slack digests posted to a channel for one local date (the delivery key ends with it). */
const slackDigests = (channel: string, yyyymmdd: string) =>
  history.postsTo(channel).filter((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE && String(m.metadata.event_payload.delivery_key).endsWith(`-${yyyymmdd}`));

/** Accepted Discord digest messages for one local date, by nonce ("<key>.<part>"). */
const discordDigestMessages = (yyyymmdd: string): RecordedCall[] =>
  discordFake.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.status === 200 && String(c.body?.nonce ?? '').includes(`-${yyyymmdd}.`));

/** Exactly one digest: one delivery key, and every message part sent once. */
function expectOneDiscordDigest(yyyymmdd: string) {
  const nonces = discordDigestMessages(yyyymmdd).map((c) => String(c.body.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces).size).toBe(nonces.length);
  expect(new Set(nonces.map((n) => n.split('.')[0])).size).toBe(1);
  expect(nonces).toContain(`${nonces[0]!.split('.')[0]}.0`);
}

describe('daily digests end to end', () => {
  it('subscribes two Slack channels and one Discord channel; a member’s subscribe is refused privately and changes nothing', async () => {
    expect((await slackCommand('digest subscribe', ADMIN, 'C1')).text).toContain('every day at 09:00 (America/Los_Angeles)');
    const c2 = await slackCommand('digest subscribe 9:00 America/Los_Angeles', ADMIN, 'C2');
    expect(c2.response_type).toBe('in_channel');
    expect(await discordDigest('subscribe', { time: '17:00', zone: 'Europe/London' }, { actor: 'steward' })).toEqual({ visibility: 'channel', text: expect.stringContaining('every day at 17:00 (Europe/London)') });

    const refused = await slackCommand('digest subscribe 07:00', MEMBER, 'C3');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('Only people who manage this channel can change its digest');
    expect(await discordDigest('subscribe', { time: '06:00' }, { actor: 'member' })).toEqual({ visibility: 'private', text: expect.stringContaining('Nothing was changed.') });
    const rows = digests.store.sqlite!.prepare('SELECT platform, channel_id, local_time, time_zone, workspace_id FROM subscriptions ORDER BY id').all();
    expect(rows).toEqual([
      { platform: 'slack', channel_id: 'C1', local_time: '09:00', time_zone: 'America/Los_Angeles', workspace_id: 'T0STRIKE' },
      { platform: 'slack', channel_id: 'C2', local_time: '09:00', time_zone: 'America/Los_Angeles', workspace_id: 'T0STRIKE' },
      { platform: 'discord', channel_id: DISCORD_CHANNEL, local_time: '17:00', time_zone: 'Europe/London', workspace_id: FAKE_IDS.guild },
    ]);
  });

  it('posts one digest to each channel when due, retrying a 500 and waiting out a 429', async () => {
    clock.set('2023-08-05T15:59:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });
    slackFake.failNext('chat.postMessage', { status: 500 });
    discordFake.rateLimit(FAKE_ROUTES.channelMessage, { times: 1, retryAfterSeconds: 1 });
    clock.set('2023-08-05T16:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 3, failed: 0 });
    clock.set('2023-08-05T16:01:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 0 });

    for (const channel of ['C1', 'C2']) expect(slackDigests(channel, '20230805')).toHaveLength(1);
    expectOneDiscordDigest('20230805');
    expect(slackFake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500)).toHaveLength(1);
    expect(discordFake.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.status === 429)).toHaveLength(1);
    const first = slackDigests('C1', '20230805')[0]!;
    expect(first.text).toContain('Daily digest for Saturday, Aug 5, 2023');
    expect(first.text).toContain('First meeting since the strike began');
    const discordFirst = discordDigestMessages('20230805')[0]!.body as { allowed_mentions: unknown; embeds: { title: string }[] };
    expect(discordFirst.allowed_mentions).toEqual({ parse: [] });
    expect(discordFirst.embeds[0]!.title).toBe('Daily digest for Saturday, Aug 5, 2023');
  });

  it('pauses a channel the bot was removed from, shows why in status, and still delivers the others', async () => {
    history.removeChannel('C2', 'not_in_channel');
    clock.set('2023-08-06T16:00:30Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 2, paused: 1 });
    expect(slackDigests('C1', '20230806')).toHaveLength(1);
    expect(slackDigests('C1', '20230806')[0]!.text).toContain('No new developments since Saturday, Aug 5, 2023.');
    expectOneDiscordDigest('20230806');
    const status = await slackCommand('digest status', MEMBER, 'C2');
    expect(status.response_type).toBe('ephemeral');
    expect(status.text).toContain('Paused: not_in_channel: the bot is not a member of the channel');
    clock.set('2023-08-06T16:10:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 0, paused: 0 });
  });

  it('GIVEN a digest process SIGKILLed between posting and confirming THEN a restart leaves exactly one post per subscription', async () => {
    history.restoreChannel('C2');
    clock.set('2023-08-07T12:00:00Z');
    expect((await slackCommand('digest subscribe', ADMIN, 'C2')).text).toContain('Deliveries resume');

    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url))], {
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: SLACK_TOKEN,
        SLACK_API_URL: slackFake.apiUrl,
        DISCORD_TOKEN,
        DISCORD_API_URL: discordFake.apiUrl,
        DATABASE_PATH: env.DATABASE_PATH,
        NOW: '2023-08-07T16:00:30Z',
        HANG_AFTER_POST_TO: `C1,${DISCORD_CHANNEL}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the digest child did not post to C1 and Discord in time; stdout: ${out}; stderr: ${err}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('posted C1\n') && out.includes(`posted ${DISCORD_CHANNEL}\n`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`the digest child exited early; stdout: ${out}; stderr: ${err}`)));
    });
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    // Posted, claimed, never confirmed; C2 was never reached.
    const statuses = digests.store.sqlite!.prepare("SELECT s.channel_id, d.status FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.local_date = '2023-08-07' ORDER BY s.id").all();
    expect(statuses).toEqual([
      { channel_id: 'C1', status: 'claimed' },
      { channel_id: DISCORD_CHANNEL, status: 'claimed' },
    ]);
    expect(slackDigests('C1', '20230807')).toHaveLength(1);

    // Restart: another process on the same database. The dead claims are left alone while their lease runs.
    const restarted = await openDigestService(env, { clock: clock.now, cron: false, scheduler: fastRetries(), log: (m) => logs.push(m) });
    const ctx = loadContext(WGA_2023_PACK_DIR, { clock: clock.now, extensions: [restarted.command] });
    // The child claimed at 16:00:30 with 30-second leases: at 16:00:50 they still run.
    clock.set('2023-08-07T16:00:50Z');
    const service = await restarted.start(ctx);
    try {
      clock.set('2023-08-07T16:06:00Z');
      expect(await service.scheduler.tick()).toMatchObject({ reconciled: 2, posted: 0 });
    } finally {
      await service.stop();
    }
    for (const channel of ['C1', 'C2']) expect(slackDigests(channel, '20230807')).toHaveLength(1);
    expectOneDiscordDigest('20230807');
    const after = digests.store.sqlite!.prepare("SELECT d.status, d.message_id IS NOT NULL AS has_id FROM deliveries d WHERE d.local_date = '2023-08-07'").all();
    expect(after).toEqual([
      { status: 'confirmed', has_id: 1 },
      { status: 'confirmed', has_id: 1 },
      { status: 'confirmed', has_id: 1 },
    ]);
  });
});
