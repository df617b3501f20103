/**
 * Replicas of the Discord bot that share one SQLite database file, each with its own HTTP server serving
 * POST /discord/interactions, built the way start-bot.ts builds them (startDiscord, then the bot's HTTP server).
 * One may hold the gateway session; the others are REST-only, as a replica without the gateway lease is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interaction } from 'discord.js';
import { createFormInteractionHandler } from '../../src/bots/discord/handle-editor-forms.js';
import { createEditorInteractionHandler } from '../../src/bots/discord/handle-editor-interactions.js';
import { DISCORD_INTERACTIONS_PATH } from '../../src/bots/discord/interactions-endpoint.js';
import { startDiscord, type StartedDiscord } from '../../src/bots/discord/start-discord.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { fixedClock, type Clock } from '../../src/core/time/clock.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import { openFormService } from '../../src/editors/form-service.js';
import { parseEnv } from '../../src/env.js';
import { startHealthServer } from '../../src/health/health-server.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { FormMemoStore } from '../../src/store/form-memo-store.js';
import { StoredHeldPatches } from '../../src/store/held-patch-store.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { FakeDiscord } from '../fakes/discord-fake.js';
import { FAKE_IDS } from '../fakes/discord-fake-payloads.js';
import { TEST_EXTENSIONS } from './test-extensions.js';
import { AUG_12, PACK } from '../editors/support.js';

/** One running replica. */
export interface Replica {
  name: string;
  url: string;
  store: Store;
  ctx: CommandContext;
  discord: StartedDiscord;
  /** Ids of every interaction that reached this replica's handlers, in order. */
  seen: string[];
  logs: string[];
  stop(): Promise<void>;
}

/** A shared database file in a fresh temporary folder. */
export function sharedDatabaseFile(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'discord-http-'));
  return { path: join(dir, 'strikewire.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How to start a replica. */
export interface ReplicaOptions {
  databasePath: string;
  publicKeyHex: string;
  /** Whether it logs in to the fake gateway. */
  gateway: boolean;
  /** Also the multi-page forms (/strike-editor new, settle and update), ahead of the update modal as start-bot.ts has them. */
  forms?: boolean;
  /** Aug 12, 2023, frozen, by default. */
  clock?: Clock;
}

/** Starts a replica against the fake. */
export async function startReplica(name: string, fake: FakeDiscord, options: ReplicaOptions): Promise<Replica> {
  const env = parseEnv({ DISCORD_TOKEN: 'fake.bot.token', DISCORD_API_URL: fake.apiUrl, DISCORD_PUBLIC_KEY: options.publicKeyHex, DATABASE_PATH: options.databasePath });
  const store = await openStore({ databasePath: env.DATABASE_PATH });
  const memos = new FormMemoStore(store);
  // After the pack's Aug 11 meeting, so an editor may record it.
  const clock = options.clock ?? fixedClock(AUG_12);
  const logs: string[] = [];
  const editors: EditorService = openEditorService(store, { pack: PACK, clock, log: (m) => logs.push(m) });
  const forms = options.forms ? openFormService(store, editors, new StoredHeldPatches(memos)) : undefined;
  const ctx = contextFromPack(PACK, { clock, extensions: [...TEST_EXTENSIONS, ...editors.commands, ...(forms?.commands ?? [])] });
  const sync = await editors.start(ctx);
  const seen: string[] = [];
  const spy = async (interaction: Interaction) => (seen.push(interaction.id), false);
  // Stewards hold the editors' role in the fake server.
  const editorForms = createEditorInteractionHandler({ ctx, desk: editors.desk, editors: [FAKE_IDS.stewardRole], claims: new InteractionClaims(store), clock, memos });
  const pageForms = forms ? [createFormInteractionHandler({ ctx, desk: forms.desk, editors: [FAKE_IDS.stewardRole], claims: forms.claims, memos })] : [];
  const logger = { debug: () => {}, info: (m: string) => logs.push(`info: ${m}`), warn: (m: string) => logs.push(`warn: ${m}`), error: (m: string) => logs.push(`error: ${m}`) };
  const discord = await startDiscord(ctx, env, { store, interceptors: [spy, ...pageForms, editorForms], logger, gateway: options.gateway });
  if (!discord.interactions) throw new Error('DISCORD_PUBLIC_KEY was set but startDiscord offered no interactions endpoint');
  const server = await startHealthServer(() => undefined, { port: 0, host: '127.0.0.1' }, { [DISCORD_INTERACTIONS_PATH]: discord.interactions });
  return {
    name,
    url: `http://127.0.0.1:${server.port}${DISCORD_INTERACTIONS_PATH}`,
    store,
    ctx,
    discord,
    seen,
    logs,
    async stop() {
      await server.stop();
      await discord.stop();
      sync.stop();
      await store.close();
    },
  };
}
