import { GatewayCloseCodes } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot } from '../../src/bots/discord/discord-bot.js';
import { silentLogger } from '../../src/bots/discord/discord-logger.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { testContext } from './bot-harness.js';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function botFor(f: FakeDiscord) {
  return createDiscordBot(testContext(), { token: 'fake.bot.token', apiUrl: f.apiUrl, logger: silentLogger, rest: { timeout: 5000, retries: 0 } });
}

describe('logging in', () => {
  it('fails with what to enable when Discord refuses the Message Content intent, instead of hanging', async () => {
    fake = await startFakeDiscord({ refuseIdentifyWith: GatewayCloseCodes.DisallowedIntents });
    await expect(botFor(fake).start()).rejects.toThrow(/Message Content Intent/);
    expect(fake.identifies).toHaveLength(1);
  });

  it('fails naming DISCORD_TOKEN when Discord rejects the token, without printing it', async () => {
    fake = await startFakeDiscord();
    fake.failNext('GET /gateway/bot', { status: 401, code: 0, message: '401: Unauthorized' });
    const failure = await botFor(fake).start().then(() => undefined, (e: Error) => e);
    expect(failure?.message).toMatch(/rejected DISCORD_TOKEN/);
    expect(failure?.message).not.toContain('fake.bot.token');
    expect(fake.identifies).toEqual([]);
  });
});
