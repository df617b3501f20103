import type { Installation } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/time/clock.js';
import { createSlackInstallationStore, NotInstalledError, type SlackInstallationStore } from '../../src/store/slack-installation-store.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

function teamInstall(teamId: string, token: string): Installation<'v2', false> {
  return {
    team: { id: teamId, name: `Local ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { id: 'B0BOT', userId: 'U0BOT', token, scopes: ['commands', 'chat:write'] },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0STRIKE',
    authVersion: 'v2',
  };
}

function orgInstall(enterpriseId: string, token: string): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Federation' },
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { id: 'B0BOT', userId: 'U0BOT', token, scopes: ['commands'] },
    tokenType: 'bot',
    isEnterpriseInstall: true,
    appId: 'A0STRIKE',
    authVersion: 'v2',
  };
}

describe.each(STORE_KINDS)('Slack installation store (%s)', (kind) => {
  let opened: Awaited<ReturnType<typeof openTestStore>>;
  let store: Store;
  let installations: SlackInstallationStore;

  beforeEach(async () => {
    opened = await openTestStore(kind);
    store = opened.store;
    installations = createSlackInstallationStore(store, { clock: fixedClock('2026-03-01T10:00:00Z') });
  });
  afterEach(() => opened.close());

  it('stores a workspace install under its team id and reads back what Bolt gave it', async () => {
    await installations.storeInstallation(teamInstall('T0LOCALA', 'xoxb-a-1'));
    const found = await installations.fetchInstallation({ teamId: 'T0LOCALA', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(found).toEqual(teamInstall('T0LOCALA', 'xoxb-a-1'));
    const rows = await store.db.selectFrom('slack_installations').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ install_key: 'team:T0LOCALA', team_id: 'T0LOCALA', enterprise_id: null, installed_at: '2026-03-01T10:00:00.000Z' })]);
  });

  it('keeps workspaces apart and lets a reinstall replace the token', async () => {
    await installations.storeInstallation(teamInstall('T0LOCALA', 'xoxb-a-1'));
    await installations.storeInstallation(teamInstall('T0LOCALB', 'xoxb-b-1'));
    await installations.storeInstallation(teamInstall('T0LOCALA', 'xoxb-a-2'));
    expect(await installations.botTokenFor('T0LOCALA')).toBe('xoxb-a-2');
    expect(await installations.botTokenFor('T0LOCALB')).toBe('xoxb-b-1');
    expect(await store.db.selectFrom('slack_installations').select('install_key').orderBy('install_key').execute()).toEqual([{ install_key: 'team:T0LOCALA' }, { install_key: 'team:T0LOCALB' }]);
  });

  it('keys an org-wide install by its enterprise, and finds it for any workspace of that enterprise', async () => {
    await installations.storeInstallation(orgInstall('E0FED', 'xoxb-org'));
    const found = await installations.fetchInstallation({ teamId: 'T0MEMBER', enterpriseId: 'E0FED', isEnterpriseInstall: true });
    expect(found.bot?.token).toBe('xoxb-org');
    expect(await installations.botTokenFor('T0MEMBER', 'E0FED')).toBe('xoxb-org');
    expect(await installations.botTokenFor('T0MEMBER')).toBeUndefined();
    const rows = await store.db.selectFrom('slack_installations').select(['install_key', 'team_id', 'enterprise_id']).execute();
    expect(rows).toEqual([{ install_key: 'enterprise:E0FED', team_id: null, enterprise_id: 'E0FED' }]);
  });

  it('says plainly that a team is not installed, without naming any token', async () => {
    await installations.storeInstallation(teamInstall('T0LOCALA', 'xoxb-a-1'));
    const missing = installations.fetchInstallation({ teamId: 'T0OTHER', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(missing).rejects.toBeInstanceOf(NotInstalledError);
    await expect(missing).rejects.toThrow(/not installed in workspace T0OTHER/);
    await expect(missing).rejects.not.toThrow(/xoxb-/);
  });

  it('deletes an installation, after which the team is no longer installed', async () => {
    await installations.storeInstallation(teamInstall('T0LOCALA', 'xoxb-a-1'));
    await installations.storeInstallation(teamInstall('T0LOCALB', 'xoxb-b-1'));
    await installations.deleteInstallation({ teamId: 'T0LOCALA', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(await installations.botTokenFor('T0LOCALA')).toBeUndefined();
    expect(await installations.botTokenFor('T0LOCALB')).toBe('xoxb-b-1');
  });

  it('logs which installation it stored by key, never the token', async () => {
    const lines: string[] = [];
    const logger = { debug: () => {}, info: (...m: unknown[]) => void lines.push(m.join(' ')), warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => 'info', setName: () => {} };
    await installations.storeInstallation(teamInstall('T0LOCALA', 'xoxb-secret-a'), logger as never);
    expect(lines).toEqual(['Stored the Slack installation for team:T0LOCALA']);
  });
});
