import type { webApi } from '@slack/bolt';
import { DigestChannelError, type DigestTarget } from '../../scheduler/digest-channel.js';
import type { SlackInstallationStore } from '../../store/slack-installation-store.js';
import { createSlackDigestClient, type SlackDigestClientOptions } from './digest-poster.js';

/** Finds the Web API client to post a digest with: the token of the subscription's own workspace. */
export type SlackDigestClients = (target: DigestTarget) => Promise<webApi.WebClient>;

/**
 * OAuth mode: one digest client per installed workspace, built with that workspace's bot token from the installation
 * store (and rebuilt when a reinstall changed it). A subscription whose workspace is no longer installed fails as
 * "channel gone", which pauses it; one that never recorded its workspace is refused, since no token fits it.
 */
export function teamDigestClients(installations: SlackInstallationStore, options: Omit<SlackDigestClientOptions, 'botToken'> = {}): SlackDigestClients {
  const clients = new Map<string, { token: string; client: webApi.WebClient }>();
  return async (target) => {
    if (!target.workspaceId) throw new DigestChannelError('rejected', 'no_workspace', 'the subscription does not record its Slack workspace; subscribe again from the channel');
    let token: string | undefined;
    try {
      token = await installations.botTokenFor(target.workspaceId);
    } catch (err) {
      throw new DigestChannelError('transient', 'installation_lookup', `could not read the workspace's installation: ${(err as Error).message.slice(0, 120)}`);
    }
    if (!token) throw new DigestChannelError('channel-gone', 'not_installed', 'Strikewire is no longer installed in this workspace');
    const known = clients.get(target.workspaceId);
    if (known?.token === token) return known.client;
    const client = createSlackDigestClient({ ...options, botToken: token });
    clients.set(target.workspaceId, { token, client });
    return client;
  };
}
