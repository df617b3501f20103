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
    expect(parseEnv({ EDITORS_DISCORD: ' 123, 456 ,,' }).EDITORS_DISCORD).toEqual(['123', '456']);
  });
});
