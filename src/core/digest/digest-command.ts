import { commandName } from '../commands/command-name.js';
import type { CommandContext, CommandSpec, Origin } from '../commands/command-spec.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';
import { formatDay } from '../time/format-date.js';
import { digestSince } from './digest-since.js';
import { parseDigestArgs } from './parse-digest-args.js';
import type { DeliveryRecord, DigestPlatform, DigestSubscription, DigestSubscriptionsPort } from './subscription-port.js';
import { formatLocalDateTime } from './zoned-time.js';

/** How the digest command is set up. */
export interface DigestCommandOptions {
  subscriptions: DigestSubscriptionsPort;
  /** Zone for subscriptions that name none (DIGEST_TZ). */
  defaultTimeZone: string;
  /** Time for subscriptions that name none. */
  defaultTime?: string;
  /** The Slack workspace or Discord guild of the command's channel, when the adapter can tell. */
  workspaceOf?: (origin: Origin) => string | undefined | Promise<string | undefined>;
  /**
   * Why the bot could not check this channel for a digest it already posted (it cannot read the history), with how
   * to fix it; undefined when it can. Asked at subscribe time, so the fix is offered before the first digest.
   */
  historyProblem?: (origin: Origin) => Promise<string | undefined>;
}

/** Name of the digest command's free-text argument (the action and its options). */
export const DIGEST_ACTION_ARG = 'action';

const USAGE = [
  { words: 'digest subscribe [HH:MM] [time zone]', value: 'Post the daily digest in this channel (default 09:00). Channel managers only.' },
  { words: 'digest unsubscribe', value: 'Stop the daily digest in this channel. Channel managers only.' },
  { words: 'digest preview', value: 'See the digest as it would be posted now, privately.' },
  { words: 'digest status', value: 'This channel’s schedule, next digest, last delivery and any problem.' },
];

/** The `/strike digest ...` command family: subscriptions, a private preview and the channel's digest status. */
export function createDigestCommand(options: DigestCommandOptions): CommandSpec {
  const defaultTime = options.defaultTime ?? '09:00';
  return {
    name: 'digest',
    arg: { name: DIGEST_ACTION_ARG, description: 'subscribe [HH:MM] [zone], unsubscribe, preview or status', required: false },
    summary: `A daily digest of what changed, posted in this channel at its own local time (default ${defaultTime} ${options.defaultTimeZone}).`,
    example: '/strike digest subscribe 08:30 Europe/London',
    async run(ctx, args, origin) {
      const request = parseDigestArgs(args);
      const platform = origin.platform === 'shell' ? undefined : origin.platform;
      switch (request.action) {
        case 'help':
          return usageReply(ctx, origin);
        case 'invalid':
          return usageReply(ctx, origin, request.problem);
        case 'preview':
          return preview(ctx, options, platform, origin.channelId);
      }
      if (!platform || !origin.channelId) return privateNote(ctx, 'Digests go to Slack and Discord channels', `Run this in a channel. Here you can try ${commandName(origin, 'digest preview')}.`);
      if (request.action === 'status') return status(ctx, options, origin, platform, origin.channelId);
      // Subscribing changes what a whole channel receives, so the adapter must vouch for the person.
      if (!(await origin.canManageChannel?.())) {
        return privateNote(
          ctx,
          'Only people who manage this channel can change its digest',
          'On Discord that takes the Manage Channels permission; on Slack, a workspace admin or owner, or someone the bot’s operator listed. Nothing was changed.',
        );
      }
      if (request.action === 'unsubscribe') {
        const removed = await options.subscriptions.unsubscribe(platform, origin.channelId);
        return removed
          ? channelNote(ctx, 'Daily digest stopped', 'This channel will no longer get the daily digest.')
          : privateNote(ctx, 'No digest here', 'This channel has no daily digest to stop.');
      }
      // A re-subscribe that names only a time or only a zone keeps the other part.
      const existing = await options.subscriptions.find(platform, origin.channelId);
      const workspaceId = await options.workspaceOf?.(origin);
      const { subscription, previous } = await options.subscriptions.subscribe({
        platform,
        channelId: origin.channelId,
        ...(workspaceId ? { workspaceId } : {}),
        localTime: request.localTime ?? existing?.localTime ?? defaultTime,
        timeZone: request.timeZone ?? existing?.timeZone ?? options.defaultTimeZone,
        createdBy: origin.userId ?? 'unknown',
      });
      return subscribed(ctx, options, origin, subscription, previous, await options.historyProblem?.(origin));
    },
  };
}

async function subscribed(ctx: CommandContext, options: DigestCommandOptions, origin: Origin, sub: DigestSubscription, previous?: DigestSubscription, historyProblem?: string): Promise<Reply> {
  const next = await options.subscriptions.nextRun(sub);
  const reply = new ReplyBuilder(ctx.knowledge, 'digest', previous ? 'Daily digest updated' : 'Daily digest subscribed');
  reply.text(`This channel gets the strike digest every day at ${sub.localTime} (${sub.timeZone}). Next: ${formatLocalDateTime(next, sub.timeZone)}.`);
  if (previous?.pausedReason) reply.text(`Deliveries resume; they had stopped because ${previous.pausedReason}.`);
  if (historyProblem) reply.text(historyProblem);
  reply.text(`Change it with ${commandName(origin, 'digest subscribe HH:MM Area/City')}; stop it with ${commandName(origin, 'digest unsubscribe')}.`);
  return reply.build({ visibility: 'channel' });
}

async function status(ctx: CommandContext, options: DigestCommandOptions, origin: Origin, platform: DigestPlatform, channelId: string): Promise<Reply> {
  const sub = await options.subscriptions.find(platform, channelId);
  if (!sub) {
    return privateNote(ctx, 'No daily digest in this channel', `Start one with ${commandName(origin, 'digest subscribe [HH:MM] [time zone]')} (default ${options.defaultTime ?? '09:00'} ${options.defaultTimeZone}).`);
  }
  const last = await options.subscriptions.lastDelivery(sub.id);
  const reply = new ReplyBuilder(ctx.knowledge, 'digest', 'Daily digest status');
  const fields = [{ label: 'Schedule', value: `Every day at ${sub.localTime} (${sub.timeZone})` }];
  if (sub.pausedReason) {
    fields.push({ label: 'Problem', value: `Paused: ${sub.pausedReason}. Fix the channel (invite the bot back), then run ${commandName(origin, 'digest subscribe')} to resume.` });
  } else {
    fields.push({ label: 'Next digest', value: formatLocalDateTime(await options.subscriptions.nextRun(sub), sub.timeZone) });
  }
  fields.push({ label: 'Last delivery', value: last ? describeDelivery(last, sub.timeZone) : 'None yet' });
  reply.fields(fields);
  return reply.build();
}

function describeDelivery(d: DeliveryRecord, timeZone: string): string {
  const day = formatDay(d.localDate);
  switch (d.status) {
    case 'confirmed':
      return `${day}: posted ${d.postedAt ? formatLocalDateTime(d.postedAt, timeZone) : ''}${d.late ? ' (late)' : ''}`.trim();
    case 'claimed':
      return `${day}: being posted now`;
    case 'skipped':
      return `${day}: skipped (${d.error ?? 'missed'})`;
    case 'failed':
      return `${day}: not posted (${d.error ?? 'failed'})`;
  }
}

async function preview(ctx: CommandContext, options: DigestCommandOptions, platform: DigestPlatform | undefined, channelId: string | undefined): Promise<Reply> {
  const sub = platform && channelId ? await options.subscriptions.find(platform, channelId) : undefined;
  const since = sub ? await options.subscriptions.previousDigestAt(sub.id) : undefined;
  const digest = digestSince(ctx, { now: ctx.clock(), since, timeZone: sub?.timeZone ?? options.defaultTimeZone });
  return { ...digest, visibility: 'private', title: `Preview: ${digest.title}`, fallbackText: `Preview: ${digest.fallbackText}` };
}

function usageReply(ctx: CommandContext, origin: Origin, problem?: string): Reply {
  const reply = new ReplyBuilder(ctx.knowledge, 'digest', problem ? 'I didn’t understand that digest command' : 'Daily digest');
  if (problem) reply.text(problem);
  reply.fields(USAGE.map((u) => ({ label: commandName(origin, u.words), value: u.value })));
  reply.text('Times are 24-hour local times; zones are IANA names such as America/Los_Angeles or Europe/London.');
  return reply.build({ answered: !problem });
}

function privateNote(ctx: CommandContext, title: string, text: string): Reply {
  return new ReplyBuilder(ctx.knowledge, 'digest', title).text(text).build({ answered: false });
}

function channelNote(ctx: CommandContext, title: string, text: string): Reply {
  return new ReplyBuilder(ctx.knowledge, 'digest', title).text(text).build({ visibility: 'channel' });
}
