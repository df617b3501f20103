import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, directMessage, eventCallback, homeOpened } from '../fakes/slack-payloads.js';
import { startHttpHarness, type HttpHarness } from './harness.js';
import { blocksOf, expectSafeMessage, expectedHeader, headerOf, sectionTextsOf, sourcesOf } from './message-checks.js';

describe('mentions, direct messages and the Home tab through the real Bolt HTTP receiver', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Posts an event, checks Bolt acked it, and returns the chat.postMessage it caused in that channel. */
  async function answerTo(event: Record<string, unknown>, eventId?: string) {
    const res = await h.driver.event(eventCallback(event, eventId));
    expect(res.status).toBe(200);
    return h.fake.waitForCall('chat.postMessage', (c) => c.body.channel === event.channel && c.body.thread_ts === (event.thread_ts ?? event.ts));
  }

  it('answers a mention in a thread under it, with sources, without the bot’s own mention', async () => {
    const post = await answerTo(appMention({ text: '<@U0BOT> what is the viewership residual?', channel: 'C0MENTION', ts: '1691150100.000100' }));
    expect(post.body.thread_ts).toBe('1691150100.000100');
    expect(headerOf(post.body)).not.toContain('U0BOT');
    expect(sectionTextsOf(post.body).join('\n').length).toBeGreaterThan(20);
    expect(sourcesOf(post.body)[0]).toMatch(/^Sources: \[1\]/);
    expect(blocksOf(post.body).some((b) => b.type === 'actions')).toBe(false);
    expect(post.body.unfurl_links).toBe('false'); // form-encoded by the Web API client
    expectSafeMessage(post.body);
  });

  it('answers a mention inside an existing thread in that thread', async () => {
    const post = await answerTo(appMention({ text: '<@U0BOT> status', channel: 'C0THREAD', ts: '1691150200.000200', threadTs: '1691150000.000001' }));
    expect(post.body.thread_ts).toBe('1691150000.000001');
    expect(headerOf(post.body)).toBe(await expectedHeader(h.ctx, 'status'));
  });

  it('answers a direct message in a thread, running a command typed without /strike', async () => {
    const post = await answerTo(directMessage({ text: 'timeline', channel: 'D0DM', ts: '1691150300.000300' }));
    expect(post.body.thread_ts).toBe('1691150300.000300');
    expect(headerOf(post.body)).toBe(await expectedHeader(h.ctx, 'timeline'));
    expectSafeMessage(post.body);
  });

  it('escapes a question full of mentions sent to the bot', async () => {
    const post = await answerTo(appMention({ text: '<@U0BOT> what did <!channel> and <@U123> say? &lt;!here&gt;', channel: 'C0EVIL', ts: '1691150400.000400' }));
    expect(JSON.stringify(post.body)).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expectSafeMessage(post.body);
  });

  it('ignores messages from bots and message subtypes', async () => {
    await h.driver.event(eventCallback(directMessage({ text: 'status', channel: 'D0BOT', extra: { bot_id: 'B0OTHER' } })));
    await h.logger.waitFor(/Ignoring a message event: sent by a bot/);
    await h.driver.event(eventCallback(directMessage({ text: 'status', channel: 'D0EDIT', extra: { subtype: 'message_changed' } })));
    await h.logger.waitFor(/Ignoring a message event: subtype message_changed/);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'D0BOT' || c.body.channel === 'D0EDIT')).toEqual([]);
  });

  it('answers a retried event once', async () => {
    const event = appMention({ text: '<@U0BOT> proposals', channel: 'C0RETRY', ts: '1691150500.000500' });
    await answerTo(event, 'Ev0RETRY');
    const retry = await h.driver.event(eventCallback(event, 'Ev0RETRY'), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await h.logger.waitFor(/Ignoring a repeated delivery of event Ev0RETRY/);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0RETRY')).toHaveLength(1);
  });

  it('publishes the Home tab with the status and the proposals when it is opened', async () => {
    await h.driver.event(eventCallback(homeOpened('U0HOME')));
    const publish = await h.fake.waitForCall('views.publish', (c) => c.body.user_id === 'U0HOME');
    const view = publish.body.view as { type: string; blocks: { type: string; text?: { text: string } }[] };
    expect(view.type).toBe('home');
    const headers = view.blocks.filter((b) => b.type === 'header').map((b) => b.text!.text);
    expect(headers).toEqual([await expectedHeader(h.ctx, 'status'), await expectedHeader(h.ctx, 'proposals')]);
    const proposals = h.ctx.knowledge.pack.proposals.map((p) => p.name);
    const text = JSON.stringify(view.blocks);
    for (const name of proposals) expect(text).toContain(name);
  });

  it('does not publish a view for the Messages tab', async () => {
    await h.driver.event(eventCallback(homeOpened('U0MSGTAB', 'messages')));
    await h.driver.event(eventCallback(homeOpened('U0HOME2')));
    await h.fake.waitForCall('views.publish', (c) => c.body.user_id === 'U0HOME2');
    expect(h.fake.callsTo('views.publish').filter((c) => c.body.user_id === 'U0MSGTAB')).toEqual([]);
  });

  it('retries a 429 from the Web API after its Retry-After and still delivers the answer', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    const post = await answerTo(appMention({ text: '<@U0BOT> who is Carol Lombardini?', channel: 'C0LIMITED', ts: '1691150600.000600' }));
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 429 && c.body.channel === 'C0LIMITED')).toHaveLength(1);
    expect(headerOf(post.body).length).toBeGreaterThan(0);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0LIMITED')).toHaveLength(1);
  });

  it('retries a 500 from the Web API and still delivers the answer', async () => {
    h.fake.failNext('chat.postMessage', { status: 500 });
    await answerTo(directMessage({ text: 'status', channel: 'D0FLAKY', ts: '1691150700.000700' }));
    expect(h.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.status === 500 && c.body.channel === 'D0FLAKY')).toHaveLength(1);
  });
});
