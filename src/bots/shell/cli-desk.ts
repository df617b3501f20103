import type { CommandContext, Origin } from '../../core/commands/command-spec.js';
import { contextFromPack } from '../../core/create-context.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Pack } from '../../core/knowledge/schema.js';
import { PatchDesk } from '../../core/patch/patch-desk.js';
import type { Clock } from '../../core/time/clock.js';
import { EditorDesk } from '../../core/updates/editor-desk.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { EvidenceStore } from '../../store/evidence-store.js';
import { openStore } from '../../store/open-store.js';
import { UpdateStore, updateStorePort } from '../../store/update-store.js';
import { cliStoreConfig } from './cli-store.js';

export { DEFAULT_DATABASE } from './cli-store.js';

/** The editors' desk as `cli desk` and `cli ingest --apply` use it: the pack plus everything stored. */
export interface CliDesk {
  pack: Pack;
  store: UpdateStore;
  evidence: EvidenceStore;
  desk: EditorDesk;
  patches: PatchDesk;
  ctx: CommandContext;
  origin: Origin;
  close(): Promise<void>;
}

/**
 * Opens the store (DATABASE_URL, else DATABASE_PATH) and loads the shipped pack with the stored patches merged
 * in. Whoever can run the CLI can write the database itself, so the shell counts as an editor, known by `name`.
 */
export async function openCliDesk(env: NodeJS.ProcessEnv, clock: Clock, name: string): Promise<CliDesk> {
  const pack = loadPack(env.KNOWLEDGE_PACK || WGA_2023_PACK_DIR);
  const opened = await openStore(cliStoreConfig(env));
  try {
    const store = new UpdateStore(opened);
    const port = updateStorePort(store);
    const desk = new EditorDesk({ pack, store: port, log: (m) => process.stderr.write(`[desk] ${m}\n`) });
    const ctx = contextFromPack(pack, { clock });
    await desk.reload(ctx);
    const origin: Origin = { platform: 'shell', userId: name, isEditor: async () => true };
    return { pack, store, evidence: new EvidenceStore(opened), desk, patches: new PatchDesk(desk, port), ctx, origin, close: () => opened.close() };
  } catch (err) {
    await opened.close();
    throw err;
  }
}
