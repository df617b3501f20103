import { LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackOrigin } from '../../src/bots/slack/origin.js';
import type { CommandSpec } from '../../src/core/commands/command-spec.js';
import { ReplyBuilder } from '../../src/core/reply/reply-builder.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { BOT_TOKEN, startHttpHarness, testContext, type HttpHarness } from './harness.js';
import { headerOf } from './message-checks.js';

// A command that asks the origin, as the digest's subscribe will: its title says what the adapter decided.
const canManage: CommandSpec = {
  name: 'canmanage',
  summary: 'Says whether the caller may manage this channel.',
  example: '/strike canmanage',
  run: async (ctx, _args, origin) => {
    const yes = (await origin.canManageChannel?.()) ?? false;
    return new ReplyBuilder(ctx.knowledge, 'canmanage', yes ? `yes ${origin.userId} in ${origin.channelId}` : 'no').build();
  },
};

describe('the Slack origin through /strike', () => {
  let h: HttpHarness;
  let n = 0;
  beforeAll(async () => {
    h = await startHttpHarness({ ctx: testContext({ extensions: [canManage] }), app: { admins: ['U0LISTED'] } });
    h.fake.setUser('U0ADMIN', { is_admin: true });
    h.fake.setUser('U0OWNER', { is_owner: true });
  });
  afterAll(async () => {
    await h.close();
  });

  async function ask(userId: string, text = 'canmanage') {
    const id = `o-${++n}`;
    await h.driver.command(slashCommand({ text, userId, channelId: 'C0DIGEST', responseUrl: h.fake.responseUrl(id) }));
    return headerOf((await h.fake.waitForResponse((p) => p.id === id)).body);
  }
  const lookups = (user: string) => h.fake.callsTo('users.info').filter((c) => c.body.user === user);

  it('lets workspace admins and owners manage, found with users.info', async () => {
    expect(await ask('U0ADMIN')).toBe('yes U0ADMIN in C0DIGEST');
    expect(await ask('U0OWNER')).toBe('yes U0OWNER in C0DIGEST');
    expect(lookups('U0ADMIN')).toHaveLength(1);
  });

  it('refuses ordinary members', async () => {
    expect(await ask('U0MEMBER')).toBe('no');
    expect(lookups('U0MEMBER')).toHaveLength(1);
  });

  it('lets users listed in STRIKEWIRE_ADMINS manage without asking Slack', async () => {
    expect(await ask('U0LISTED')).toBe('yes U0LISTED in C0DIGEST');
    expect(lookups('U0LISTED')).toEqual([]);
  });

  it('never looks anyone up for commands that do not ask', async () => {
    await ask('U0READER', 'status');
    await ask('U0READER', 'timeline');
    expect(lookups('U0READER')).toEqual([]);
  });
});

describe('slackOrigin', () => {
  let fake: FakeSlackWebApi;
  let client: webApi.WebClient;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    fake = await startFakeSlackWebApi();
    client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('asks Slack at most once per request, however often a command checks', async () => {
    fake.setUser('U0TWICE', { is_primary_owner: true });
    const origin = slackOrigin({ client, userId: 'U0TWICE', channelId: 'C1', admins: [], logger });
    expect(origin).toMatchObject({ platform: 'slack', userId: 'U0TWICE', channelId: 'C1' });
    expect(await Promise.all([origin.canManageChannel!(), origin.canManageChannel!()])).toEqual([true, true]);
    expect(await origin.canManageChannel!()).toBe(true);
    expect(fake.callsTo('users.info').filter((c) => c.body.user === 'U0TWICE')).toHaveLength(1);
  });

  it('denies, and logs, when Slack cannot say', async () => {
    fake.failNext('users.info', { status: 500 });
    const origin = slackOrigin({ client, userId: 'U0UNKNOWN', admins: [], logger });
    expect(await origin.canManageChannel!()).toBe(false);
    await logger.waitFor(/users\.info failed for U0UNKNOWN/);
  });
});
