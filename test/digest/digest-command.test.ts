import { describe, expect, it } from 'vitest';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import type { Origin } from '../../src/core/commands/command-spec.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { loadContext } from '../../src/core/create-context.js';
import { createDigestCommand } from '../../src/core/digest/digest-command.js';
import { parseDigestArgs, parseLocalTime } from '../../src/core/digest/parse-digest-args.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { DigestSubscriptions } from '../../src/scheduler/digest-subscriptions.js';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import { openStore } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';

const NOW = '2023-08-05T15:00:00Z';

async function setup() {
  const store = await openStore({ databasePath: ':memory:' });
  const clock = fixedClock(NOW);
  const subscriptions = new SubscriptionStore(store);
  const deliveries = new DeliveryStore(store);
  const port = new DigestSubscriptions(subscriptions, deliveries, clock);
  const command = createDigestCommand({ subscriptions: port, defaultTimeZone: 'America/Los_Angeles', workspaceOf: (o) => (o.platform === 'slack' ? 'T1' : undefined) });
  const ctx = loadContext(WGA_2023_PACK_DIR, { clock, extensions: [command] });
  return { store, ctx, subscriptions, deliveries };
}

const admin = (platform: 'slack' | 'discord' = 'slack', channelId = 'C1'): Origin => ({ platform, userId: 'U-admin', channelId, canManageChannel: async () => true });
const member = (platform: 'slack' | 'discord' = 'slack', channelId = 'C1'): Origin => ({ platform, userId: 'U-member', channelId, canManageChannel: async () => false });

describe('/strike digest', () => {
  it('subscribes with the defaults, said in the channel, with the next run in local time', async () => {
    const { ctx, subscriptions } = await setup();
    const reply = await runCommandText(ctx, 'digest subscribe', admin());
    expect(reply.visibility).toBe('channel');
    expect(reply.fallbackText).toContain('every day at 09:00 (America/Los_Angeles). Next: Sat, Aug 5, 2023, 9:00 AM PDT.');
    expect(await subscriptions.find('slack', 'C1')).toMatchObject({ localTime: '09:00', timeZone: 'America/Los_Angeles', createdBy: 'U-admin', workspaceId: 'T1' });
  });

  it('takes a time and a zone in either order, and a re-subscribe keeps what it does not name', async () => {
    const { ctx, subscriptions } = await setup();
    await runCommandText(ctx, 'digest subscribe europe/london 7:15', admin('discord', '42'));
    expect(await subscriptions.find('discord', '42')).toMatchObject({ localTime: '07:15', timeZone: 'Europe/London' });
    const reply = await runCommandText(ctx, 'digest subscribe 6pm', admin('discord', '42'));
    expect(reply.title).toBe('Daily digest updated');
    expect(await subscriptions.find('discord', '42')).toMatchObject({ localTime: '18:00', timeZone: 'Europe/London' });
  });

  it('refuses a member who may not manage the channel, privately, and changes nothing', async () => {
    const { ctx, subscriptions } = await setup();
    for (const text of ['digest subscribe 08:00', 'digest unsubscribe']) {
      const reply = await runCommandText(ctx, text, member());
      expect(reply.visibility).toBe('private');
      expect(reply.answered).toBe(false);
      expect(reply.fallbackText).toContain('Nothing was changed.');
    }
    expect(await subscriptions.find('slack', 'C1')).toBeUndefined();
    await runCommandText(ctx, 'digest subscribe 08:00', admin());
    await runCommandText(ctx, 'digest unsubscribe', member());
    expect(await subscriptions.find('slack', 'C1')).toMatchObject({ localTime: '08:00' });
    // An adapter that cannot tell is treated as "no".
    await runCommandText(ctx, 'digest unsubscribe', { platform: 'slack', userId: 'U', channelId: 'C1' });
    expect(await subscriptions.find('slack', 'C1')).toBeDefined();
  });

  it('explains a bad zone or time without changing anything', async () => {
    const { ctx, subscriptions } = await setup();
    const zone = await runCommandText(ctx, 'digest subscribe 08:00 Europe/Londn', admin());
    expect(zone.fallbackText).toContain('“Europe/Londn” is not a time zone I know');
    expect(zone.fallbackText).toContain('Did you mean Europe/London?');
    const time = await runCommandText(ctx, 'digest subscribe 25:00', admin());
    expect(time.fallbackText).toContain('“25:00” is not a time');
    expect(await subscriptions.find('slack', 'C1')).toBeUndefined();
  });

  it('unsubscribes, and says so when there was nothing to stop', async () => {
    const { ctx, subscriptions } = await setup();
    await runCommandText(ctx, 'digest subscribe', admin());
    expect((await runCommandText(ctx, 'digest unsubscribe', admin())).title).toBe('Daily digest stopped');
    expect(await subscriptions.find('slack', 'C1')).toBeUndefined();
    expect((await runCommandText(ctx, 'digest unsubscribe', admin())).title).toBe('No digest here');
  });

  it('status shows the schedule, next run, last delivery and a pause with its reason', async () => {
    const { ctx, subscriptions, deliveries } = await setup();
    expect((await runCommandText(ctx, 'digest status', member())).title).toBe('No daily digest in this channel');
    const sub = (await subscriptions.upsert({ platform: 'slack', channelId: 'C1', localTime: '08:00', timeZone: 'Europe/London', createdBy: 'U' }, new Date('2023-08-01T00:00:00Z'))).subscription;
    const claim = (await deliveries.claim({ subscriptionId: sub.id, localDate: '2023-08-05', dueAt: new Date('2023-08-05T07:00:00Z'), late: true }, 'p', new Date('2023-08-05T09:00:00Z'), new Date('2023-08-05T09:05:00Z')))!;
    await deliveries.confirm(claim, ['1.1'], new Date('2023-08-05T09:00:00Z'));
    const status = await runCommandText(ctx, 'digest status', member());
    expect(status.visibility).toBe('private');
    expect(status.fallbackText).toContain('Schedule: Every day at 08:00 (Europe/London)');
    expect(status.fallbackText).toContain('Next digest: Sun, Aug 6, 2023, 8:00 AM GMT+1');
    expect(status.fallbackText).toContain('Last delivery: Aug 5, 2023: posted Sat, Aug 5, 2023, 10:00 AM GMT+1 (late)');
    await subscriptions.pause(sub.id, 'not_in_channel: the bot is not a member of the channel', new Date(NOW));
    const paused = await runCommandText(ctx, 'digest status', member());
    expect(paused.fallbackText).toContain('Problem: Paused: not_in_channel: the bot is not a member of the channel.');
    const resumed = await runCommandText(ctx, 'digest subscribe', admin());
    expect(resumed.fallbackText).toContain('Deliveries resume; they had stopped because not_in_channel');
    expect(await subscriptions.listActive()).toHaveLength(1);
  });

  it('preview is private and uses the channel’s zone and previous digest', async () => {
    const { ctx, subscriptions, deliveries } = await setup();
    const preview = await runCommandText(ctx, 'digest preview', member());
    expect(preview.visibility).toBe('private');
    expect(preview.title).toBe('Preview: Daily digest for Saturday, Aug 5, 2023');
    expect(preview.fallbackText).toContain('NEW SINCE FRIDAY, AUG 4, 2023');
    const sub = (await subscriptions.upsert({ platform: 'slack', channelId: 'C1', localTime: '08:00', timeZone: 'Asia/Tokyo', createdBy: 'U' }, new Date('2023-08-01T00:00:00Z'))).subscription;
    const claim = (await deliveries.claim({ subscriptionId: sub.id, localDate: '2023-08-05', dueAt: new Date('2023-08-04T23:00:00Z'), late: false }, 'p', new Date('2023-08-04T23:00:00Z'), new Date('2023-08-04T23:05:00Z')))!;
    await deliveries.confirm(claim, ['1.1'], new Date('2023-08-04T23:00:00Z'));
    const tokyo = await runCommandText(ctx, 'digest preview', member());
    expect(tokyo.title).toBe('Preview: Daily digest for Sunday, Aug 6, 2023');
    expect(tokyo.fallbackText).toContain('No new developments since Saturday, Aug 5, 2023.');
  });

  it('in the shell, offers preview but no subscriptions', async () => {
    const { ctx } = await setup();
    const reply = await runCommandText(ctx, 'digest subscribe', { platform: 'shell', userId: 'local', channelId: 'shell' });
    expect(reply.title).toBe('Digests go to Slack and Discord channels');
    expect((await runCommandText(ctx, 'digest', { platform: 'shell' })).fallbackText).toContain('/strike digest subscribe [HH:MM] [time zone]');
  });
});

describe('parseDigestArgs', () => {
  it('reads actions, times and zones', () => {
    expect(parseDigestArgs('')).toEqual({ action: 'help' });
    expect(parseDigestArgs('STATUS')).toEqual({ action: 'status' });
    expect(parseDigestArgs('subscribe 9:30 am UTC')).toEqual({ action: 'subscribe', localTime: '09:30', timeZone: 'UTC' });
    expect(parseDigestArgs('subscrbe')).toMatchObject({ action: 'invalid', problem: expect.stringContaining('Did you mean subscribe?') });
    expect(parseDigestArgs('status now')).toMatchObject({ action: 'invalid' });
    expect(parseDigestArgs('subscribe london')).toMatchObject({ problem: expect.stringContaining('Did you mean Europe/London?') });
  });
  it('accepts 24-hour and am/pm times only when they exist', () => {
    expect(['0:00', '23:59', '12am', '12pm', '9pm', '7:05PM'].map(parseLocalTime)).toEqual(['00:00', '23:59', '00:00', '12:00', '21:00', '19:05']);
    expect(['24:00', '9:60', '13pm', '9', 'nine'].map(parseLocalTime)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
