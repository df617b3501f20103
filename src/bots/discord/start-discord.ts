import type Database from 'better-sqlite3';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Env } from '../../env.js';
import { createDiscordBot } from './discord-bot.js';
import { consoleLogger } from './discord-logger.js';
import type { InteractionInterceptor } from './handler-context.js';

/** What main.ts may add to the Discord bot beside the environment. */
export interface StartDiscordOptions {
  /** Handlers that see interactions before /strike (the editors' forms, createEditorInteractionHandler). */
  interceptors?: InteractionInterceptor[];
  /** The database at DATABASE_PATH: Share tokens and interaction claims live there. */
  db: Database.Database;
}

/** Logs the Discord client in and answers /strike, mentions and DMs. Commands are registered by `npm run discord:deploy`, never here. */
export async function startDiscord(ctx: CommandContext, env: Env, options: StartDiscordOptions): Promise<{ stop(): Promise<void> }> {
  if (!env.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set.');
  const logger = consoleLogger(env.LOG_LEVEL);
  const bot = createDiscordBot(ctx, { token: env.DISCORD_TOKEN, ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}), logger, db: options.db, ...(options.interceptors ? { interceptors: options.interceptors } : {}) });
  await bot.start();
  const appId = bot.client.application?.id;
  if (env.DISCORD_APPLICATION_ID && appId && appId !== env.DISCORD_APPLICATION_ID) {
    logger.warn(`DISCORD_APPLICATION_ID (${env.DISCORD_APPLICATION_ID}) is not this bot's application (${appId}); discord:deploy would register /strike for another app.`);
  }
  return { stop: () => bot.stop() };
}
