import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/open-store.js';
import { appMention, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import { installSlackChannelHistory } from '../fakes/slack-channel-history.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { createTestDatabase, REPLICA_STORE_KIND, type TestDatabase } from '../support/test-store.js';
import { killReplica, launchReplica, startReplica, stopReplicas, type Replica } from './replica-fleet.js';

const SECRETS = { SLACK_BOT_TOKEN: 'xoxb-replica-token', SLACK_SIGNING_SECRET: 'replica-signing-secret' };
const CHANNELS = 80;

let slack: FakeSlackWebApi;
let history: ReturnType<typeof installSlackChannelHistory>;
let database: TestDatabase;
let store: Store;
let replicas: Replica[] = [];
/** Processes launched without waiting for them to be ready; killed after each test if still running. */
let launched: ReturnType<typeof launchReplica>[] = [];

beforeAll(async () => {
  slack = await startFakeSlackWebApi();
  history = installSlackChannelHistory(slack);
});
afterAll(() => slack.close());
afterEach(async () => {
  await stopReplicas(replicas);
  replicas = [];
  await Promise.all(launched.filter((b) => b.child.exitCode === null && b.child.signalCode === null).map((b) => killReplica(b)));
  launched = [];
  await store?.close();
  await database?.drop();
  history.messages.length = 0;
  slack.calls.length = 0;
  slack.answerAfter('chat.postMessage', 0);
});

async function freshDatabase(): Promise<void> {
  database = await createTestDatabase(REPLICA_STORE_KIND);
  store = await database.open();
}

const replicaEnv = () => ({ ...SECRETS, SLACK_API_URL: slack.apiUrl, ...(database.config.databaseUrl ? { DATABASE_URL: database.config.databaseUrl } : { DATABASE_PATH: database.config.databasePath }), LOG_LEVEL: 'debug' });

function replica(name: string): Promise<Replica> {
  return startReplica(name, replicaEnv());
}

/** Subscribes channels whose digest fell due a minute ago, with nothing posted yet: every replica that starts sees them due. */
async function subscribeDueChannels(count: number): Promise<string[]> {
  const now = Date.now();
  const due = new Date(now - 60_000).toISOString().slice(11, 16);
  const since = new Date(now - 86_400_000).toISOString();
  const channels = Array.from({ length: count }, (_, i) => `C${String(i).padStart(7, '0')}`);
  await store.db
    .insertInto('subscriptions')
    .values(channels.map((channel_id) => ({ platform: 'slack' as const, workspace_id: 'T0STRIKE', channel_id, local_time: due, time_zone: 'UTC', created_by: 'U0ADMIN', created_at: since, active_since: since, paused_reason: null, paused_at: null })))
    .execute();
  return channels;
}

/** Re-checks `check` after every call the fake records (and at least every 250 ms, for database state) until it holds. */
async function eventually(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; ${await describeDeliveries()}`);
    // Yields to the event loop (the fake Slack lives in this process): until the next call it records, or 250 ms.
    const seen = slack.calls.length;
    await slack.waitFor('another Web API call', () => (slack.calls.length > seen ? true : undefined), 250).catch(() => undefined);
  }
}

/** The deliveries by status and owner, and each replica's last log lines: what a failed wait had reached. */
async function describeDeliveries(): Promise<string> {
  const rows = await store.db.selectFrom('deliveries').select(['status', 'claim_owner', 'lease_until', 'error', 'attempts', 'updated_at']).execute();
  const byState = new Map<string, number>();
  for (const r of rows) {
    const state = `${r.status} ${r.claim_owner ?? ''} lease ${r.lease_until ?? ''} attempts ${r.attempts} updated ${r.updated_at} ${r.error ?? ''}`;
    byState.set(state, (byState.get(state) ?? 0) + 1);
  }
  const logs = replicas.map((r) => `${r.name} (pid ${r.bot.child.pid}): ${r.bot.stdout().split('\n').slice(-8).join('\n')}`).join('\n');
  const killed = launched.map((b) => `launched pid ${b.child.pid} exit ${b.child.exitCode ?? b.child.signalCode}`).join(', ');
  return `deliveries: ${JSON.stringify([...byState])}; now ${new Date().toISOString()}; ${killed}\n${logs}`;
}

const postsPerChannel = (channels: readonly string[]) => channels.map((c) => history.postsTo(c).length);
const confirmedDeliveries = async () =>
  Number((await store.db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'confirmed').executeTakeFirstOrThrow()).n);

describe(`several replicas on one ${REPLICA_STORE_KIND} database, through the real Bolt app`, { timeout: 240_000 }, () => {
  it('a subscription made through one replica is seen at once through the other', async () => {
    await freshDatabase();
    const [a, b] = await Promise.all([replica('a'), replica('b')]);
    replicas = [a!, b!];
    slack.setUser('U0ADMIN', { is_admin: true });
    const subscribe = await new SlackRequestDriver(a!.events, SECRETS.SLACK_SIGNING_SECRET).command(
      slashCommand({ text: 'digest subscribe 07:45 Europe/London', responseUrl: slack.responseUrl('sub'), userId: 'U0ADMIN', channelId: 'C0SHARED' }),
    );
    expect(subscribe.status).toBe(200);
    await slack.waitForResponse((p) => p.id === 'sub');
    await new SlackRequestDriver(b!.events, SECRETS.SLACK_SIGNING_SECRET).command(slashCommand({ text: 'digest status', responseUrl: slack.responseUrl('status'), userId: 'U0ADMIN', channelId: 'C0SHARED' }));
    const status = await slack.waitForResponse((p) => p.id === 'status');
    expect(JSON.stringify(status.body)).toMatch(/07:45/);
    expect(JSON.stringify(status.body)).toMatch(/Europe\/London/);
  });

  it(`posts one day's digests to ${CHANNELS} channels exactly once each, with two replicas racing for them`, async () => {
    await freshDatabase();
    const channels = await subscribeDueChannels(CHANNELS);
    replicas = await Promise.all([replica('a'), replica('b')]);
    await eventually(`${CHANNELS} confirmed deliveries`, async () => (await confirmedDeliveries()) === CHANNELS, 120_000);
    expect(postsPerChannel(channels)).toEqual(channels.map(() => 1));
  });

  it('a replica SIGKILLed mid fan-out loses nothing and doubles nothing once another replica and a third one run', async () => {
    await freshDatabase();
    const channels = await subscribeDueChannels(CHANNELS);
    // A slow Slack, so the kill lands with posts made but not yet confirmed.
    slack.answerAfter('chat.postMessage', 400);
    // Not waited for: its start-up due check is what posts, before it says it is ready.
    const a = launchReplica(replicaEnv());
    launched.push(a);
    await slack.waitFor('a quarter of the posts', () => (history.messages.length >= CHANNELS / 4 ? true : undefined), 60_000);
    await killReplica(a);
    const before = history.messages.length;
    expect(before).toBeLessThan(CHANNELS);
    slack.answerAfter('chat.postMessage', 0);
    replicas.push(...(await Promise.all([replica('b'), replica('c')])));
    // The dead replica's claims (30 s leases, renewed while it lived) are finished by the others within 90 s.
    await eventually(`${CHANNELS} confirmed deliveries`, async () => (await confirmedDeliveries()) === CHANNELS, 90_000);
    expect(postsPerChannel(channels)).toEqual(channels.map(() => 1));
  });

  it('the same Slack event delivered to both replicas is answered once', async () => {
    await freshDatabase();
    replicas = await Promise.all([replica('a'), replica('b')]);
    const event = eventCallback(appMention({ text: '<@U0BOT> where do talks stand?', channel: 'C0TWICE' }), 'EvSAMEEVENT');
    const sends = replicas.map((r) => new SlackRequestDriver(r.events, SECRETS.SLACK_SIGNING_SECRET).event(event));
    expect((await Promise.all(sends)).map((r) => r.status)).toEqual([200, 200]);
    await slack.waitForCall('chat.postMessage', (c) => c.body.channel === 'C0TWICE');
    const dropped = await Promise.race(replicas.map((r) => r.bot.waitForLog((l) => /repeated delivery of event EvSAMEEVENT/.test(String(l.msg))).then(() => r.name)));
    expect(replicas.map((r) => r.name)).toContain(dropped);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0TWICE')).toHaveLength(1);
  });
});
