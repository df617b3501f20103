import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { contextFromPack, refreshContext } from '../../core/create-context.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Clock } from '../../core/time/clock.js';
import { mergeStored } from '../../core/updates/merge-stored.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { UpdateStore } from '../../store/update-store.js';

const DEFAULT_DATABASE = './data/strikewire.db';

/**
 * The knowledge the running bot answers from: the pack plus editors' stored updates when the database exists, so
 * `cli status` and `cli digest` agree with Slack and Discord. The database is opened read-only and never created here.
 */
export function loadCliContext(env: NodeJS.ProcessEnv, clock: Clock): CommandContext {
  const pack = loadPack(env.KNOWLEDGE_PACK || WGA_2023_PACK_DIR);
  const ctx = contextFromPack(pack, { clock });
  const path = env.DATABASE_PATH || DEFAULT_DATABASE;
  if (!existsSync(path)) return ctx;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const hasUpdates = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'updates'").get();
    if (!hasUpdates) return ctx;
    const merged = mergeStored(pack, new UpdateStore(db).list());
    refreshContext(ctx, merged.pack, merged.verifiedPack);
    return ctx;
  } finally {
    db.close();
  }
}
