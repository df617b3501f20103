/**
 * A database another process holds locked, or cannot write: the real Bolt app answers everyone else at once and
 * says what is wrong, instead of blocking the event loop in busy_timeout or answering "Something went wrong".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDigestService, type DigestService } from '../../src/bots/digests/start-digests.js';
import { createSlackApp, type SlackApp } from '../../src/bots/slack/create-slack-app.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { loadContext } from '../../src/core/create-context.js';
import { STORAGE_TEXT } from '../../src/core/reply/storage-reply.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { parseEnv } from '../../src/env.js';
import type { BusyRetryPolicy } from '../../src/store/busy-retry.js';
import { openStore } from '../../src/store/open-store.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';

const SECRET = 'locked-db-signing-secret';
const ADMIN = 'U0ADMIN';
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

interface World {
  fake: FakeSlackWebApi;
  driver: SlackRequestDriver;
  path: string;
  digests: DigestService;
}

async function start(options: { busyRetry?: BusyRetryPolicy; readOnly?: boolean } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'strikewire-locked-'));
  const path = join(dir, 'strikewire.db');
  await (await openStore({ databasePath: path })).close();
  const fake = await startFakeSlackWebApi();
  fake.setUser(ADMIN, { is_admin: true });
  const env = parseEnv({ SLACK_BOT_TOKEN: 'xoxb-locked', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, DATABASE_PATH: path, DIGEST_TZ: 'UTC' });
  const store = await openStore({ databasePath: path });
  // query_only fails every write with SQLITE_READONLY, as a read-only file or disk would.
  if (options.readOnly) store.sqlite!.pragma('query_only = ON');
  const clock = fixedClock('2023-08-05T12:00:00Z');
  const digests = await openDigestService(env, { store, clock, cron: false, log: () => undefined, ...(options.busyRetry ? { busyRetry: options.busyRetry } : {}) });
  const ctx = loadContext(WGA_2023_PACK_DIR, { clock, extensions: [digests.command] });
  const slack: SlackApp = createSlackApp(ctx, { botToken: 'xoxb-locked', signingSecret: SECRET, apiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  cleanup.push(async () => {
    await slack.stop();
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { fake, driver: new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, SECRET), path, digests };
}

/** Another process's connection holding the write lock until released. */
function holdWriteLock(path: string): { release(): void } {
  const other = new Database(path);
  other.exec('BEGIN IMMEDIATE');
  other.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'lock', 'x')").run();
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    other.exec('ROLLBACK');
    other.close();
  };
  cleanup.push(async () => release());
  return { release };
}

const answerText = (w: World, id: string) => JSON.stringify(w.fake.responses.find((p) => p.id === id)?.body ?? null);

describe('a locked or read-only database', () => {
  it('answers a /strike status sent after a subscribe that waits on the lock, then finishes the subscribe once the lock is gone', async () => {
    // A long budget: the release below, not the budget, ends the wait, however loaded the machine is.
    const w = await start({ busyRetry: { budgetMs: 60_000, firstDelayMs: 10, maxDelayMs: 100 } });
    const lock = holdWriteLock(w.path);
    expect((await w.driver.command(slashCommand({ text: 'digest subscribe 09:00', userId: ADMIN, channelId: 'C1', responseUrl: w.fake.responseUrl('sub') }))).status).toBe(200);
    expect((await w.driver.command(slashCommand({ text: 'status', channelId: 'C2', responseUrl: w.fake.responseUrl('status') }))).status).toBe(200);
    await w.fake.waitForResponse((p) => p.id === 'status');
    // The subscribe is still waiting for the lock, without holding up anyone else.
    expect(answerText(w, 'sub')).toBe('null');
    lock.release();
    const sub = await w.fake.waitForResponse((p) => p.id === 'sub');
    expect(JSON.stringify(sub.body)).toContain('every day at 09:00');
    expect(await w.digests.store.db.selectFrom('subscriptions').select('channel_id').execute()).toEqual([{ channel_id: 'C1' }]);
  });

  it('says the database is busy when the lock outlasts the wait, and changes nothing', async () => {
    const w = await start({ busyRetry: { budgetMs: 50, firstDelayMs: 10, maxDelayMs: 20 } });
    holdWriteLock(w.path);
    await w.driver.command(slashCommand({ text: 'digest subscribe 09:00', userId: ADMIN, channelId: 'C1', responseUrl: w.fake.responseUrl('busy') }));
    const answer = JSON.stringify((await w.fake.waitForResponse((p) => p.id === 'busy')).body);
    expect(answer).toContain(STORAGE_TEXT.busy.text);
    expect(answer).not.toContain('Something went wrong');
  });

  it('says storage is read-only, and still answers commands that only read', async () => {
    const w = await start({ readOnly: true });
    await w.driver.command(slashCommand({ text: 'digest subscribe 09:00', userId: ADMIN, channelId: 'C1', responseUrl: w.fake.responseUrl('ro') }));
    const answer = JSON.stringify((await w.fake.waitForResponse((p) => p.id === 'ro')).body);
    expect(answer).toContain(STORAGE_TEXT['read-only'].text);
    expect(answer).not.toContain('Something went wrong');
    await w.driver.command(slashCommand({ text: 'digest status', userId: ADMIN, channelId: 'C1', responseUrl: w.fake.responseUrl('ro-status') }));
    expect(JSON.stringify((await w.fake.waitForResponse((p) => p.id === 'ro-status')).body)).toContain('No daily digest in this channel');
  });
});
