/**
 * Several workspaces through Bolt's OAuth install flow: the real Bolt app in HTTP mode, its token exchange and every
 * Web API call pointed at the Slack fake, installations in a real store. Two locals install; each one's commands,
 * subscriptions and digests use its own token; a workspace that never installed is refused politely; an uninstall
 * forgets the token and pauses that workspace's digests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDigestService, type DigestService } from '../../src/bots/digests/start-digests.js';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/create-slack-app.js';
import { INSTALL_PATH, REDIRECT_PATH } from '../../src/bots/slack/slack-oauth.js';
import { openSlackOAuthStore, type SlackOAuthStore } from '../../src/bots/slack/slack-oauth-store.js';
import { NOT_INSTALLED_TEXT } from '../../src/bots/slack/workspace-check.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { loadContext } from '../../src/core/create-context.js';
import { parseEnv } from '../../src/env.js';
import type { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { UNINSTALLED_REASON } from '../../src/store/pause-team-subscriptions.js';
import { installSlackChannelHistory } from '../fakes/slack-channel-history.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, tokenOf, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { ManualClock } from '../scheduler/scheduler-harness.js';
import { openTestStore } from '../support/test-store.js';

const SIGNING_SECRET = 'oauth-install-signing-secret';
const OAUTH = { clientId: '1111111111.2222222222', clientSecret: 'oauth-client-secret', stateSecret: 'oauth-state-secret-for-tests' };
const LOCAL_A = { teamId: 'T0LOCALA', botToken: 'xoxb-local-a', code: 'code-for-a', admin: 'U0ADMINA', channel: 'C0LOCALA' };
const LOCAL_B = { teamId: 'T0LOCALB', botToken: 'xoxb-local-b', code: 'code-for-b', admin: 'U0ADMINB', channel: 'C0LOCALB' };

const clock = new ManualClock(new Date('2023-08-05T12:00:00Z'));
let opened: Awaited<ReturnType<typeof openTestStore>>;
let fake: FakeSlackWebApi;
let oauth: SlackOAuthStore;
let digests: DigestService;
let scheduler: DigestScheduler;
let slack: SlackApp;
let base: string;
let driver: SlackRequestDriver;
const logger = new RecordingLogger();

beforeAll(async () => {
  // SQLite: the subscription store is still SQLite-only; the installation store itself is tested on both engines.
  opened = await openTestStore('sqlite');
  fake = await startFakeSlackWebApi();
  installSlackChannelHistory(fake);
  for (const local of [LOCAL_A, LOCAL_B]) {
    fake.addWorkspace(local);
    fake.setUser(local.admin, { is_admin: true });
  }
  oauth = openSlackOAuthStore(opened.store, { clock: clock.now });
  const env = parseEnv({
    SLACK_CLIENT_ID: OAUTH.clientId,
    SLACK_CLIENT_SECRET: OAUTH.clientSecret,
    SLACK_STATE_SECRET: OAUTH.stateSecret,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    DATABASE_PATH: opened.database.config.databasePath,
  });
  digests = await openDigestService(env, { store: opened.store, clock: clock.now, cron: false, slackInstallations: oauth.installations });
  const ctx = loadContext(WGA_2023_PACK_DIR, { clock: clock.now, extensions: [digests.command] });
  slack = createSlackApp(ctx, { oauth: { ...OAUTH, ...oauth }, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, logger, retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 }, clock: clock.now });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${port}`;
  driver = new SlackRequestDriver(`${base}/slack/events`, SIGNING_SECRET);
  scheduler = (await digests.start(ctx)).scheduler;
});

afterAll(async () => {
  await scheduler?.stop();
  await slack?.stop();
  await fake?.close();
  await opened?.close();
});

/** Follows "Add to Slack" as a browser would: the install page, Slack's consent (skipped), then the redirect back. */
async function install(code: string): Promise<Response> {
  const start = await fetch(`${base}${INSTALL_PATH}`, { redirect: 'manual' });
  const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${base}${REDIRECT_PATH}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
}

let responses = 0;
/** /strike <text> from a user of one team; resolves with the HTTP answer and, unless refused, the response_url post. */
async function command(teamId: string, text: string, userId: string, channelId: string) {
  const id = `oauth-${++responses}`;
  const res = await driver.command({ ...slashCommand({ text, responseUrl: fake.responseUrl(id), userId, channelId }), team_id: teamId });
  expect(res.status).toBe(200);
  const ack = await res.text();
  return { ack: ack ? (JSON.parse(ack) as { text?: string }) : undefined, reply: () => fake.waitForResponse((p) => p.id === id).then((p) => p.body as { text: string }) };
}

describe('Slack OAuth: several workspaces in one deployment', () => {
  it('GET /slack/install sends the browser to Slack with a signed state, our client id and the bot scopes', async () => {
    const res = await fetch(`${base}${INSTALL_PATH}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe(OAUTH.clientId);
    expect(location.searchParams.get('scope')?.split(',')).toEqual(expect.arrayContaining(['commands', 'chat:write', 'channels:history']));
    const state = location.searchParams.get('state') ?? '';
    expect(state.length).toBeGreaterThan(20);
    expect(res.headers.get('set-cookie')).toContain(`slack-app-oauth-state=${state}`);
  });

  it('the redirect back with code and state stores the installation; a forged state stores nothing', async () => {
    const forged = await fetch(`${base}${REDIRECT_PATH}?code=${LOCAL_A.code}&state=not-a-state-we-signed`, { redirect: 'manual' });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(await oauth.installations.botTokenFor(LOCAL_A.teamId)).toBeUndefined();

    for (const local of [LOCAL_A, LOCAL_B]) expect((await install(local.code)).status).toBe(200);
    expect(await oauth.installations.botTokenFor(LOCAL_A.teamId)).toBe(LOCAL_A.botToken);
    expect(await oauth.installations.botTokenFor(LOCAL_B.teamId)).toBe(LOCAL_B.botToken);
    const exchange = fake.callsTo('oauth.v2.access');
    expect(exchange.map((c) => c.body.code)).toEqual([LOCAL_A.code, LOCAL_B.code]);
    // The exchange is authenticated with the client id and secret; the tokens it returns are never logged.
    expect(exchange[0]!.body.client_id).toBe(OAUTH.clientId);
    expect(logger.lines.map((l) => l.text).join('\n')).not.toMatch(/xoxb-local/);
  });

  it('a signed command from an installed workspace is answered with that workspace’s token, and scoped to it', async () => {
    const before = fake.calls.length;
    const { reply } = await command(LOCAL_A.teamId, 'digest subscribe 09:00 America/Los_Angeles', LOCAL_A.admin, LOCAL_A.channel);
    expect((await reply()).text).toContain('every day at 09:00 (America/Los_Angeles)');
    const used = fake.calls.slice(before);
    expect(used.filter((c) => c.method === 'users.info').map(tokenOf)).toEqual([LOCAL_A.botToken]);
    // The subscribe-time history check reads the channel with the same workspace's token.
    expect(used.map((c) => c.method)).toContain('conversations.history');
    expect(used.every((c) => tokenOf(c) === LOCAL_A.botToken)).toBe(true);
    const rows = await opened.store.db.selectFrom('subscriptions').select(['channel_id', 'workspace_id']).execute();
    expect(rows).toEqual([{ channel_id: LOCAL_A.channel, workspace_id: LOCAL_A.teamId }]);
  });

  it('a command from a workspace that never installed the app gets a polite refusal and makes no Web API call', async () => {
    const before = fake.calls.length;
    const { ack } = await command('T0NEVERIN', 'digest subscribe', 'U0STRANGER', 'C0ELSEWHERE');
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: NOT_INSTALLED_TEXT });
    expect(fake.calls.slice(before)).toEqual([]);
    expect(await opened.store.db.selectFrom('subscriptions').select('channel_id').where('channel_id', '=', 'C0ELSEWHERE').execute()).toEqual([]);
  });

  it('in a shared channel, a guest is answered only when the guest’s own workspace installed the app too', async () => {
    const mention = (userTeam: string, text: string) => ({
      ...eventCallback({ ...appMention({ text: `<@U0BOT> ${text}`, user: 'U0GUEST', channel: LOCAL_A.channel }), team: LOCAL_A.teamId, user_team: userTeam }),
      team_id: LOCAL_A.teamId,
      authorizations: [{ team_id: LOCAL_A.teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    });
    expect((await driver.event(mention('T0NEVERIN', 'timeline'))).status).toBe(200);
    await logger.waitFor(/Refusing a request from workspace [A-Z0-9, ]*T0NEVERIN: not an installed workspace/);
    expect((await driver.event(mention(LOCAL_B.teamId, 'help'))).status).toBe(200);
    const answer = await fake.waitForCall('chat.postMessage', (c) => c.body.channel === LOCAL_A.channel);
    expect(tokenOf(answer)).toBe(LOCAL_A.botToken);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('each workspace’s digest is posted with its own token', async () => {
    const { reply } = await command(LOCAL_B.teamId, 'digest subscribe 09:00 America/Los_Angeles', LOCAL_B.admin, LOCAL_B.channel);
    expect((await reply()).text).toContain('every day at 09:00');
    clock.set('2023-08-05T16:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ posted: 2, failed: 0 });
    const posts = fake.callsTo('chat.postMessage').filter((c) => c.body.metadata);
    expect(posts.map((c) => [c.body.channel, tokenOf(c)]).sort()).toEqual([
      [LOCAL_A.channel, LOCAL_A.botToken],
      [LOCAL_B.channel, LOCAL_B.botToken],
    ]);
  });

  it('app_uninstalled forgets the workspace’s token and pauses its digests; its next command is refused politely', async () => {
    const uninstall = { ...eventCallback({ type: 'app_uninstalled', event_ts: '1691150000.000001' }), team_id: LOCAL_B.teamId, authorizations: [{ team_id: LOCAL_B.teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }] };
    expect((await driver.event(uninstall)).status).toBe(200);
    // Logged once the installation is deleted and the digests paused.
    await logger.waitFor(/Slack workspace T0LOCALB uninstalled the app: installation removed/);
    expect(await oauth.installations.botTokenFor(LOCAL_B.teamId)).toBeUndefined();
    expect(await opened.store.db.selectFrom('subscriptions').select(['channel_id', 'paused_reason']).orderBy('channel_id').execute()).toEqual([
      { channel_id: LOCAL_A.channel, paused_reason: null },
      { channel_id: LOCAL_B.channel, paused_reason: UNINSTALLED_REASON },
    ]);
    const { ack } = await command(LOCAL_B.teamId, 'help', LOCAL_B.admin, LOCAL_B.channel);
    expect(ack).toMatchObject({ text: NOT_INSTALLED_TEXT });
    expect(await oauth.installations.botTokenFor(LOCAL_A.teamId)).toBe(LOCAL_A.botToken);
  });

  it('tokens_revoked for user tokens only changes nothing; for the bot token it forgets the workspace', async () => {
    const revoked = (tokens: Record<string, string[]>) => ({
      ...eventCallback({ type: 'tokens_revoked', tokens, event_ts: '1691150000.000002' }),
      team_id: LOCAL_A.teamId,
      authorizations: [{ team_id: LOCAL_A.teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    });
    expect((await driver.event(revoked({ oauth: ['U0INSTALLER'] }))).status).toBe(200);
    expect((await driver.event(revoked({ bot: ['U0BOT'] }))).status).toBe(200);
    await logger.waitFor(/Slack workspace T0LOCALA revoked the bot token: installation removed/);
    // Events are handled in order of arrival here, so the user-token event had finished and removed nothing itself.
    expect(logger.lines.filter((l) => /installation removed/.test(l.text)).map((l) => l.text)).toEqual([
      expect.stringContaining('T0LOCALB uninstalled the app'),
      expect.stringContaining('T0LOCALA revoked the bot token'),
    ]);
    expect(await oauth.installations.botTokenFor(LOCAL_A.teamId)).toBeUndefined();
    const { ack } = await command(LOCAL_A.teamId, 'help', LOCAL_A.admin, LOCAL_A.channel);
    expect(ack).toMatchObject({ text: NOT_INSTALLED_TEXT });
  });

  it('never logged a workspace token or the client secret, at debug level, through all of the above', () => {
    const logged = logger.lines.map((l) => l.text).join('\n');
    expect(logged).toContain('Stored the Slack installation for team:T0LOCALA');
    expect(logged).not.toMatch(/xoxb-local|oauth-client-secret|oauth-state-secret/);
  });
});
