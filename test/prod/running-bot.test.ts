import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { slashInteraction } from '../fakes/discord-fake-payloads.js';
import { eventCallback, homeButtonClick, homeOpened, slashCommand } from '../fakes/slack-payloads.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { callbackOf } from '../discord/bot-harness.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase } from '../support/test-store.js';
import { emptyWorkDir, startBot, type BotProcess } from './bot-process.js';

const SECRETS = { SLACK_BOT_TOKEN: 'xoxb-running-bot-token', SLACK_SIGNING_SECRET: 'running-bot-signing-secret', DISCORD_TOKEN: 'running.discord.token' };

let slack: FakeSlackWebApi;
let discord: FakeDiscord;
beforeAll(async () => {
  slack = await startFakeSlackWebApi();
  discord = await startFakeDiscord();
});
afterAll(async () => {
  await slack.close();
  await discord.close();
});

const ready = (bot: BotProcess) => bot.waitForLog((l) => l.msg === 'Strikewire is ready');

// One bot process per case, through tsx on a loaded machine: allow for slow starts.
describe('the running bot (Slack HTTP mode and Discord, against the fakes)', { timeout: 90_000 }, () => {
  it('serves /healthz beside /slack/events, logs JSON at debug without secrets, and stops on SIGTERM', async () => {
    const bot = startBot({ ...SECRETS, SLACK_API_URL: slack.apiUrl, DISCORD_API_URL: discord.apiUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'debug', EDITORS_SLACK: 'U0RUNEDITOR' });
    try {
      await ready(bot);
      const listening = bot.logs().find((l) => /listening for Slack on port \d+/.test(String(l.msg)));
      const port = Number(/port (\d+)/.exec(String(listening?.msg))?.[1]);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { status: string; checks: Record<string, { status: string; lastTick?: string }> };
      expect(body.status).toBe('ok');
      expect(body.checks.database?.status).toBe('ok');
      expect(body.checks.slack?.status).toBe('ok');
      expect(body.checks.discord?.status).toBe('ok');
      expect(Date.parse(body.checks.scheduler?.lastTick ?? '')).not.toBeNaN();

      // The same server answers Slack: a signed /strike status reaches its response_url.
      const responseUrl = slack.responseUrl('running-bot');
      const driver = new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, SECRETS.SLACK_SIGNING_SECRET);
      const ack = await driver.command(slashCommand({ text: 'status', responseUrl }));
      expect(ack.status).toBe(200);
      await slack.waitForResponse((p) => p.id === 'running-bot');
      // An editor's Home tab has the form buttons, and one opens its form.
      expect((await driver.event(eventCallback(homeOpened('U0RUNEDITOR')))).status).toBe(200);
      const home = await slack.waitForCall('views.publish', (c) => c.body.user_id === 'U0RUNEDITOR');
      expect(JSON.stringify(home.body.view)).toContain('home_form:new-person');
      expect((await driver.interaction(homeButtonClick({ actionId: 'home_form:new-person', userId: 'U0RUNEDITOR' }))).status).toBe(200);
      const opened = await slack.waitForCall('views.open', (c) => String((c.body.view as { private_metadata?: string }).private_metadata).includes('new-person'));
      expect((opened.body.view as { callback_id: string }).callback_id).toBe('strike_form');
      const interaction = slashInteraction('status');
      discord.dispatch('INTERACTION_CREATE', interaction);
      await callbackOf(discord, interaction);

      bot.child.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const out = bot.stdout();
      for (const secret of [...Object.values(SECRETS), responseUrl, interaction.token]) expect(out).not.toContain(secret);
      const lines = out.split('\n').filter(Boolean);
      for (const line of lines) expect(JSON.parse(line)).toEqual(expect.objectContaining({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) }));
      expect(bot.logs().some((l) => l.level === 'debug')).toBe(true);
      expect(bot.logs().some((l) => l.platform === 'slack')).toBe(true);
      expect(bot.logs().some((l) => l.platform === 'discord')).toBe(true);
      expect(bot.logs().at(-1)?.msg).toBe('stopped');
      expect(bot.stderr()).toBe('');
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('serves /healthz on HEALTH_PORT in Discord-only mode', async () => {
    const bot = startBot({ DISCORD_TOKEN: SECRETS.DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl, HEALTH_PORT: '0', HOST: '127.0.0.1' });
    try {
      await ready(bot);
      const port = Number(bot.logs().find((l) => String(l.msg).startsWith('health check on GET /healthz'))?.port);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const body = (await health.json()) as { checks: Record<string, { status: string }> };
      expect(body.checks.slack?.status).toBe('not configured');
      expect(body.checks.discord?.status).toBe('ok');
      expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).status).toBe(404);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      bot.child.kill('SIGKILL');
    }
  });

  it('keeps everything in PostgreSQL when DATABASE_URL is set: migrates it, proves it takes writes on /healthz, never touches DATABASE_PATH', async () => {
    const database = await createTestDatabase('postgres');
    const cwd = emptyWorkDir();
    const bot = startBot({ DISCORD_TOKEN: SECRETS.DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl, HEALTH_PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.config.databaseUrl! }, cwd);
    try {
      await ready(bot);
      const port = Number(bot.logs().find((l) => String(l.msg).startsWith('health check on GET /healthz'))?.port);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { checks: Record<string, { status: string }> }).checks.database?.status).toBe('ok');
      const store = await database.open();
      try {
        expect((await store.db.selectFrom('health_probe').select('id').execute()).map((r) => r.id)).toEqual([1]);
        expect((await store.db.selectFrom('schema_migrations').select('version').execute()).length).toBeGreaterThan(0);
      } finally {
        await store.close();
      }
      expect(existsSync(join(cwd, 'data', 'strikewire.db'))).toBe(false);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.stdout()).not.toContain(database.config.databaseUrl!);
    } finally {
      bot.child.kill('SIGKILL');
      await database.drop();
    }
  });

  it('honours LOG_LEVEL=warn: a clean start and stop log nothing below warn', async () => {
    const from = discord.calls.length;
    const bot = startBot({ DISCORD_TOKEN: SECRETS.DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl, LOG_LEVEL: 'warn' });
    try {
      // The bot handles SIGTERM from before it logs in; its gateway look-up means it is that far.
      await discord.waitForCall((c) => c.seq > from && c.route === 'GET /gateway/bot', 'the bot looking up the gateway', 60_000);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.logs().filter((l) => l.level === 'info' || l.level === 'debug')).toEqual([]);
      expect(bot.stderr()).toBe('');
    } finally {
      bot.child.kill('SIGKILL');
    }
  });
});
