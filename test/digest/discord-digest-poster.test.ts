import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordDigestChannel, createDiscordDigestRest } from '../../src/bots/discord/digest-poster.js';
import { limitViolations } from '../../src/bots/discord/discord-limits.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { loadContext } from '../../src/core/create-context.js';
import { digestSince } from '../../src/core/digest/digest-since.js';
import { DigestChannelError } from '../../src/scheduler/digest-channel.js';
import { FAKE_IDS } from '../fakes/discord-fake-payloads.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';

const ctx = loadContext(WGA_2023_PACK_DIR);
const digest = digestSince(ctx, { since: new Date('2023-08-04T16:00:00Z'), now: new Date('2023-08-05T16:00:00Z'), timeZone: 'America/Los_Angeles' });
const target = { platform: 'discord' as const, channelId: FAKE_IDS.channel };
let fake: FakeDiscord;
let channel: ReturnType<typeof createDiscordDigestChannel>;

beforeAll(async () => {
  fake = await startFakeDiscord();
  channel = createDiscordDigestChannel(createDiscordDigestRest({ token: 'fake.bot.token', apiUrl: fake.apiUrl, timeoutMs: 2000 }));
});
afterAll(() => fake.close());

const posts = () => fake.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.status === 200);

describe('Discord digest poster', () => {
  it('posts every message of the digest with an enforced nonce per part, no mentions parsed, within Discord limits', async () => {
    const { messageIds } = await channel.post(target, digest, 'sw1-20230805');
    const sent = posts();
    expect(sent.length).toBe(messageIds.length);
    sent.forEach((c, i) => {
      expect(c.authorization).toBe('Bot fake.bot.token');
      expect(c.body).toMatchObject({ nonce: `sw1-20230805.${i}`, enforce_nonce: true, allowed_mentions: { parse: [] } });
      expect(limitViolations(c.body)).toEqual([]);
    });
    expect(sent[0]!.body.content).toContain('sw1-20230805');
    expect(sent[0]!.body.embeds[0].title).toBe('Daily digest for Saturday, Aug 5, 2023');
  });

  it('re-posting with the same key within the nonce window returns the message already posted', async () => {
    const first = await channel.post(target, digest, 'sw2-20230805');
    const again = await channel.post(target, digest, 'sw2-20230805');
    expect(again).toEqual(first);
  });

  it('finds a posted digest among the channel’s messages by its key (listings carry no nonce), and nothing for another key', async () => {
    const { messageIds } = await channel.post(target, digest, 'sw3-20230805');
    const since = new Date(Date.now() - 3_600_000);
    expect(await channel.findPosted(target, 'sw3-20230805', since)).toEqual({ messageIds });
    expect(await channel.findPosted(target, 'sw3-20230806', since)).toBeUndefined();
  });

  it('finds a posted digest under more than a page of later chatter, reading history page by page back to the due time', async () => {
    const since = new Date(Date.now() - 3_600_000);
    const { messageIds } = await channel.post(target, digest, 'sw6-20230805');
    fake.chatter(FAKE_IDS.channel, 250);
    const from = fake.calls.length;
    expect(await channel.findPosted(target, 'sw6-20230805', since)).toEqual({ messageIds });
    const pages = fake.calls.slice(from).filter((c) => c.route === FAKE_ROUTES.channelMessages);
    // 250 newer messages and the digests before them: three full pages at least, each before the previous one's oldest.
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]!.query.before).toBeUndefined();
    for (const p of pages) expect(p.query.limit).toBe('100');
    for (const [i, p] of pages.slice(1).entries()) expect(BigInt(p.query.before!)).toBeLessThan(BigInt(pages[i]!.query.before ?? String(2n ** 63n)));
    expect(await channel.findPosted(target, 'sw6-20230806', since)).toBeUndefined();
  });

  it('edits a posted digest in place when corrected: spare parts deleted, extra parts posted, never an empty message', async () => {
    // A digest long enough to need several messages, corrected to the one-message digest and back.
    const long = { ...digest, blocks: [...digest.blocks, ...Array.from({ length: 12 }, (_, i) => ({ kind: 'text' as const, line: { text: `${'Filler line. '.repeat(300)} ${i}`, cites: [] } }))] };
    const { messageIds } = await channel.post(target, long, 'sw4-20230805');
    expect(messageIds.length).toBeGreaterThan(1);
    const before = fake.calls.length;
    await channel.edit(target, messageIds, digest);
    const calls = fake.calls.slice(before);
    expect(calls.filter((c) => c.route === FAKE_ROUTES.editChannelMessage).map((c) => c.status)).toEqual([200]);
    expect(calls.filter((c) => c.route === FAKE_ROUTES.deleteChannelMessage).map((c) => c.status)).toEqual(Array(messageIds.length - 1).fill(204));
    // The first message keeps its small-print key, so a later crash check still finds it.
    expect(await channel.findPosted(target, 'sw4-20230805', new Date(Date.now() - 3_600_000))).toEqual({ messageIds: [messageIds[0]] });

    const short = await channel.post(target, digest, 'sw5-20230805');
    const mark = fake.calls.length;
    await channel.edit(target, short.messageIds, long);
    const grown = fake.calls.slice(mark);
    expect(grown.filter((c) => c.route === FAKE_ROUTES.editChannelMessage).map((c) => c.status)).toEqual([200]);
    expect(grown.filter((c) => c.route === FAKE_ROUTES.channelMessage).length).toBe(messageIds.length - 1);
    for (const c of grown) expect(c.body?.allowed_mentions ?? { parse: [] }).toEqual({ parse: [] });
  });

  it('turns 429, 5xx and lost channels into errors the fan-out acts on, without retrying itself', async () => {
    fake.rateLimit(FAKE_ROUTES.channelMessage, { times: 1, retryAfterSeconds: 2 });
    const limited = (await channel.post(target, digest, 'k1').catch((e: unknown) => e)) as DigestChannelError;
    expect(limited).toMatchObject({ failure: 'rate-limited' });
    expect(limited.retryAfterMs).toBeGreaterThanOrEqual(2000);
    fake.failNext(FAKE_ROUTES.channelMessage, { status: 502 });
    await expect(channel.post(target, digest, 'k2')).rejects.toMatchObject({ failure: 'transient' });
    fake.failNext(FAKE_ROUTES.channelMessage, { status: 404, code: 10003, message: 'Unknown Channel' });
    await expect(channel.post(target, digest, 'k3')).rejects.toMatchObject({ failure: 'channel-gone', code: '10003' });
    fake.failNext(FAKE_ROUTES.channelMessage, { status: 403, code: 50001, message: 'Missing Access' });
    await expect(channel.post(target, digest, 'k4')).rejects.toMatchObject({ failure: 'channel-gone', code: '50001' });
  });
});
