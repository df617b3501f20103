/**
 * One bot replica for gateway-election.test.ts, started as `npm start` starts the Discord half: startDiscord with
 * the environment, running for the gateway lease in the shared store, stopped in order on SIGTERM. It logs JSON lines
 * on stdout and 'replica started' once it is logged in or standing by. LEASE_STORE is the shared store's config as
 * JSON (a DATABASE_URL, or one SQLite file on this host); GATEWAY_LEASE_TIMING (JSON) shortens the lease for a test,
 * and without it the production timing applies.
 */
import { startDiscord } from '../../src/bots/discord/start-discord.js';
import type { LeaseTiming } from '../../src/bots/discord/gateway-election.js';
import { parseEnv } from '../../src/env.js';
import { appLogger, configureLogger } from '../../src/log/logger.js';
import { stopOnSignals } from '../../src/startup/shutdown.js';
import { openDatabase } from '../../src/store/open-database.js';
import { openStore, type StoreConfig } from '../../src/store/open-store.js';
import { testContext } from './bot-harness.js';

const env = parseEnv(process.env);
const logger = configureLogger({ level: 'info', format: 'json', secrets: [env.DISCORD_TOKEN ?? ''] });
const store = await openStore(JSON.parse(process.env.LEASE_STORE!) as StoreConfig);
// Share tokens and interaction claims still live in each replica's own SQLite file at DATABASE_PATH, kept apart from
// the shared store, whose migrations differ from that file's.
const db = openDatabase(env.DATABASE_PATH);
const timing = process.env.GATEWAY_LEASE_TIMING ? (JSON.parse(process.env.GATEWAY_LEASE_TIMING) as LeaseTiming) : undefined;
const discord = await startDiscord(testContext(), env, { db, election: { store, ...(timing ? { timing } : {}) } });
stopOnSignals(
  () => [{ name: 'discord', stop: () => discord.stop() }],
  () => {
    db.close();
    void store.close();
  },
  appLogger(),
);
logger.info({ pid: process.pid }, 'replica started');
