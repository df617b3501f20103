import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackDigestChannel, createSlackDigestClient, DIGEST_EVENT_TYPE } from '../../src/bots/slack/digest-poster.js';
import { findLimitViolations } from '../../src/bots/slack/slack-limits.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { loadContext } from '../../src/core/create-context.js';
import { digestSince } from '../../src/core/digest/digest-since.js';
import { DigestChannelError } from '../../src/scheduler/digest-channel.js';
import { installSlackChannelHistory } from '../fakes/slack-channel-history.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';

const ctx = loadContext(WGA_2023_PACK_DIR);
const digest = digestSince(ctx, { since: new Date('2023-08-04T16:00:00Z'), now: new Date('2023-08-05T16:00:00Z'), timeZone: 'America/Los_Angeles' });
let fake: FakeSlackWebApi;
let history: ReturnType<typeof installSlackChannelHistory>;
let channel: ReturnType<typeof createSlackDigestChannel>;

beforeAll(async () => {
  fake = await startFakeSlackWebApi();
  history = installSlackChannelHistory(fake);
  channel = createSlackDigestChannel(createSlackDigestClient({ botToken: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 2000 }));
});
afterAll(() => fake.close());

const target = (channelId: string) => ({ platform: 'slack' as const, channelId });

describe('Slack digest poster', () => {
  it('posts the Block Kit rendering with the delivery key in message metadata and links unfurled off', async () => {
    const { messageIds } = await channel.post(target('C1'), digest, 'sw1-20230805');
    const call = await fake.waitForCall('chat.postMessage', (c) => c.body.channel === 'C1');
    expect(call.headers.authorization).toBe('Bearer xoxb-test');
    expect(call.body.metadata).toEqual({ event_type: DIGEST_EVENT_TYPE, event_payload: { delivery_key: 'sw1-20230805' } });
    expect(call.body.unfurl_links).toBe('false');
    expect(findLimitViolations({ text: String(call.body.text), blocks: call.body.blocks as never })).toEqual([]);
    expect(messageIds).toEqual([history.postsTo('C1')[0]!.ts]);
  });

  it('finds a posted digest by its key through conversations.history with metadata, and nothing for another key', async () => {
    const { messageIds } = await channel.post(target('C2'), digest, 'sw2-20230805');
    const since = new Date(Date.now() - 3_600_000);
    expect(await channel.findPosted(target('C2'), 'sw2-20230805', since)).toEqual({ messageIds });
    expect(await channel.findPosted(target('C2'), 'sw2-20230806', since)).toBeUndefined();
    const lookUp = fake.callsTo('conversations.history').at(-1)!;
    expect(lookUp.body).toMatchObject({ channel: 'C2', include_all_metadata: 'true' });
  });

  it('edits a posted digest in place', async () => {
    const { messageIds } = await channel.post(target('C3'), digest, 'sw3-20230805');
    const corrected = digestSince(ctx, { now: new Date('2023-08-05T16:00:00Z'), timeZone: 'America/Los_Angeles', corrections: ['Fixed a date.'] });
    await channel.edit(target('C3'), messageIds, corrected);
    expect(history.postsTo('C3')[0]!.text).toContain('Fixed a date.');
  });

  it('turns 429, 500 and removed channels into errors the fan-out acts on, without retrying itself', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfterSec: 7 });
    await expect(channel.post(target('C4'), digest, 'k')).rejects.toMatchObject({ failure: 'rate-limited', retryAfterMs: 7000 });
    fake.failNext('chat.postMessage', { status: 500 });
    await expect(channel.post(target('C4'), digest, 'k')).rejects.toMatchObject({ failure: 'transient' });
    for (const error of ['not_in_channel', 'channel_not_found', 'is_archived']) {
      history.removeChannel('C5', error);
      const failure = await channel.post(target('C5'), digest, 'k').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DigestChannelError);
      expect(failure).toMatchObject({ failure: 'channel-gone', code: error });
    }
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C4')).toHaveLength(2);
  });
});
