import { Events } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Env } from '../../env.js';
import type { Store } from '../../store/open-store.js';
import { createDiscordBot } from './discord-bot.js';
import type { InteractionInterceptor } from './handler-context.js';
import { appLogger } from '../../log/logger.js';
import { discordLog } from '../../log/discord-log.js';

/** What main.ts may add to the Discord bot beside the environment. */
export interface StartDiscordOptions {
  /** Handlers that see interactions before /strike (the editors' forms, createEditorInteractionHandler). */
  interceptors?: InteractionInterceptor[];
  /** The store (DATABASE_URL or DATABASE_PATH): Share tokens and interaction claims live there. */
  store: Store;
}

/** Logs the Discord client in and answers /strike, mentions and DMs. Commands are registered by `npm run discord:deploy`, never here. */
export async function startDiscord(ctx: CommandContext, env: Env, options: StartDiscordOptions): Promise<{ stop(): Promise<void>; connected(): boolean }> {
  if (!env.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set.');
  const logger = discordLog(appLogger());
  const bot = createDiscordBot(ctx, { token: env.DISCORD_TOKEN, ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}), logger, store: options.store, ...(options.interceptors ? { interceptors: options.interceptors } : {}) });
  await bot.start();
  const appId = bot.client.application?.id;
  if (env.DISCORD_APPLICATION_ID && appId && appId !== env.DISCORD_APPLICATION_ID) {
    logger.warn(`DISCORD_APPLICATION_ID (${env.DISCORD_APPLICATION_ID}) is not this bot's application (${appId}); discord:deploy would register /strike for another app.`);
  }
  // The gateway session, for /healthz: down from a disconnect until the shard is ready or resumed again.
  let connected = true;
  bot.client.on(Events.ShardDisconnect, () => void (connected = false));
  bot.client.on(Events.ShardReconnecting, () => void (connected = false));
  bot.client.on(Events.ShardReady, () => void (connected = true));
  bot.client.on(Events.ShardResume, () => void (connected = true));
  return { stop: () => bot.stop(), connected: () => connected };
}
