/**
 * Slack digests after an uncertain post: the real Bolt app takes the subscriptions, the digest scheduler posts
 * through the real Web API client to the fake, and the fake creates a message and then fails the call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDigestService, type DigestService } from '../../src/bots/digests/start-digests.js';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/create-slack-app.js';
import { CANNOT_READ_HISTORY_TEXT } from '../../src/bots/slack/digest-history-check.js';
import { DIGEST_EVENT_TYPE } from '../../src/bots/slack/digest-poster.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { loadContext } from '../../src/core/create-context.js';
import { parseEnv } from '../../src/env.js';
import type { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { installSlackChannelHistory } from '../fakes/slack-channel-history.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { ManualClock } from '../scheduler/scheduler-harness.js';

const SIGNING_SECRET = 'never-twice-signing-secret';
const TOKEN = 'xoxb-never-twice';
const ADMIN = 'U0ADMIN';
const dir = mkdtempSync(join(tmpdir(), 'strikewire-never-twice-'));
const clock = new ManualClock(new Date('2023-08-05T12:00:00Z'));
let fake: FakeSlackWebApi;
let history: ReturnType<typeof installSlackChannelHistory>;
let digests: DigestService;
let slack: SlackApp;
let driver: SlackRequestDriver;
let scheduler: DigestScheduler;
let stopService: () => Promise<void>;
const logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlackWebApi();
  history = installSlackChannelHistory(fake);
  fake.setUser(ADMIN, { is_admin: true });
  const env = parseEnv({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, DATABASE_PATH: join(dir, 'strikewire.db'), DIGEST_TZ: 'America/Los_Angeles' });
  const policy = { transientAttempts: 4, baseDelayMs: 5, maxDelayMs: 20, rateLimitWaits: 3, defaultRetryAfterMs: 100 };
  digests = await openDigestService(env, { clock: clock.now, cron: false, scheduler: { concurrency: 2, policy }, log: (m) => logs.push(m) });
  const ctx = loadContext(WGA_2023_PACK_DIR, { clock: clock.now, extensions: [digests.command] });
  slack = createSlackApp(ctx, { botToken: TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 } });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  driver = new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  const started = await digests.start(ctx);
  scheduler = started.scheduler;
  stopService = () => started.stop();
});

afterAll(async () => {
  await stopService?.();
  await slack?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

let responses = 0;
async function subscribe(channelId: string, time: string): Promise<string> {
  const id = `r${++responses}`;
  await driver.command(slashCommand({ text: `digest subscribe ${time}`, responseUrl: fake.responseUrl(id), userId: ADMIN, channelId }));
  return JSON.stringify((await fake.waitForResponse((p) => p.id === id)).body);
}

const digestsIn = (channel: string) => history.postsTo(channel).filter((m) => m.metadata?.event_type === DIGEST_EVENT_TYPE);
const paused = (channel: string) => (digests.store.sqlite!.prepare('SELECT paused_reason FROM subscriptions WHERE channel_id = ?').get(channel) as { paused_reason: string | null }).paused_reason;

describe('Slack digests are never posted twice and never lost', () => {
  it('says how to fix a channel whose history the bot cannot read, and not for one it can', async () => {
    expect(await subscribe('C1', '09:00')).not.toContain('/invite');
    expect(await subscribe('C2', '10:00')).not.toContain('/invite');
    history.hideHistory('C3');
    const answer = await subscribe('C3', '11:00');
    expect(answer).toContain('every day at 11:00');
    expect(answer).toContain(CANNOT_READ_HISTORY_TEXT.slice(0, 40));
    expect(answer).toContain('/invite @Strikewire');
  });

  it('looks for the message after a 500 that came after Slack created it, and does not post again', async () => {
    history.failAfterPosting(500);
    clock.set('2023-08-05T16:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 1, failed: 0 });
    expect(digestsIn('C1')).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500)).toHaveLength(1);
    expect(fake.callsTo('conversations.history').some((c) => c.body.channel === 'C1')).toBe(true);
  });

  it('does the same after a connection reset', async () => {
    history.failAfterPosting('reset');
    clock.set('2023-08-05T17:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 1, failed: 0 });
    expect(digestsIn('C2')).toHaveLength(1);
  });

  it('neither pauses nor loses the day when only the history look-up fails', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    clock.set('2023-08-05T18:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 1, paused: 0 });
    expect(digestsIn('C3')).toHaveLength(1);
    expect(paused('C3')).toBeNull();
    expect(logs.some((l) => l.includes('could not look for an earlier post'))).toBe(true);
  });
});
