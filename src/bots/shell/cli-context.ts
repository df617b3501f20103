import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { contextFromPack, refreshContext } from '../../core/create-context.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Clock } from '../../core/time/clock.js';
import { mergeStored } from '../../core/updates/merge-stored.js';
import type { UpdateRecord } from '../../core/updates/update-schema.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { openStore, type Store, type StoreConfig } from '../../store/open-store.js';
import type { StoreTables } from '../../store/store-tables.js';
import { UpdateStore } from '../../store/update-store.js';
import { cliStoreConfig, storeMayHoldData } from './cli-store.js';

/**
 * The knowledge the running bot answers from: the pack plus editors' stored updates when there is a store, so
 * `cli status` and `cli digest` agree with Slack and Discord on either engine. A SQLite file is opened read-only
 * and never created here.
 */
export async function loadCliContext(env: NodeJS.ProcessEnv, clock: Clock): Promise<CommandContext> {
  const pack = loadPack(env.KNOWLEDGE_PACK || WGA_2023_PACK_DIR);
  const ctx = contextFromPack(pack, { clock });
  const config = cliStoreConfig(env);
  if (!storeMayHoldData(config)) return ctx;
  const records = config.databaseUrl ? await readFrom(await openStore(config)) : await readSqliteReadOnly(config);
  if (!records) return ctx;
  const merged = mergeStored(pack, records);
  refreshContext(ctx, merged.pack, merged.verifiedPack);
  return ctx;
}

async function readFrom(store: Store): Promise<UpdateRecord[]> {
  try {
    return await new UpdateStore(store).list();
  } finally {
    await store.close();
  }
}

/** The stored updates of a SQLite file without migrating or writing it; undefined when it has none yet. */
async function readSqliteReadOnly(config: StoreConfig): Promise<UpdateRecord[] | undefined> {
  const sqlite = new Database(config.databasePath, { readonly: true, fileMustExist: true });
  const db = new Kysely<StoreTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  const store: Store = { dialect: 'sqlite', db, setting: 'DATABASE_PATH', sqlite, close: () => db.destroy() };
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'updates'").get()) {
    await store.close();
    return undefined;
  }
  return readFrom(store);
}
