import { GatewayCloseCodes } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordBot } from '../../src/bots/discord/discord-bot.js';
import { silentLogger } from '../../src/bots/discord/discord-logger.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { callbackOf, testContext, testDatabase } from './bot-harness.js';
import { startDiscord } from '../../src/bots/discord/start-discord.js';
import { parseEnv } from '../../src/env.js';
import { slashInteraction } from '../fakes/discord-fake-payloads.js';

let fake: FakeDiscord | undefined;
let database: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  database = await testDatabase();
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
afterAll(() => database.remove());

function botFor(f: FakeDiscord) {
  return createDiscordBot(testContext(), { token: 'fake.bot.token', apiUrl: f.apiUrl, logger: silentLogger, rest: { timeout: 5000, retries: 0 }, store: database.store });
}

describe('startDiscord', () => {
  it('logs in with DISCORD_TOKEN against DISCORD_API_URL and answers until stopped', async () => {
    fake = await startFakeDiscord();
    const env = parseEnv({ DISCORD_TOKEN: 'env.bot.token', DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'error' });
    const running = await startDiscord(testContext(), env, { store: database.store });
    try {
      expect(fake.identifies.map((i) => i.token)).toEqual(['env.bot.token']);
      const interaction = slashInteraction('status');
      fake.dispatch('INTERACTION_CREATE', interaction);
      expect((await callbackOf(fake, interaction)).body.type).toBe(5);
    } finally {
      await running.stop();
    }
  });
});

describe('logging in', () => {
  it('fails saying no privileged intent is needed when Discord refuses the intents, instead of hanging', async () => {
    fake = await startFakeDiscord({ refuseIdentifyWith: GatewayCloseCodes.DisallowedIntents });
    await expect(botFor(fake).start()).rejects.toThrow(/needs no privileged intent/);
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
