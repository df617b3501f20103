import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/open-database.js';
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
  db: Database.Database;
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
  const store = options.databasePath ? sharedDatabase(options.databasePath) : testDatabase();
  const bot = createDiscordBot(ctx, { token: 'fake.bot.token', apiUrl: fake.apiUrl, logger, rest: { timeout: 5000, retries: 1 }, interceptors, db: store.db, ...(options.clock ? { clock: options.clock } : {}) });
  await bot.start();
  return {
    fake,
    bot,
    ctx,
    logs,
    db: store.db,
    async close() {
      await bot.stop();
      await fake.close();
      store.remove();
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

function sharedDatabase(path: string): { db: Database.Database; remove(): void } {
  const db = openDatabase(path);
  return { db, remove: () => db.close() };
}

/** A real SQLite database in a fresh temporary directory; remove() closes and deletes it. */
export function testDatabase(): { db: Database.Database; path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'discord-bot-'));
  const path = join(dir, 'strikewire.db');
  const db = openDatabase(path);
  return {
    db,
    path,
    remove() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
