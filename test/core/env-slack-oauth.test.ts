import { describe, expect, it } from 'vitest';
import { parseEnv, slackSetup } from '../../src/env.js';

const OAUTH = { SLACK_CLIENT_ID: '1234567890.9876543210', SLACK_CLIENT_SECRET: 'client-secret-value', SLACK_STATE_SECRET: 'a-state-secret-of-our-own', SLACK_SIGNING_SECRET: 'signing' };

describe('environment: Slack OAuth (several workspaces)', () => {
  it('runs the OAuth flow when all three settings are set and there is no bot token', () => {
    expect(slackSetup(parseEnv(OAUTH))).toEqual({ kind: 'oauth', clientId: OAUTH.SLACK_CLIENT_ID, clientSecret: OAUTH.SLACK_CLIENT_SECRET, stateSecret: OAUTH.SLACK_STATE_SECRET });
  });

  it('stays single-workspace with a bot token and nothing else', () => {
    expect(slackSetup(parseEnv({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toEqual({ kind: 'token', botToken: 'xoxb-1' });
    expect(slackSetup(parseEnv({}))).toBeUndefined();
  });

  it('refuses one or two of the three, naming what is missing and never a value', () => {
    const run = () => parseEnv({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID, SLACK_CLIENT_SECRET: OAUTH.SLACK_CLIENT_SECRET, SLACK_SIGNING_SECRET: 's' });
    expect(run).toThrow(/SLACK_STATE_SECRET: is missing: installing in several workspaces \(OAuth\) needs all of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET/);
    expect(run).not.toThrow(/client-secret-value/);
  });

  it('refuses a bot token together with the OAuth settings', () => {
    expect(() => parseEnv({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_BOT_TOKEN: is set together with the OAuth settings/);
  });

  it('needs HTTP mode and its signing secret for OAuth', () => {
    expect(() => parseEnv({ ...OAUTH, SLACK_SIGNING_SECRET: undefined })).toThrow(/SLACK_SIGNING_SECRET: is required in HTTP mode/);
    expect(() => parseEnv({ ...OAUTH, SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_APP_TOKEN: is set, but installing in several workspaces \(OAuth\) runs in HTTP mode only/);
  });

  it('refuses a short state secret and a malformed client id', () => {
    expect(() => parseEnv({ ...OAUTH, SLACK_STATE_SECRET: 'short' })).toThrow(/SLACK_STATE_SECRET: must be at least 16 characters/);
    expect(() => parseEnv({ ...OAUTH, SLACK_CLIENT_ID: 'abc' })).toThrow(/SLACK_CLIENT_ID: must be the app's Client ID/);
  });

  it('takes team-prefixed editors beside plain ones', () => {
    expect(parseEnv({ EDITORS_SLACK: 'T0LOCALA:U0ALICE, U0BOB,T0LOCALB:S0DESK' }).EDITORS_SLACK).toEqual(['T0LOCALA:U0ALICE', 'U0BOB', 'T0LOCALB:S0DESK']);
    expect(() => parseEnv({ EDITORS_SLACK: 'T0LOCALA:' })).toThrow(/EDITORS_SLACK: must be Slack user ids/);
  });
});
