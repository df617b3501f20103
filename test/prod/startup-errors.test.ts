import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GatewayCloseCodes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { emptyWorkDir, startBot } from './bot-process.js';
import { closedPort } from './free-port.js';
import { createTestDatabase, PG_TEST_URL } from '../support/test-store.js';

const SLACK_HTTP = { SLACK_BOT_TOKEN: 'xoxb-start-up-test', SLACK_SIGNING_SECRET: 'start-up-signing-secret' };

/** Runs the bot to its exit and returns what an operator sees. */
async function failure(env: Record<string, string>, cwd?: string) {
  const bot = startBot(env, cwd);
  const { code } = await bot.exited;
  return { code, stderr: bot.stderr(), all: bot.stdout() + bot.stderr() };
}

/** Exactly one non-empty stderr line, exit 1, and no stack trace anywhere. */
async function expectOneLine(env: Record<string, string>, pattern: RegExp, cwd?: string) {
  const { code, stderr, all } = await failure(env, cwd);
  expect(code).toBe(1);
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(all).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

let slack: FakeSlackWebApi;
let discord: FakeDiscord;
let closedPortNumber: number;
beforeAll(async () => {
  closedPortNumber = await closedPort();
  slack = await startFakeSlackWebApi();
  discord = await startFakeDiscord();
});
afterAll(async () => {
  await slack.close();
  await discord.close();
});

// Each case spawns the real process through tsx: seconds each on a loaded machine.
describe('start-up errors: one line on stderr naming what to fix', { timeout: 90_000 }, () => {
  it.each([
    ['invalid_auth', /SLACK_BOT_TOKEN.*invalid_auth/],
    ['not_authed', /not_authed.*SLACK_BOT_TOKEN/],
    ['account_inactive', /account_inactive.*SLACK_BOT_TOKEN/],
  ])('Slack answers auth.test with %s', async (error, pattern) => {
    slack.respondWith('auth.test', { ok: false, error });
    const line = await expectOneLine({ ...SLACK_HTTP, SLACK_API_URL: slack.apiUrl }, pattern);
    expect(line).not.toContain('xoxb-start-up-test');
  });

  it('Slack is unreachable: names SLACK_API_URL and the network', async () => {
    await expectOneLine({ ...SLACK_HTTP, SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/` }, /Could not reach Slack.*SLACK_API_URL.*network/);
  });

  it('PORT already in use', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as { port: number };
    // Its own fake: the shared one answers auth.test with errors after the cases above.
    const accepting = await startFakeSlackWebApi();
    try {
      await expectOneLine({ ...SLACK_HTTP, SLACK_API_URL: accepting.apiUrl, PORT: String(port), HOST: '127.0.0.1' }, new RegExp(`PORT ${port} is already in use`));
    } finally {
      taken.close();
      await accepting.close();
    }
  });

  it('Discord rejects the token', async () => {
    discord.failNext('GET /users/@me', { status: 401, code: 0, message: '401: Unauthorized' });
    const line = await expectOneLine({ DISCORD_TOKEN: 'rejected.discord.token', DISCORD_API_URL: discord.apiUrl }, /Discord rejected DISCORD_TOKEN/);
    expect(line).not.toContain('rejected.discord.token');
  });

  it('Discord is unreachable', async () => {
    await expectOneLine({ DISCORD_TOKEN: 'some.discord.token', DISCORD_API_URL: `http://127.0.0.1:${await closedPort()}/api` }, /Could not reach Discord.*DISCORD_API_URL/);
  });

  it('Discord refuses the gateway intents', async () => {
    const refusing = await startFakeDiscord({ refuseIdentifyWith: GatewayCloseCodes.DisallowedIntents });
    try {
      await expectOneLine({ DISCORD_TOKEN: 'intent.discord.token', DISCORD_API_URL: refusing.apiUrl }, /refused the gateway intents.*no privileged intent/);
    } finally {
      await refusing.close();
    }
  });

  it('DATABASE_PATH inside a file, and DATABASE_PATH a folder', async () => {
    const dir = emptyWorkDir();
    writeFileSync(join(dir, 'plain-file'), 'x');
    await expectOneLine({ DATABASE_PATH: join(dir, 'plain-file', 'strikewire.db') }, /DATABASE_PATH .*plain-file.*part of the path is a file/, dir);
    mkdirSync(join(dir, 'a-folder'));
    await expectOneLine({ DATABASE_PATH: join(dir, 'a-folder') }, /DATABASE_PATH .*a-folder.*(folder|cannot open)/, dir);
  });

  it('a database written by a newer Strikewire is refused', async () => {
    const dir = emptyWorkDir();
    const path = join(dir, 'newer.db');
    const db = new Database(path);
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')");
    db.close();
    await expectOneLine({ DATABASE_PATH: path }, /DATABASE_PATH .*schema version 999.*refusing to start/, dir);
  });

  it('DATABASE_URL: nothing listening, no such database, no such user; never printing the URL or its password', async () => {
    const base = new URL(PG_TEST_URL);
    const withPassword = (change: (u: URL) => void) => {
      const url = new URL(base);
      url.password = 'pw-never-printed';
      change(url);
      return url.toString();
    };
    const cases: [string, RegExp][] = [
      [withPassword((u) => void (u.port = String(closedPortNumber))), /DATABASE_URL cannot be used: the connection was refused/],
      [withPassword((u) => void (u.pathname = '/strikewire_no_such_database')), /DATABASE_URL cannot be used: the database does not exist/],
      [withPassword((u) => void (u.username = 'strikewire_no_such_role')), /DATABASE_URL cannot be used: authentication failed/],
    ];
    for (const [url, pattern] of cases) {
      const line = await expectOneLine({ DATABASE_URL: url }, pattern);
      expect(line).not.toContain('pw-never-printed');
      expect(line).not.toContain(url);
    }
  });

  it('DATABASE_URL that is not a PostgreSQL URL is refused without repeating it', async () => {
    const line = await expectOneLine({ DATABASE_URL: 'mysql://root:hunter2@db/strikewire' }, /DATABASE_URL: must be a PostgreSQL URL/);
    expect(line).not.toContain('hunter2');
  });

  it('a PostgreSQL schema written by a newer Strikewire is refused', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const store = await database.open();
      await store.db.insertInto('schema_migrations').values({ version: 999, name: 'future', applied_at: '2030-01-01' }).execute();
      await store.close();
      await expectOneLine({ DATABASE_URL: database.config.databaseUrl! }, /DATABASE_URL: .*schema version 999.*refusing to start/);
    } finally {
      await database.drop();
    }
  });

  it('KNOWLEDGE_PACK missing, or a folder that is not a pack', async () => {
    const dir = emptyWorkDir();
    const line = await expectOneLine({ KNOWLEDGE_PACK: join(dir, 'no-such-pack') }, /KNOWLEDGE_PACK.*no-such-pack.*folder does not exist/, dir);
    expect(line).not.toContain('dispute.yaml');
    await expectOneLine({ KNOWLEDGE_PACK: dir }, /KNOWLEDGE_PACK.*is not a knowledge pack/, dir);
  });

  it.each([
    [{ EDITORS_SLACK: 'bob' }, /EDITORS_SLACK: must be Slack user ids \(U012AB3CD\)/],
    [{ STRIKEWIRE_ADMINS: ';;' }, /STRIKEWIRE_ADMINS: must be Slack user ids such as U012AB3CD/],
    [{ SLACK_SIGNING_SECRET: 'alone-secret' }, /SLACK_SIGNING_SECRET: is set but SLACK_BOT_TOKEN is not/],
  ])('refuses %o with the expected form', async (env, pattern) => {
    const line = await expectOneLine(env, pattern);
    expect(line).not.toContain('alone-secret');
  });
});
