import { existsSync } from 'node:fs';
import type { StoreConfig } from '../../store/open-store.js';

/** Where the CLI keeps its data unless DATABASE_PATH says otherwise: the bot's default too. */
export const DEFAULT_DATABASE = './data/strikewire.db';

/** The store the CLI shares with the running bot: PostgreSQL when DATABASE_URL is set (DATABASE_PATH is then ignored), else the SQLite file. */
export function cliStoreConfig(env: NodeJS.ProcessEnv): StoreConfig {
  return { databaseUrl: env.DATABASE_URL || undefined, databasePath: env.DATABASE_PATH || DEFAULT_DATABASE };
}

/** Whether there may be anything stored to read: a PostgreSQL server always, a SQLite file once created. */
export function storeMayHoldData(config: StoreConfig): boolean {
  return Boolean(config.databaseUrl) || existsSync(config.databasePath);
}
