import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/create-slack-app.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';
import { startFakeSocketMode, type FakeSocketMode } from '../fakes/slack-socket-mode.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { BOT_TOKEN, TEST_RETRY, testContext } from './harness.js';
import { expectedHeader, headerOf } from './message-checks.js';

const APP_TOKEN = 'xapp-1-A0STRIKE-test-app-token';

describe('Socket Mode through the real Bolt SocketModeReceiver', () => {
  let api: FakeSlackWebApi;
  let socket: FakeSocketMode;
  let slack: SlackApp;
  const logger = new RecordingLogger();

  beforeAll(async () => {
    api = await startFakeSlackWebApi();
    socket = await startFakeSocketMode(api);
    // The reconnect delay is a multiple of the ping timeout, so a shorter one keeps the test short. Not much shorter:
    // the client pings every third of it and drops the link when a pong is late, which a busy CI machine can cause.
    slack = createSlackApp(testContext(), { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, logger, retryConfig: TEST_RETRY, socketPingTimeoutMs: 2000 });
    await slack.start();
  });
  afterAll(async () => {
    await slack.stop();
    await socket.close();
    await api.close();
  });

  it('connects with the app token through apps.connections.open, and checks the bot token', () => {
    expect(slack.mode).toBe('socket');
    const open = api.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(api.callsTo('auth.test')[0]!.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(socket.connectionCount).toBe(1);
  });

  it('acknowledges a slash command envelope, then answers through the response_url', async () => {
    socket.send({ envelope_id: 'env-cmd-1', type: 'slash_commands', accepts_response_payload: true, payload: slashCommand({ text: 'status', responseUrl: api.responseUrl('sock-1') }) });
    const ack = await socket.waitForAck('env-cmd-1');
    expect(ack.data).toEqual({ envelope_id: 'env-cmd-1', payload: {} });
    const answer = await api.waitForResponse((p) => p.id === 'sock-1');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(headerOf(answer.body)).toBe(await expectedHeader(testContext(), 'status'));
  });

  it('acknowledges an event envelope and answers the mention in its thread', async () => {
    const event = appMention({ text: '<@U0BOT> timeline', channel: 'C0SOCKET', ts: '1691159000.000100' });
    socket.send({ envelope_id: 'env-ev-1', type: 'events_api', accepts_response_payload: false, payload: eventCallback(event) });
    expect((await socket.waitForAck('env-ev-1')).data).toEqual({ envelope_id: 'env-ev-1', payload: {} });
    const post = await api.waitForCall('chat.postMessage', (c) => c.body.channel === 'C0SOCKET');
    expect(post.body.thread_ts).toBe('1691159000.000100');
  });

  it('reconnects when Slack asks it to, and keeps answering on the new connection', async () => {
    socket.disconnect('refresh_requested');
    await socket.waitForConnection(2);
    await api.waitForCall('apps.connections.open', () => true, 2);
    // The fake sends hello first on every connection, so an envelope sent now arrives after it, on connection 2.
    socket.send({ envelope_id: 'env-cmd-2', type: 'slash_commands', accepts_response_payload: true, payload: slashCommand({ text: 'help', responseUrl: api.responseUrl('sock-2') }) });
    const ack = await socket.waitForAck('env-cmd-2');
    expect(ack.connection).toBe(2);
    await api.waitForResponse((p) => p.id === 'sock-2');
  });
});
