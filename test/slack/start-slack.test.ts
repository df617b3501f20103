import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/bots/slack/start-slack.js';
import { parseEnv } from '../../src/env.js';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/slack-socket-mode.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { BOT_TOKEN, SIGNING_SECRET, testContext } from './harness.js';

describe('startSlack from the environment', () => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketMode;
  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    socket = await startFakeSocketMode(api);
  });
  afterAll(async () => {
    await socket.close();
    await api.close();
  });

  it('runs in HTTP mode without SLACK_APP_TOKEN, its Web API at SLACK_API_URL', async () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, PORT: '0', LOG_LEVEL: 'error' });
    const running = await startSlack(testContext(), env, { host: '127.0.0.1' });
    const check = api.callsTo('auth.test').at(-1)!;
    expect(check.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(api.callsTo('apps.connections.open')).toEqual([]);
    await running.stop();
  });

  it('runs in Socket Mode when SLACK_APP_TOKEN is set, and needs no signing secret', async () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-env-test', SLACK_API_URL: api.apiUrl, LOG_LEVEL: 'error' });
    const running = await startSlack(testContext(), env);
    expect(api.callsTo('apps.connections.open').at(-1)!.headers.authorization).toBe('Bearer xapp-1-env-test');
    expect(socket.connectionCount).toBe(1);
    await running.stop();
  });

  it('fails at start, not on a user’s request, when Slack rejects the bot token', async () => {
    api.respondWith('auth.test', { ok: false, error: 'invalid_auth' });
    const env = parseEnv({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.apiUrl, PORT: '0', LOG_LEVEL: 'error' });
    await expect(startSlack(testContext(), env, { host: '127.0.0.1' })).rejects.toThrow(/invalid_auth/);
  });
});
