import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Partials, RESTEvents, type APIInteraction, type RESTOptions } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { answerMessage } from './answer-message.js';
import { consoleLogger, describeError, type DiscordLogger } from './discord-logger.js';
import type { HandlerContext, InteractionInterceptor } from './handler-context.js';
import { handleInteraction } from './handle-interaction.js';
import { CallbackWatch } from './callback-watch.js';
import { createInteractionReceiver, type ReceiveOutcome } from './receive-interaction.js';
import { systemClock, type Clock } from '../../core/time/clock.js';
import { InteractionClaims } from '../../store/interaction-claims.js';
import { ShareTokens } from '../../store/share-tokens.js';
import type { Store } from '../../store/open-store.js';

/**
 * The gateway intents the bot asks for, and why: Guilds (servers and channels behind interactions and mentions),
 * GuildMessages and DirectMessages (to see mentions and DMs). None is privileged: Discord delivers the text of
 * messages that mention the bot, and of DMs, without Message Content.
 */
export const BOT_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/** How to build the Discord bot. */
export interface DiscordBotOptions {
  token: string;
  /** REST base without version: Discord's own by default, or a local fake's http://127.0.0.1:PORT/api in tests. */
  apiUrl?: string;
  logger?: DiscordLogger;
  /** REST overrides, e.g. shorter timeouts and fewer retries against a fake. */
  rest?: Partial<RESTOptions>;
  /** Handlers that see each interaction before /strike does (the editors' modal forms). */
  interceptors?: InteractionInterceptor[];
  /** The store (DATABASE_URL or DATABASE_PATH) holding Share tokens and interaction claims. */
  store: Store;
  /** Now, for token expiry and claims; the system clock by default. */
  clock?: Clock;
}

/**
 * A Discord bot that has not logged in yet; start() logs in and resolves once the client is ready. receive()
 * works without start(): a replica that does not hold the gateway session still answers HTTP interactions.
 */
export interface DiscordBot {
  client: Client;
  start(): Promise<void>;
  /** Answers an interaction POSTed to the interactions endpoint (already verified) through the gateway's handlers. */
  receive(interaction: APIInteraction): Promise<ReceiveOutcome>;
  stop(): Promise<void>;
}

/** Builds the discord.js client with its handlers; nothing touches the network until start(). */
export function createDiscordBot(ctx: CommandContext, options: DiscordBotOptions): DiscordBot {
  const logger = options.logger ?? consoleLogger();
  const callbacks = new CallbackWatch();
  const client = new Client({
    intents: [...BOT_INTENTS],
    // DM channels are not cached ahead of time; without this partial, DMs never reach messageCreate.
    partials: [Partials.Channel],
    // Nothing the bot sends can ping anyone, whatever the text says.
    allowedMentions: { parse: [] },
    rest: { ...options.rest, ...(options.apiUrl ? { api: options.apiUrl } : {}), makeRequest: callbacks.wrap(options.rest?.makeRequest) },
  });
  // Interaction responses need no token, but follow-ups that post as the bot do; login would set it too.
  client.rest.setToken(options.token);
  const h: HandlerContext = {
    ctx,
    logger,
    shares: new ShareTokens(options.store),
    claims: new InteractionClaims(options.store),
    clock: options.clock ?? systemClock,
    interceptors: options.interceptors ?? [],
  };
  // Each handler run by interaction id, so an HTTP delivery can wait for the run it started.
  const running = new Map<string, Promise<void>>();
  client.on(Events.InteractionCreate, (interaction) => {
    const run = handleInteraction(h, interaction).finally(() => running.delete(interaction.id));
    running.set(interaction.id, run);
  });
  // Keyed apart from the handlers' own claims (Share, forms), which use the bare interaction id.
  const firstDelivery = async (id: string) => (await h.claims.claim('discord', `http:${id}`, h.clock())).first;
  client.on(Events.MessageCreate, (message) => {
    answerMessage(h, message).catch((err: unknown) => logger.error(`message ${message.id} failed: ${describeError(err)}`));
  });
  client.on(Events.Error, (err) => logger.error(describeError(err)));
  client.rest.on(RESTEvents.RateLimited, (info) => logger.warn(`rate limited on ${info.method.toUpperCase()} ${info.route} for ${info.retryAfter} ms (${info.scope})`));

  return {
    client,
    receive: createInteractionReceiver({ client, running, callbacks, firstDelivery }),
    async start() {
      const ready = once(client, Events.ClientReady);
      ready.catch(() => undefined); // observed below; this only keeps a failed login from leaving it unhandled
      try {
        // Login resolves once the gateway accepted the session, and rejects when it refuses it (bad intents).
        await client.login(options.token);
        await ready;
      } catch (err) {
        await client.destroy();
        throw new Error(loginProblem(describeError(err)));
      }
      await pruneExpired(h, logger);
      logger.info(`logged in as ${client.user?.tag ?? 'unknown'} in ${client.guilds.cache.size} server(s)`);
    },
    async stop() {
      await client.destroy();
    },
  };
}

/** Drops expired Share tokens and claims once per start, so neither table grows without bound. */
async function pruneExpired(h: HandlerContext, logger: DiscordLogger): Promise<void> {
  try {
    const now = h.clock();
    await h.shares.pruneExpired(now);
    await h.claims.pruneExpired(now);
  } catch (err) {
    logger.warn(`could not prune expired Share tokens and claims: ${describeError(err)}`);
  }
}

/** A login failure in words the person setting up can act on. */
function loginProblem(what: string): string {
  if (/disallowed intents|privileged intent/i.test(what)) {
    return `Discord login failed: Discord refused the gateway intents this build asks for (${what}). Strikewire needs no privileged intent (Guilds, Guild Messages and Direct Messages only); if BOT_INTENTS was changed to add one, remove it or enable it under Bot > Privileged Gateway Intents in the Developer Portal.`;
  }
  if (/token|401/i.test(what)) return `Discord login failed: Discord rejected DISCORD_TOKEN (${what}).`;
  return `Discord login failed: ${what}`;
}
