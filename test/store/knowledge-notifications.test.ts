import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { KNOWLEDGE_CHANNEL, listenForKnowledge, type KnowledgeListener } from '../../src/store/knowledge-notifications.js';
import { createTestDatabase, PG_TEST_URL, POSTGRES_AVAILABLE, type TestDatabase } from '../support/test-store.js';

/** Counts calls and lets a test wait for the next one. */
function changeCounter() {
  let count = 0;
  let waiting: { at: number; resolve: () => void } | undefined;
  return {
    onChange: () => {
      count++;
      if (waiting && count >= waiting.at) waiting.resolve();
    },
    get count() {
      return count;
    },
    /** Resolves once `onChange` has been called `n` times in all. */
    reach: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : (waiting = { at: n, resolve }))),
  };
}

const notify = async (pool: pg.Pool, schema = 'current_schema()') => void (await pool.query(`SELECT pg_notify($1, ${schema})`, [KNOWLEDGE_CHANNEL]));

let database: TestDatabase | undefined;
let pool: pg.Pool | undefined;
let listener: KnowledgeListener | undefined;
afterEach(async () => {
  await listener?.stop();
  await pool?.end();
  await database?.drop();
  listener = undefined;
  pool = undefined;
  database = undefined;
});

// LISTEN/NOTIFY is PostgreSQL's; CI always has the server (STRIKEWIRE_REQUIRE_POSTGRES), a laptop may not.
describe.runIf(POSTGRES_AVAILABLE)('the knowledge listener', () => {
  it('hears each committed notification, none of a rolled-back one, and reloads once after reconnecting', async () => {
    // Its own application name, so that this test can cut exactly its own listening connection.
    const name = `strikewire-listener-${randomBytes(4).toString('hex')}`;
    // A schema of its own: notifications written in other schemas (other tests) are not this listener's.
    database = await createTestDatabase('postgres');
    pool = new pg.Pool({ connectionString: database.config.databaseUrl, application_name: name, max: 4 });
    const changes = changeCounter();
    const logs: string[] = [];
    listener = listenForKnowledge(pool, changes.onChange, (m) => logs.push(m), { firstDelayMs: 5, maxDelayMs: 50 });
    await listener.ready;
    expect(changes.count).toBe(0);

    const rolledBack = await pool.connect();
    await rolledBack.query('BEGIN');
    await rolledBack.query('SELECT pg_notify($1, current_schema())', [KNOWLEDGE_CHANNEL]);
    await rolledBack.query('ROLLBACK');
    rolledBack.release();
    await notify(pool, "'public'");
    await notify(pool);
    await changes.reach(1);

    // The server drops the listening session: the listener comes back by itself and syncs once for what it missed.
    const admin = new pg.Client({ connectionString: PG_TEST_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [name]);
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    await changes.reach(2);
    expect(logs.some((m) => m.startsWith('lost the knowledge notifications connection'))).toBe(true);
    await notify(pool);
    await changes.reach(3);
    // Exactly one call each: the committed notification, the reconnect, the notification after it; the rolled-back
    // one and the other schema's never came.
    await notify(pool);
    await changes.reach(4);
    expect(changes.count).toBe(4);
  });
});
