import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitViolations } from '../../src/bots/discord/discord-limits.js';
import { FAKE_ROUTES, type RecordedCall } from '../fakes/discord-fake.js';
import { FAKE_IDS, messageCreate } from '../fakes/discord-fake-payloads.js';
import { startBotUnderTest, type BotUnderTest } from './bot-harness.js';
import { TEST_EXTENSIONS } from './test-extensions.js';

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest(TEST_EXTENSIONS);
});
afterAll(async () => {
  await t?.close();
});

const mention = `<@${FAKE_IDS.bot}>`;

/** Dispatches a message and waits for the bot's delivered reply to it. */
async function send(message: ReturnType<typeof messageCreate>): Promise<RecordedCall> {
  t.fake.dispatch('MESSAGE_CREATE', message);
  return t.fake.waitForCall(
    (c) => c.route === FAKE_ROUTES.channelMessage && c.status === 200 && c.body?.message_reference?.message_id === message.id,
    `the bot's reply to message ${message.id}`,
  );
}

function repliesTo(messageId: string): RecordedCall[] {
  return t.fake.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.body?.message_reference?.message_id === messageId);
}

describe('mentions and DMs', () => {
  it('answers a mention in a channel as a reply, with sources, pinging nobody', async () => {
    const reply = await send(messageCreate(`${mention} status`, { mentionsBot: true }));
    expect(reply.params.channel).toBe(FAKE_IDS.channel);
    expect(reply.authorization).toBe('Bot fake.bot.token');
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(reply.body.embeds[0].title).toContain(t.ctx.knowledge.dispute.title);
    const text = reply.body.embeds.map((e: { description?: string }) => e.description ?? '').join('\n');
    expect(text).toContain('**Sources**');
    expect(limitViolations({ embeds: reply.body.embeds })).toEqual([]);
  });

  it('answers a mention in a thread, in the thread', async () => {
    const reply = await send(messageCreate(`${mention} who is Carol Lombardini?`, { mentionsBot: true, thread: true }));
    expect(reply.params.channel).toBe(FAKE_IDS.thread);
    expect(reply.body.embeds.length).toBeGreaterThan(0);
  });

  it('answers a direct message without a mention', async () => {
    const reply = await send(messageCreate('proposal mini rooms', { dm: true }));
    expect(reply.params.channel).toBe(FAKE_IDS.dmChannel);
    expect(reply.body.embeds[0].title).toBe('Minimum staffing in episodic TV');
  });

  it('explains how to reach it when only its role is mentioned, whose text Discord withholds without Message Content', async () => {
    const reply = await send(messageCreate(`<@&${FAKE_IDS.botRole}> echo via role`, { mentionsBotRole: true }));
    expect(reply.body.embeds[0].title).toBe('I could not read that message');
    expect(reply.body.embeds[0].description).toContain('mention me by name');
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('still reads a mention of the bot and a DM in full without the Message Content intent', async () => {
    expect((await send(messageCreate(`${mention} echo by name`, { mentionsBot: true }))).body.embeds[0].description).toBe('by name');
    expect((await send(messageCreate('echo in a dm', { dm: true }))).body.embeds[0].description).toBe('in a dm');
  });

  it('strips its own mention from the question, wherever it is', async () => {
    const reply = await send(messageCreate(`echo before <@!${FAKE_IDS.bot}> after ${mention}`, { mentionsBot: true }));
    // "echo" is only recognized if the mention was removed from the start of the text.
    expect(reply.body.embeds[0].description).toBe('before after');
    const lead = await send(messageCreate(`${mention} echo hello`, { mentionsBot: true }));
    expect(lead.body.embeds[0].description).toBe('hello');
  });

  it('keeps @everyone and <@123> in a question from pinging or rendering as mentions', async () => {
    const reply = await send(messageCreate(`${mention} echo @everyone what about <@123>?`, { mentionsBot: true }));
    expect(reply.body.allowed_mentions).toEqual({ parse: [] });
    expect(reply.body.embeds[0].description).toBe('@\u200beveryone what about \\<@123\\>?');
  });

  it('ignores bots and channel messages that do not mention it', async () => {
    const fromBot = messageCreate(`${mention} status`, { mentionsBot: true, actor: 'otherBot' });
    const unaddressed = messageCreate('status');
    t.fake.dispatch('MESSAGE_CREATE', fromBot);
    t.fake.dispatch('MESSAGE_CREATE', unaddressed);
    // Messages are handled in order, and replies to one channel leave in order: once the reply to a later
    // message is out, a reply to the earlier ones would have been recorded before it.
    await send(messageCreate(`${mention} status`, { mentionsBot: true }));
    expect(repliesTo(fromBot.id)).toEqual([]);
    expect(repliesTo(unaddressed.id)).toEqual([]);
  });

  it('tells the core whether the author may manage the channel, from roles in the server', async () => {
    const member = await send(messageCreate(`${mention} whoami`, { mentionsBot: true }));
    expect(member.body.embeds[0].description).toBe('manage: no');
    const steward = await send(messageCreate(`${mention} whoami`, { mentionsBot: true, actor: 'steward' }));
    expect(steward.body.embeds[0].description).toBe('manage: yes');
    const dm = await send(messageCreate('whoami', { dm: true, actor: 'steward' }));
    expect(dm.body.embeds[0].description).toBe('manage: no');
  });
});

describe('a 429 on a message post', () => {
  it('is retried after Retry-After and delivered once', async () => {
    t.fake.rateLimit(FAKE_ROUTES.channelMessage, { times: 1, retryAfterSeconds: 1 });
    const message = messageCreate(`${mention} timeline`, { mentionsBot: true });
    const delivered = await send(message);
    const attempts = repliesTo(message.id);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(delivered.body).toEqual(attempts[0]!.body);
    expect(t.logs.some((l) => l.startsWith('warn: rate limited on POST /channels/:id/messages'))).toBe(true);
  });
});
