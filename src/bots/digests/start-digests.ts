import { LeaseStore } from '../../store/lease-store.js';
import type { CommandContext, CommandSpec, Origin } from '../../core/commands/command-spec.js';
import { createDigestCommand } from '../../core/digest/digest-command.js';
import type { DigestPlatform, DigestSubscriptionsPort } from '../../core/digest/subscription-port.js';
import { systemClock, type Clock } from '../../core/time/clock.js';
import type { Env } from '../../env.js';
import type { DigestChannel } from '../../scheduler/digest-channel.js';
import { DigestScheduler, type DigestSchedulerOptions } from '../../scheduler/digest-scheduler.js';
import { DigestSubscriptions } from '../../scheduler/digest-subscriptions.js';
import { DeliveryStore } from '../../store/delivery-store.js';
import { ExpiredRowsPruner } from '../../store/expired-rows.js';
import type { BusyRetryPolicy } from '../../store/busy-retry.js';
import { openStore, type Store } from '../../store/open-store.js';
import { SubscriptionStore } from '../../store/subscription-store.js';
import { componentLog } from '../../log/logger.js';
import { slackHistoryProblem } from '../slack/digest-history-check.js';
import type { SlackInstallationStore } from '../../store/slack-installation-store.js';

/** The digest feature as main.ts uses it: the /strike digest command, then a scheduler once the bots run. */
export interface DigestService {
  command: CommandSpec;
  /** Starts the scheduler for the configured platforms; digests missed while stopped are caught up first. */
  start(ctx: CommandContext): Promise<{ scheduler: DigestScheduler; stop(): Promise<void> }>;
  /** The store the digests live in (the editors' updates share it). */
  store: Store;
  /** The platforms' posters, unwrapped (the editors edit posted digests through them after a correction). */
  channels: Partial<Record<DigestPlatform, DigestChannel>>;
}

/** Test and bench hooks; production passes none. */
export interface DigestServiceOptions {
  clock?: Clock;
  /** Replaces the posters built from the environment. */
  channels?: Partial<Record<DigestPlatform, DigestChannel>>;
  scheduler?: Partial<DigestSchedulerOptions>;
  /** False leaves the minute tick to the caller (tests drive scheduler.tick() with their own clock). */
  cron?: boolean;
  log?: (message: string) => void;
  /** A store already open (DATABASE_URL or DATABASE_PATH), shared with the editors' updates. */
  store?: Store;
  /** How long digest commands wait out a locked database (tests shorten it). */
  busyRetry?: BusyRetryPolicy;
  /** Wraps each poster the scheduler posts through (the editors record which updates each digest carried). */
  wrapChannel?: (channel: DigestChannel) => DigestChannel;
  /** Slack OAuth mode (several workspaces): each digest is posted with its subscription's workspace token from here. */
  slackInstallations?: SlackInstallationStore;
}

/**
 * Opens the store (PostgreSQL at DATABASE_URL, else SQLite at DATABASE_PATH) unless given one, and builds the digest command and posters from the environment. A platform's
 * poster (and its library: Bolt's Web API client, discord.js) is imported only when that platform is configured,
 * so the shell loads neither.
 */
export async function openDigestService(env: Env, options: DigestServiceOptions = {}): Promise<DigestService> {
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openStore({ databaseUrl: env.DATABASE_URL, databasePath: env.DATABASE_PATH }));
  const subscriptions = new SubscriptionStore(store);
  const deliveries = new DeliveryStore(store);
  // slack-oauth: with OAuth there is no one token; the poster looks up each subscription's workspace token instead.
  const slackInstallations = options.slackInstallations;
  const slack = env.SLACK_BOT_TOKEN || slackInstallations ? await import('../slack/digest-poster.js') : undefined;
  const teamClients = slackInstallations ? (await import('../slack/digest-team-clients.js')).teamDigestClients(slackInstallations, env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}) : undefined;
  const discord = env.DISCORD_TOKEN ? await import('../discord/digest-poster.js') : undefined;
  const slackClient = slack && env.SLACK_BOT_TOKEN ? slack.createSlackDigestClient({ botToken: env.SLACK_BOT_TOKEN, ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}) }) : undefined;
  const discordRest = discord && env.DISCORD_TOKEN ? discord.createDiscordDigestRest({ token: env.DISCORD_TOKEN, ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}) }) : undefined;
  const channels = options.channels ?? {
    ...(slack && (slackClient ?? teamClients) ? { slack: slack.createSlackDigestChannel((slackClient ?? teamClients)!) } : {}),
    ...(discord && discordRest ? { discord: discord.createDiscordDigestChannel(discordRest) } : {}),
  };
  const log = options.log ?? componentLog('digests');

  // Which workspace or server a channel belongs to is kept for operators; a failed look-up just leaves it blank.
  let slackTeam: Promise<string | undefined> | undefined;
  const workspaceOf = async (origin: Origin): Promise<string | undefined> => {
    try {
      if (origin.platform === 'slack' && teamClients) return origin.workspaceId; // slack-oauth: the request's own team
      if (origin.platform === 'slack' && slackClient) return await (slackTeam ??= slackClient.auth.test().then((r) => r.team_id));
      if (origin.platform === 'discord' && discordRest && origin.channelId) {
        return ((await discordRest.get(discord!.channelRoute(origin.channelId))) as { guild_id?: string }).guild_id;
      }
    } catch (err) {
      slackTeam = undefined;
      log(`could not look up the workspace of ${origin.platform} channel ${origin.channelId ?? '?'}: ${(err as Error).message}`);
    }
    return undefined;
  };

  // slack-oauth: the check reads the channel with its own workspace's token; a workspace without one is not checked.
  const historyClient = async (origin: Origin) =>
    slackClient ?? (teamClients && origin.workspaceId && origin.channelId ? await teamClients({ platform: 'slack', channelId: origin.channelId, workspaceId: origin.workspaceId }).catch(() => undefined) : undefined);
  const historyProblem = async (origin: Origin) => {
    const client = origin.platform === 'slack' && origin.channelId ? await historyClient(origin) : undefined;
    return client && origin.channelId ? slackHistoryProblem(client, origin.channelId, log) : undefined;
  };
  const command = createDigestCommand({ subscriptions: new DigestSubscriptions(subscriptions, deliveries, clock, options.busyRetry), defaultTimeZone: env.DIGEST_TZ, workspaceOf, historyProblem });
  return {
    command,
    store,
    channels,
    async start(ctx) {
      const wrap = options.wrapChannel ?? ((c: DigestChannel) => c);
      const posting = Object.fromEntries(Object.entries(channels).map(([platform, c]) => [platform, wrap(c)]));
      // Claims and leases in the database's clock, and wall-clock jumps held back by the monotonic clock, unless a
      // test drives time with its own clock.
      const real = options.clock ? {} : { leaseClock: () => deliveries.dbNow(), monotonicNow: () => performance.now() };
      const pruner = new ExpiredRowsPruner(store);
      const housekeeping = async (now: Date) => {
        const pruned = await pruner.pruneIfDue(now);
        if (pruned && pruned.claims + pruned.shareTokens > 0) log(`pruned ${pruned.claims} expired interaction claims and ${pruned.shareTokens} expired share tokens`);
      };
      // One replica at a time fans each platform out (lane leases), so replicas do not race each other into the rate limits.
      const scheduler = new DigestScheduler({ ctx, subscriptions, deliveries, channels: posting, clock, ...real, laneLeases: new LeaseStore(store), housekeeping, log, ...options.scheduler });
      const summary = await scheduler.start({ cron: options.cron ?? true });
      const done = Object.entries(summary).filter(([, n]) => n > 0);
      if (done.length > 0) log(`on start: ${done.map(([k, n]) => `${k} ${n}`).join(', ')}`);
      return {
        scheduler,
        async stop() {
          await scheduler.stop();
          await store.close();
        },
      };
    },
  };
}

/**
 * The digest command for places that only describe commands (registering /strike with Discord): the same name,
 * summary and arguments, without opening the database. Running it fails.
 */
export function digestCommandDescription(env: Pick<Env, 'DIGEST_TZ'>): CommandSpec {
  const noStorage = new Proxy({} as DigestSubscriptionsPort, {
    get: () => () => Promise.reject(new Error('digest storage is not open in this process')),
  });
  return createDigestCommand({ subscriptions: noStorage, defaultTimeZone: env.DIGEST_TZ });
}
