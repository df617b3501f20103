import type Database from 'better-sqlite3';
import type { CommandContext, Origin } from '../../core/commands/command-spec.js';
import { contextFromPack } from '../../core/create-context.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Pack } from '../../core/knowledge/schema.js';
import { PatchDesk } from '../../core/patch/patch-desk.js';
import type { Clock } from '../../core/time/clock.js';
import { EditorDesk } from '../../core/updates/editor-desk.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { EvidenceStore } from '../../store/evidence-store.js';
import { openDatabase } from '../../store/open-database.js';
import { UpdateStore, updateStorePort } from '../../store/update-store.js';

/** Where the CLI's desk keeps its data unless DATABASE_PATH says otherwise. */
export const DEFAULT_DATABASE = './data/strikewire.db';

/** The editors' desk as `cli desk` and `cli ingest --apply` use it: the pack plus everything stored. */
export interface CliDesk {
  pack: Pack;
  db: Database.Database;
  store: UpdateStore;
  evidence: EvidenceStore;
  desk: EditorDesk;
  patches: PatchDesk;
  ctx: CommandContext;
  origin: Origin;
  close(): void;
}

/**
 * Opens DATABASE_PATH and loads the shipped pack with the stored patches merged in. Whoever can run the CLI can
 * write the database file itself, so the shell counts as an editor, known by `name`.
 */
export async function openCliDesk(env: NodeJS.ProcessEnv, clock: Clock, name: string): Promise<CliDesk> {
  const pack = loadPack(env.KNOWLEDGE_PACK || WGA_2023_PACK_DIR);
  const db = openDatabase(env.DATABASE_PATH || DEFAULT_DATABASE);
  try {
    const store = new UpdateStore(db);
    const port = updateStorePort(store);
    const desk = new EditorDesk({ pack, store: port, log: (m) => process.stderr.write(`[desk] ${m}\n`) });
    const ctx = contextFromPack(pack, { clock });
    await desk.reload(ctx);
    const origin: Origin = { platform: 'shell', userId: name, isEditor: async () => true };
    return { pack, db, store, evidence: new EvidenceStore(db), desk, patches: new PatchDesk(desk, port), ctx, origin, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}
