import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/open-store.js';
/** Starts the real Discord bot (discord.js Client) against a fresh fake Discord, for end-to-end tests. */
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/discord-bot.js';
import type { DiscordLogger } from '../../src/bots/discord/discord-logger.js';
import type { InteractionInterceptor } from '../../src/bots/discord/handler-context.js';
import type { CommandContext, CommandSpec } from '../../src/core/commands/command-spec.js';
import { loadContext } from '../../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { fixedClock, type Clock } from '../../src/core/time/clock.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../fakes/discord-fake.js';

/** A bot logged in to a fake, plus what it logged. */
export interface BotUnderTest {
  fake: FakeDiscord;
  bot: DiscordBot;
  ctx: CommandContext;
  logs: string[];
  store: Store;
  close(): Promise<void>;
}

/** The day after the pack's last fact, so no staleness notice varies with the real date. */
export const TEST_NOW = '2023-08-05T12:00:00Z';

export function testContext(extensions?: CommandSpec[]): CommandContext {
  return loadContext(WGA_2023_PACK_DIR, { clock: fixedClock(TEST_NOW), ...(extensions ? { extensions } : {}) });
}

export async function startBotUnderTest(extensions?: CommandSpec[], interceptors: InteractionInterceptor[] = [], options: { clock?: Clock; databasePath?: string } = {}): Promise<BotUnderTest> {
  const fake = await startFakeDiscord();
  const logs: string[] = [];
  const logger: DiscordLogger = {
    debug: () => {},
    info: (m) => logs.push(`info: ${m}`),
    warn: (m) => logs.push(`warn: ${m}`),
    error: (m) => logs.push(`error: ${m}`),
  };
  const ctx = testContext(extensions);
  // A given path is the caller's to delete; it stands for the same DATABASE_PATH across a restart.
  const opened = options.databasePath ? await sharedDatabase(options.databasePath) : await testDatabase();
  const bot = createDiscordBot(ctx, { token: 'fake.bot.token', apiUrl: fake.apiUrl, logger, rest: { timeout: 5000, retries: 1 }, interceptors, store: opened.store, ...(options.clock ? { clock: options.clock } : {}) });
  await bot.start();
  return {
    fake,
    bot,
    ctx,
    logs,
    store: opened.store,
    async close() {
      await bot.stop();
      await fake.close();
      await opened.remove();
    },
  };
}

/** The interaction callback the bot sent for an interaction. */
export function callbackOf(fake: FakeDiscord, interaction: { id: string }): Promise<RecordedCall> {
  return fake.waitForCall((c) => c.route === FAKE_ROUTES.callback && c.params.id === interaction.id, `the callback for interaction ${interaction.id}`);
}

/** The edit of @original that completes a deferred interaction. */
export function originalEditOf(fake: FakeDiscord, interaction: { token: string }): Promise<RecordedCall> {
  return fake.waitForCall(
    (c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === interaction.token && c.params.message === '@original',
    `the edit of @original for token ${interaction.token}`,
  );
}

/** Follow-ups sent so far for an interaction, in order. */
export function followUpsOf(fake: FakeDiscord, interaction: { token: string }): RecordedCall[] {
  return fake.calls.filter((c) => c.route === FAKE_ROUTES.followUp && c.params.token === interaction.token);
}

async function sharedDatabase(path: string): Promise<{ store: Store; remove(): Promise<void> }> {
  const store = await openStore({ databasePath: path });
  return { store, remove: () => store.close() };
}

/** A fresh temporary folder for a DATABASE_PATH that outlives one store (a restart); remove() deletes it. */
export function testDatabasePath(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'discord-bot-'));
  return { path: join(dir, 'strikewire.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real SQLite store in a fresh temporary directory; remove() closes and deletes it. */
export async function testDatabase(): Promise<{ store: Store; path: string; remove(): Promise<void> }> {
  const file = testDatabasePath();
  const store = await openStore({ databasePath: file.path });
  let closed = false;
  return {
    store,
    path: file.path,
    async remove() {
      if (!closed) await store.close();
      closed = true;
      file.remove();
    },
  };
}
