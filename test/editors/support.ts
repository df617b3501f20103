import type { CommandContext, Origin } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import type { Pack } from '../../src/core/knowledge/schema.js';
import { fixedClock, type Clock } from '../../src/core/time/clock.js';
import { createEditorCommands } from '../../src/core/updates/editor-commands.js';
import { EditorDesk } from '../../src/core/updates/editor-desk.js';
import type { EditorUpdate, EditorUpdateInput, FormRecord } from '../../src/core/updates/update-schema.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import type { Store } from '../../src/store/open-store.js';
import { UpdateStore, updateStorePort } from '../../src/store/update-store.js';
import { openTestStore, type StoreKind } from '../support/test-store.js';

/** The shipped pack, loaded once per test file. */
export const PACK: Pack = loadPack(WGA_2023_PACK_DIR);

/** The day after a fictional Aug 11 meeting: editors record it then. */
export const AUG_12 = '2023-08-12T10:00:00.000Z';

/** A follow-up meeting, written for these tests, with a stance change on minimum staffing. */
export function meetingUpdate(overrides: Partial<EditorUpdateInput> = {}): EditorUpdateInput {
  return {
    title: 'WGA and AMPTP negotiators meet again',
    what: 'Negotiators for the guild and the studios met for about three hours; the AMPTP put a counterproposal on room staffing on the table.',
    date: '2023-08-11',
    proposals: ['tv-minimum-staffing'],
    stance: { party: 'amptp', stance: 'counters' },
    contact: true,
    quote: { text: 'We put real numbers on the table today.', speaker: 'carol-lombardini' },
    source: { outlet: 'Strikewire Test Wire', title: 'Writers and studios meet again', kind: 'press', url: 'https://example.org/wire/aug-11' },
    unverified: false,
    ...overrides,
  };
}

/** A stored-looking record for applyUpdates tests. */
export function record(id: number, update: EditorUpdateInput, extra: Partial<FormRecord> = {}): FormRecord {
  return { id, update: update as EditorUpdate, author: 'slack:U0EDITOR', recordedAt: AUG_12, unverified: Boolean(update.unverified), origin: 'editor', ...extra };
}

/** An origin whose editor check answers as told. */
export function origin(editor: boolean, userId = editor ? 'U0EDITOR' : 'U0MEMBER'): Origin {
  return { platform: 'slack', userId, channelId: 'C0NEWS', isEditor: async () => editor };
}

/** A desk over a fresh store of either engine, with its context built from the pack and loaded. */
export interface DeskHarness {
  db: Store;
  store: UpdateStore;
  desk: EditorDesk;
  ctx: CommandContext;
  logs: string[];
  /** Closes the store and drops its database. */
  close(): Promise<void>;
}

export async function startDesk(now: string | Clock = AUG_12, kind: StoreKind = 'sqlite'): Promise<DeskHarness> {
  const opened = await openTestStore(kind);
  const db = opened.store;
  const store = new UpdateStore(db);
  const logs: string[] = [];
  const desk = new EditorDesk({ pack: PACK, store: updateStorePort(store), log: (m) => logs.push(m) });
  const ctx = contextFromPack(PACK, { clock: typeof now === 'string' ? fixedClock(now) : now, extensions: createEditorCommands(desk) });
  await desk.reload(ctx);
  return { db, store, desk, ctx, logs, close: () => opened.close() };
}
