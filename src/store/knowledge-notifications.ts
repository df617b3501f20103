import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { StoreDialect } from './store-dialect.js';
import type { StoreTables } from './store-tables.js';

/**
 * The PostgreSQL channel every replica listens on for changes to the editors' knowledge. Channels span the whole
 * database, so each notification carries the schema it was written in, and a listener heeds only its own: two
 * deployments (or two tests) in different schemas of one database do not wake each other.
 */
export const KNOWLEDGE_CHANNEL = 'strikewire_knowledge';

/**
 * Tells the other replicas the knowledge changed. Called inside the writing transaction: PostgreSQL delivers a
 * notification only when that transaction commits, so nobody reloads before the change is visible (or for one
 * that rolled back). SQLite has no other replicas to tell.
 */
export async function notifyKnowledgeChanged(db: Kysely<StoreTables>, dialect: StoreDialect): Promise<void> {
  if (dialect === 'postgres') await sql`SELECT pg_notify(${KNOWLEDGE_CHANNEL}, current_schema())`.execute(db);
}

/** How the listener reconnects after its connection drops. */
export interface ListenerBackoff {
  firstDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_BACKOFF: ListenerBackoff = { firstDelayMs: 250, maxDelayMs: 10_000 };

/** A running LISTEN on one dedicated connection. */
export interface KnowledgeListener {
  /** Resolves once the first attempt to listen succeeded or failed (a failure keeps retrying in the background). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps one pool client LISTENing on the knowledge channel and calls `onChange` for each notification. When the
 * connection drops it reconnects with a growing delay and then calls `onChange` once, since notifications sent
 * while it was away are lost.
 */
export function listenForKnowledge(pool: pg.Pool, onChange: () => void, log: (message: string) => void, backoff: ListenerBackoff = DEFAULT_BACKOFF): KnowledgeListener {
  let client: pg.PoolClient | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let delay = backoff.firstDelayMs;
  // Changes made before the first LISTEN are the caller's to load; after any later (re)connect, some may have been missed.
  let first = true;

  const dropped = (c: pg.PoolClient, err?: Error) => {
    if (client !== c) return;
    client = undefined;
    c.release(err ?? true);
    if (stopped) return;
    log(`lost the knowledge notifications connection${err ? `: ${err.message}` : ''}; reconnecting in ${delay} ms`);
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
    delay = Math.min(backoff.maxDelayMs, delay * 2);
  };

  const connect = async (): Promise<void> => {
    timer = undefined;
    let c: pg.PoolClient;
    try {
      c = await pool.connect();
    } catch (err) {
      if (stopped) return;
      log(`could not connect for knowledge notifications: ${(err as Error).message}; retrying in ${delay} ms`);
      timer = setTimeout(() => void connect(), delay);
      timer.unref();
      delay = Math.min(backoff.maxDelayMs, delay * 2);
      return;
    }
    if (stopped) return c.release();
    client = c;
    let schema: string | undefined;
    c.on('notification', (message) => {
      if (message.channel === KNOWLEDGE_CHANNEL && message.payload === schema) onChange();
    });
    c.on('error', (err) => dropped(c, err));
    c.on('end', () => dropped(c));
    try {
      schema = (await c.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]?.schema;
      await c.query(`LISTEN ${KNOWLEDGE_CHANNEL}`);
    } catch (err) {
      return dropped(c, err as Error);
    }
    delay = backoff.firstDelayMs;
    if (!first) onChange();
  };

  const ready = connect().finally(() => {
    first = false;
  });
  return {
    ready,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ready;
      const c = client;
      client = undefined;
      if (!c) return;
      try {
        await c.query(`UNLISTEN ${KNOWLEDGE_CHANNEL}`);
        c.release();
      } catch (err) {
        c.release(err as Error);
      }
    },
  };
}
