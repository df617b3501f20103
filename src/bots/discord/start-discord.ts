import type { RequestListener } from 'node:http';
import type Database from 'better-sqlite3';
import { Events } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Env } from '../../env.js';
import { createDiscordBot } from './discord-bot.js';
import type { DiscordLogger } from './discord-logger.js';
import type { InteractionInterceptor } from './handler-context.js';
import { interactionPublicKey } from './interaction-signature.js';
import { createInteractionsEndpoint } from './interactions-endpoint.js';
import { appLogger } from '../../log/logger.js';
import { discordLog } from '../../log/discord-log.js';
import { runForGateway, type GatewayElectionSettings } from './gateway-election.js';

/** What main.ts may add to the Discord bot beside the environment. */
export interface StartDiscordOptions {
  /** Handlers that see interactions before /strike (the editors' forms, createEditorInteractionHandler). */
  interceptors?: InteractionInterceptor[];
  /** The database at DATABASE_PATH: Share tokens and interaction claims live there. */
  db: Database.Database;
  /**
   * False: open no gateway session, and serve only HTTP interactions (a replica that does not hold the gateway).
   * True by default.
   */
  gateway?: boolean;
  /** The app's logger by default. */
  logger?: DiscordLogger;
  /** The store replicas share: the gateway session is then opened only while this process holds its lease (gateway-election.ts). */
  election?: GatewayElectionSettings;
}

/** A started Discord bot. */
export interface StartedDiscord {
  stop(): Promise<void>;
  /** The gateway session, for /healthz; always true without one (gateway: false). */
  connected(): boolean;
  /** POST /discord/interactions, when DISCORD_PUBLIC_KEY is set; mount it at DISCORD_INTERACTIONS_PATH. */
  interactions?: RequestListener;
}

/**
 * Logs the Discord client in and answers /strike, mentions and DMs; with DISCORD_PUBLIC_KEY, also offers the
 * interactions endpoint, through which Discord then sends every command, button and form instead of the gateway.
 * Commands are registered by `npm run discord:deploy`, never here.
 */
export async function startDiscord(ctx: CommandContext, env: Env, options: StartDiscordOptions): Promise<StartedDiscord> {
  if (!env.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set.');
  const logger = options.logger ?? discordLog(appLogger());
  const { election, ...single } = options;
  if (election) {
    // Every replica serves HTTP interactions; only the lease holder logs a second client in to the gateway.
    const http = await startDiscord(ctx, env, { ...single, gateway: false });
    const gateway = await runForGateway(election, () => startDiscord(ctx, env, { ...single, gateway: true }), logger);
    return { ...http, stop: () => gateway.stop().finally(() => http.stop()), connected: () => gateway.connected() };
  }
  const bot = createDiscordBot(ctx, { token: env.DISCORD_TOKEN, ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}), logger, db: options.db, ...(options.interceptors ? { interceptors: options.interceptors } : {}) });
  const interactions = env.DISCORD_PUBLIC_KEY ? createInteractionsEndpoint({ publicKey: interactionPublicKey(env.DISCORD_PUBLIC_KEY), receive: bot.receive, logger }) : undefined;
  const endpoint = interactions ? { interactions } : {};
  if (options.gateway === false) return { stop: () => bot.stop(), connected: () => true, ...endpoint };
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
  return { stop: () => bot.stop(), connected: () => connected, ...endpoint };
}
