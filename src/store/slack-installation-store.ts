import type { Installation, InstallationQuery, InstallationStore, Logger } from '@slack/bolt';
import { z } from 'zod';
import { systemClock, type Clock } from '../core/time/clock.js';
import type { Store } from './open-store.js';

/** Thrown when no installation matches a query; Bolt's authorize and the digest poster both treat it as "not installed". */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/** What a stored installation must at least look like when read back (the rest is Bolt's own shape, kept as is). */
const StoredInstallation = z.looseObject({
  team: z.object({ id: z.string() }).loose().optional(),
  enterprise: z.object({ id: z.string() }).loose().optional(),
  isEnterpriseInstall: z.boolean().optional(),
  bot: z.object({ token: z.string(), userId: z.string(), id: z.string().optional() }).loose().optional(),
});

/**
 * The row key of an installation: an org-wide (enterprise) install is one row for the whole enterprise, keyed by its
 * enterprise id; every other install is keyed by its team id. The prefixes keep a team id and an enterprise id apart.
 */
export function installKey(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string | undefined {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return query.teamId ? `team:${query.teamId}` : undefined;
}

/** The query that finds an installation, from the installation itself. */
function queryOf(installation: Installation<'v1' | 'v2', boolean>): Parameters<typeof installKey>[0] {
  return { teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall };
}

/** Bolt's InstallationStore in the Strikewire database, with the few look-ups the rest of the app needs. */
export interface SlackInstallationStore extends Required<InstallationStore> {
  /** The bot token of an installed team (or its enterprise's org-wide install); undefined when it is not installed. */
  botTokenFor(teamId: string, enterpriseId?: string): Promise<string | undefined>;
}

/**
 * Installations from Bolt's OAuth flow, one row per workspace or enterprise in `slack_installations`, on either
 * engine. A reinstall replaces the row (new scopes, new token). Tokens live only in `content`: messages and logs
 * name the team, never the token.
 */
export function createSlackInstallationStore(store: Store, options: { clock?: Clock } = {}): SlackInstallationStore {
  const clock = options.clock ?? systemClock;
  const { db } = store;

  const read = async (key: string | undefined): Promise<Installation<'v1' | 'v2', boolean> | undefined> => {
    if (!key) return undefined;
    const row = await db.selectFrom('slack_installations').select('content').where('install_key', '=', key).executeTakeFirst();
    if (!row) return undefined;
    return StoredInstallation.parse(JSON.parse(row.content)) as unknown as Installation<'v1' | 'v2', boolean>;
  };

  const fetch = async (query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> => {
    const found = await read(installKey(query));
    if (!found) throw new NotInstalledError(`Strikewire is not installed in workspace ${query.teamId ?? query.enterpriseId ?? '(none named)'}`);
    return found;
  };

  return {
    async storeInstallation(installation, logger?: Logger) {
      const key = installKey(queryOf(installation));
      if (!key) throw new Error('An installation names neither a team nor an enterprise; nothing was stored.');
      const row = {
        install_key: key,
        team_id: installation.team?.id ?? null,
        enterprise_id: installation.enterprise?.id ?? null,
        content: JSON.stringify(installation),
        installed_at: clock().toISOString(),
      };
      await db
        .insertInto('slack_installations')
        .values(row)
        .onConflict((c) => c.column('install_key').doUpdateSet({ team_id: row.team_id, enterprise_id: row.enterprise_id, content: row.content, installed_at: row.installed_at }))
        .execute();
      logger?.info(`Stored the Slack installation for ${key}`);
    },

    fetchInstallation: (query) => fetch(query),

    async deleteInstallation(query, logger?: Logger) {
      const key = installKey(query);
      if (!key) return;
      await db.deleteFrom('slack_installations').where('install_key', '=', key).execute();
      logger?.info(`Deleted the Slack installation for ${key}`);
    },

    async botTokenFor(teamId, enterpriseId) {
      const own = await read(installKey({ teamId }));
      const installation = own ?? (enterpriseId ? await read(installKey({ enterpriseId, isEnterpriseInstall: true })) : undefined);
      return installation?.bot?.token;
    },
  };
}
