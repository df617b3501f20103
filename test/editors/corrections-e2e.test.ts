import { afterEach, describe, expect, it } from 'vitest';
import { openDigestService } from '../../src/bots/digests/start-digests.js';
import { commandDefinitionsJSON } from '../../src/bots/discord/command-definitions.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { editorCommandDescriptions } from '../../src/core/updates/editor-commands.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import { parseEnv } from '../../src/env.js';
import type { DigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import type { Store } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { FAKE_IDS } from '../fakes/discord-fake-payloads.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { installSlackChannelHistory } from '../fakes/slack-channel-history.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { ManualClock } from '../scheduler/scheduler-harness.js';
import { openTestStore } from '../support/test-store.js';
import { PACK, meetingUpdate, origin } from './support.js';

const ZONE = 'America/Los_Angeles';

interface World {
  slack: FakeSlackWebApi;
  history: ReturnType<typeof installSlackChannelHistory>;
  discord: FakeDiscord;
  db: Store;
  clock: ManualClock;
  ctx: CommandContext;
  editors: EditorService;
  scheduler: DigestScheduler;
  close(): Promise<void>;
}

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The digests and editors as main.ts wires them, posting through the real posters to the Slack and Discord fakes. */
async function start(): Promise<World> {
  const slack = await startFakeSlackWebApi();
  const history = installSlackChannelHistory(slack);
  const discord = await startFakeDiscord();
  const clock = new ManualClock(new Date('2023-08-10T00:00:00Z'));
  const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-digest-test', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.apiUrl, DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: discord.apiUrl, DATABASE_PATH: ':memory:', DIGEST_TZ: ZONE });
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  const editors = openEditorService(db, { pack: PACK, clock: clock.now, log: () => undefined, sleep: async () => undefined });
  const digests = await openDigestService(env, { store: db, clock: clock.now, cron: false, log: () => undefined, wrapChannel: editors.wrapChannel, scheduler: { corrections: editors.corrections, sleep: async () => undefined } });
  editors.useChannels(digests.channels);
  const subscriptions = new SubscriptionStore(db);
  await subscriptions.upsert({ platform: 'slack', channelId: 'C0NEWS', localTime: '09:00', timeZone: ZONE, createdBy: 'U0ADMIN' }, clock.now());
  await subscriptions.upsert({ platform: 'discord', channelId: FAKE_IDS.channel, localTime: '09:00', timeZone: ZONE, createdBy: FAKE_IDS.steward }, clock.now());
  const ctx = contextFromPack(PACK, { clock: clock.now, extensions: [digests.command, ...editors.commands] });
  const sync = await editors.start(ctx);
  const running = await digests.start(ctx);
  return {
    slack,
    history,
    discord,
    db,
    clock,
    ctx,
    editors,
    scheduler: running.scheduler,
    async close() {
      await sync.stop();
      await running.stop();
      await slack.close();
      await discord.close();
      await opened.close();
    },
  };
}

const discordPosts = (w: World) => w.discord.calls.filter((c) => c.route === FAKE_ROUTES.channelMessage && c.status === 200);
const discordEdits = (w: World) => w.discord.calls.filter((c) => c.route === FAKE_ROUTES.editChannelMessage && c.status === 200);

async function digestsAt(w: World, at: string): Promise<void> {
  w.clock.set(at);
  await w.scheduler.runDueCheck(1);
}

describe('a correction through the real posters', () => {
  it('edits the Slack and the Discord digest that carried the update, and the next digest on both lists it', async () => {
    const w = (world = await start());
    w.clock.set('2023-08-12T10:00:00Z');
    const outcome = await w.editors.desk.submit(w.ctx, meetingUpdate({ stance: undefined }), origin(true));
    expect(outcome.kind).toBe('stored');

    await digestsAt(w, '2023-08-12T16:00:30Z');
    const [slackPost] = w.history.postsTo('C0NEWS');
    expect(slackPost?.text).toContain('WGA and AMPTP negotiators meet again');
    const posted = discordPosts(w);
    expect(posted.length).toBeGreaterThan(0);
    expect(JSON.stringify(posted.map((c) => c.body))).toContain('WGA and AMPTP negotiators meet again');

    w.clock.set('2023-08-12T20:00:00Z');
    const reply = await runCommandText(w.ctx, 'correct 1 retract the two sides only spoke by phone', origin(true));
    expect(reply.fallbackText).toContain('Edited 2 posted digests that carried it');

    // Slack: chat.update on the posted message, which now reads as corrected.
    const update = await w.slack.waitForCall('chat.update');
    expect(update.body).toMatchObject({ channel: 'C0NEWS', ts: slackPost!.ts });
    expect(w.history.postsTo('C0NEWS')[0]!.text).toContain('(corrected)');
    expect(JSON.stringify(w.history.postsTo('C0NEWS')[0]!.blocks)).toContain('was retracted: the two sides only spoke by phone.');
    // Discord: every message of the posted digest edited in place.
    const edits = discordEdits(w);
    const delivered = await w.db.db
      .selectFrom('deliveries as d')
      .innerJoin('subscriptions as s', 's.id', 'd.subscription_id')
      .select('d.message_id')
      .where('s.platform', '=', 'discord')
      .where('d.status', '=', 'confirmed')
      .orderBy('d.local_date')
      .executeTakeFirstOrThrow();
    expect(edits.map((c) => c.params.message)).toEqual(delivered.message_id?.split(','));
    expect(edits.every((c) => c.params.channel === FAKE_IDS.channel)).toBe(true);
    expect(JSON.stringify(edits[0]!.body)).toContain('(corrected)');
    expect(JSON.stringify(edits.map((c) => c.body))).toContain('was retracted: the two sides only spoke by phone.');
    expect(JSON.stringify(edits.map((c) => c.body))).not.toContain('met for about three hours');

    await digestsAt(w, '2023-08-13T16:00:30Z');
    const nextSlack = w.history.postsTo('C0NEWS')[1]!;
    expect(JSON.stringify(nextSlack.blocks)).toMatch(/Corrections[\s\S]*was retracted: the two sides only spoke by phone/);
    const nextDiscord = discordPosts(w).slice(posted.length);
    expect(nextDiscord.length).toBeGreaterThan(0);
    expect(JSON.stringify(nextDiscord[0]!.body)).toMatch(/Corrections[\s\S]*was retracted: the two sides only spoke by phone/);
  });
});

describe('unverified updates through the real posters', () => {
  it('leaves an unverified update out of the Slack and Discord digests, and posts it once verified', async () => {
    const w = (world = await start());
    w.clock.set('2023-08-12T10:00:00Z');
    expect((await w.editors.desk.submit(w.ctx, meetingUpdate({ stance: undefined, unverified: true }), origin(true))).kind).toBe('stored');
    expect((await runCommandText(w.ctx, 'status', origin(false))).fallbackText).toContain('Last contact: Unverified: Aug 11, 2023');

    await digestsAt(w, '2023-08-12T16:00:30Z');
    const slackFirst = w.history.postsTo('C0NEWS');
    const discordFirst = discordPosts(w);
    expect(slackFirst).toHaveLength(1);
    expect(discordFirst.length).toBeGreaterThan(0);
    for (const text of [JSON.stringify(slackFirst[0]!.blocks), JSON.stringify(discordFirst.map((c) => c.body))]) {
      expect(text).not.toContain('negotiators meet again');
      expect(text).not.toContain('Unverified');
    }

    w.clock.set('2023-08-12T20:00:00Z');
    expect((await runCommandText(w.ctx, 'verify 1', origin(true))).fallbackText).toContain('Update #1 verified');
    await digestsAt(w, '2023-08-13T16:00:30Z');
    expect(JSON.stringify(w.history.postsTo('C0NEWS')[1]!.blocks)).toContain('WGA and AMPTP negotiators meet again');
    expect(JSON.stringify(discordPosts(w).slice(discordFirst.length).map((c) => c.body))).toContain('WGA and AMPTP negotiators meet again');
  });
});

describe('registering the editor commands on Discord', () => {
  it('puts them under /strike-editor with typed options, not under /strike', () => {
    const [strike, , editor] = commandDefinitionsJSON(contextFromPack(PACK, { extensions: editorCommandDescriptions() }));
    expect((strike!.options ?? []).map((o) => o.name)).not.toEqual(expect.arrayContaining(['update']));
    const subs = new Map((editor!.options ?? []).map((o) => [o.name, o as { options?: { name: string; required?: boolean }[] }]));
    expect([...subs.keys()]).toEqual(['update', 'new', 'settle', 'correct', 'verify', 'log']);
    expect(subs.get('correct')?.options?.map((o) => o.name)).toEqual(['id', 'action', 'reason']);
    expect(subs.get('update')?.options).toEqual([expect.objectContaining({ name: 'unverified', required: false })]);
  });
});
