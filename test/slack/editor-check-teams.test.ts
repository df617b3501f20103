import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';

describe('EDITORS_SLACK across workspaces', () => {
  let fake: FakeSlackWebApi;
  let client: webApi.WebClient;
  const logger = new RecordingLogger();

  beforeEach(async () => {
    fake = await startFakeSlackWebApi();
    client = new webApi.WebClient('xoxb-editor-check', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  });
  afterEach(() => fake.close());

  const check = (editors: string[]) => createSlackEditorCheck(editors, { clock: fixedClock('2026-03-01T10:00:00Z') });

  it('counts an unprefixed user in every workspace, and a prefixed one only in its own', async () => {
    const editors = check(['U0EVERY', 'T0LOCALA:U0ALICE']);
    expect(await editors.forUser({ client, userId: 'U0EVERY', teamId: 'T0LOCALA', logger })()).toBe(true);
    expect(await editors.forUser({ client, userId: 'U0EVERY', teamId: 'T0LOCALB', logger })()).toBe(true);
    expect(await editors.forUser({ client, userId: 'U0ALICE', teamId: 'T0LOCALA', logger })()).toBe(true);
    expect(await editors.forUser({ client, userId: 'U0ALICE', teamId: 'T0LOCALB', logger })()).toBe(false);
    expect(await editors.forUser({ client, userId: 'U0ALICE', logger })()).toBe(false);
  });

  it("asks for a team-prefixed group's members only in that team, and caches each team's answer apart", async () => {
    fake.respondWith('usergroups.users.list', (c) => ({ users: c.body.usergroup === 'S0DESK' ? ['U0DESK'] : [] }));
    const editors = check(['T0LOCALB:S0DESK', 'S0ALL']);
    expect(await editors.forUser({ client, userId: 'U0DESK', teamId: 'T0LOCALA', logger })()).toBe(false);
    expect(fake.callsTo('usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0ALL']);
    expect(await editors.forUser({ client, userId: 'U0DESK', teamId: 'T0LOCALB', logger })()).toBe(true);
    expect(fake.callsTo('usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0ALL', 'S0DESK']);
    expect(await editors.forUser({ client, userId: 'U0OTHER', teamId: 'T0LOCALB', logger })()).toBe(false);
    // S0ALL for team B was never asked before: its cache entry is team A's.
    expect(fake.callsTo('usergroups.users.list').map((c) => c.body.usergroup)).toEqual(['S0ALL', 'S0DESK', 'S0ALL']);
  });
});
