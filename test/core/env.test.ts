import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '../../src/env.js';

describe('environment', () => {
  it('has working defaults with nothing set', () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATABASE_PATH: './data/strikewire.db', DIGEST_TZ: 'America/Los_Angeles', EDITORS_SLACK: [] });
  });

  it('names the variable and the problem, never the value', () => {
    const bad = () => parseEnv({ PORT: 'eighty', DIGEST_TZ: 'Mars/Olympus', SLACK_BOT_TOKEN: 'xoxp-secret-user-token' });
    expect(bad).toThrow(EnvError);
    try {
      bad();
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/PORT: /);
      expect(message).toMatch(/DIGEST_TZ: must be an IANA time zone/);
      expect(message).toMatch(/SLACK_BOT_TOKEN: must be a bot token starting with xoxb-/);
      expect(message).not.toContain('secret');
    }
  });

  it('requires a signing secret for Slack HTTP mode but not Socket Mode', () => {
    expect(() => parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
    expect(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).SLACK_APP_TOKEN).toBe('xapp-1');
  });

  it('splits id lists', () => {
    expect(parseEnv({ EDITORS_DISCORD: ' 112233445566778899, 223344556677889900 ,,' }).EDITORS_DISCORD).toEqual(['112233445566778899', '223344556677889900']);
    expect(parseEnv({ EDITORS_SLACK: 'U012AB3CD,S0GROUP1', STRIKEWIRE_ADMINS: 'W0ADMIN' })).toMatchObject({ EDITORS_SLACK: ['U012AB3CD', 'S0GROUP1'], STRIKEWIRE_ADMINS: ['W0ADMIN'] });
  });

  it('refuses id lists of the wrong shape, or set but empty, in one line naming the expected form', () => {
    expect(() => parseEnv({ EDITORS_SLACK: 'bob' })).toThrow(/^Configuration problem: EDITORS_SLACK: must be Slack user ids \(U012AB3CD\) or user group ids \(S012AB3CD\), each optionally prefixed by its team \(T012AB3CD:U012AB3CD\), separated by commas\. See/);
    expect(() => parseEnv({ STRIKEWIRE_ADMINS: ';;' })).toThrow(/STRIKEWIRE_ADMINS: must be Slack user ids such as U012AB3CD/);
    expect(() => parseEnv({ STRIKEWIRE_ADMINS: ' , ' })).toThrow(/STRIKEWIRE_ADMINS/);
    expect(() => parseEnv({ EDITORS_DISCORD: 'moderators' })).toThrow(/EDITORS_DISCORD: must be numeric Discord/);
    expect(() => parseEnv({ EDITORS_SLACK: 'bob', PORT: 'x' })).toThrow(/^[^\n]+$/);
  });

  it('refuses Slack settings without a bot token instead of silently opening the shell', () => {
    expect(() => parseEnv({ SLACK_SIGNING_SECRET: 'abc' })).toThrow(/SLACK_SIGNING_SECRET: is set but SLACK_BOT_TOKEN is not/);
    expect(() => parseEnv({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_APP_TOKEN: is set but SLACK_BOT_TOKEN is not/);
  });

  it('takes a postgres:// or postgresql:// DATABASE_URL, and refuses anything else without repeating it', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://sw:pw@db:5432/strikewire' }).DATABASE_URL).toBe('postgres://sw:pw@db:5432/strikewire');
    expect(parseEnv({ DATABASE_URL: 'postgresql:///strikewire?host=/var/run/postgresql' }).DATABASE_URL).toMatch(/^postgresql:/);
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    for (const bad of ['mysql://root:hunter2@db/sw', 'hunter2', 'postgres//hunter2@db']) {
      expect(() => parseEnv({ DATABASE_URL: bad })).toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
      expect(() => parseEnv({ DATABASE_URL: bad })).not.toThrow(/hunter2/);
    }
  });
});
