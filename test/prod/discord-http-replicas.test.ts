import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionResponseType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_INTERACTIONS_PATH } from '../../src/bots/discord/interactions-endpoint.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { slashInteraction } from '../fakes/discord-fake-payloads.js';
import { createInteractionSigner, postInteraction } from '../fakes/discord-interaction-signer.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { originalEditOf } from '../discord/bot-harness.js';
import { startBot, type BotProcess } from './bot-process.js';

const signer = createInteractionSigner();
const DISCORD = { DISCORD_TOKEN: 'replica.discord.token', DISCORD_PUBLIC_KEY: signer.publicKeyHex, HOST: '127.0.0.1' };

let slack: FakeSlackWebApi;
let discord: FakeDiscord;
let dir: string;
beforeAll(async () => {
  slack = await startFakeSlackWebApi();
  discord = await startFakeDiscord();
  dir = mkdtempSync(join(tmpdir(), 'strikewire-replicas-'));
});
afterAll(async () => {
  await slack.close();
  await discord.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The port a started bot logged for `what`. */
async function portOf(bot: BotProcess, what: RegExp): Promise<number> {
  const line = await bot.waitForLog((l) => what.test(String(l.msg)));
  return Number(/port (\d+)/.exec(String(line.msg))?.[1]);
}

describe('two bot processes on one database, each serving POST /discord/interactions', { timeout: 120_000 }, () => {
  it('answers a signed interaction on either, beside /slack/events or on its own port, and a repeat once', async () => {
    const databasePath = join(dir, 'shared.db');
    // One in Slack HTTP mode (the route shares Bolt's port), one Discord-only (the bot's own server on PORT).
    const withSlack = startBot({ ...DISCORD, DISCORD_API_URL: discord.apiUrl, SLACK_BOT_TOKEN: 'xoxb-replica-token', SLACK_SIGNING_SECRET: 'replica-secret', SLACK_API_URL: slack.apiUrl, PORT: '0', DATABASE_PATH: databasePath });
    const discordOnly = startBot({ ...DISCORD, DISCORD_API_URL: discord.apiUrl, PORT: '0', DATABASE_PATH: databasePath });
    try {
      const urls = [
        `http://127.0.0.1:${await portOf(withSlack, /listening for Slack on port \d+/)}${DISCORD_INTERACTIONS_PATH}`,
        `http://127.0.0.1:${await portOf(discordOnly, /^Discord interactions on POST/)}${DISCORD_INTERACTIONS_PATH}`,
      ];
      await Promise.all([withSlack, discordOnly].map((bot) => bot.waitForLog((l) => l.msg === 'Strikewire is ready')));
      for (const url of urls) {
        const interaction = slashInteraction('status');
        const body = JSON.stringify(interaction);
        expect((await postInteraction(url, body, signer.headers(body))).status).toBe(202);
        expect((await originalEditOf(discord, interaction)).body.embeds.length).toBeGreaterThan(0);
        // The same delivery to the other process finds the claim in the shared database.
        const other = urls.find((u) => u !== url)!;
        expect((await postInteraction(other, body, signer.headers(body))).status).toBe(202);
        const callbacks = discord.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.params.id === interaction.id);
        expect(callbacks.map((c) => c.body.type)).toEqual([InteractionResponseType.DeferredChannelMessageWithSource]);
        const forged = await postInteraction(url, body, { ...signer.headers(body), 'x-signature-ed25519': '0'.repeat(128) });
        expect(forged.status).toBe(401);
      }
      const ping = JSON.stringify({ id: '900000000000000998', application_id: '900000000000000001', type: 1, token: 'ping', version: 1 });
      for (const url of urls) expect((await postInteraction(url, ping, signer.headers(ping))).text).toBe('{"type":1}');
      for (const bot of [withSlack, discordOnly]) {
        bot.child.kill('SIGTERM');
        expect((await bot.exited).code).toBe(0);
        expect(bot.stdout()).not.toContain('replica.discord.token');
      }
    } finally {
      withSlack.child.kill('SIGKILL');
      discordOnly.child.kill('SIGKILL');
    }
  });
});
