import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { EvidenceStore } from '../../src/store/evidence-store.js';
import type { Store } from '../../src/store/open-store.js';
import { UpdateStore } from '../../src/store/update-store.js';
import { createTestDatabase, STORE_KINDS, type TestDatabase } from '../support/test-store.js';

const ARTICLES = join(import.meta.dirname, '../fixtures/articles');
const tmp = mkdtempSync(join(tmpdir(), 'strikewire-evidence-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const NOW = ['--now', '2023-08-12T10:00:00Z'];
// Thirteen words in a row from the fixture article's first sentence, as an editor might paste them.
const COPIED = 'met for about three hours on Friday at the alliance offices in Sherman Oaks';

const patchFile = (name: string, text: string) => {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({ events: [{ id: `evt-${name.replace(/\W/g, '')}`, date: '2023-08-11', title: 'Talks in Sherman Oaks', text, participants: ['wga', 'amptp'], sources: ['trade-report-2023-08-04'] }] }));
  return file;
};

// The CLI on either engine: DATABASE_URL for PostgreSQL, DATABASE_PATH for SQLite, as an operator sets them.
describe.each(STORE_KINDS)('private evidence beside drafted patches on %s', (kind) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    env = database.config.databaseUrl ? { DATABASE_URL: database.config.databaseUrl } : { DATABASE_PATH: database.config.databasePath };
  });
  afterAll(() => database.drop());
  const inDb = async <T>(read: (store: Store) => Promise<T>): Promise<T> => {
    const store = await database.open();
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };

  it('keeps the article’s sentences beside a stored draft, out of the knowledge and every public reply; desk show prints it', async () => {
    // Applied before any article was read: nothing to compare it with yet, so it is stored (unverified).
    const early = await runCli(['desk', 'apply', patchFile('early.json', `The two sides ${COPIED}.`), '--unverified', ...NOW], env);
    expect(early.code).toBe(0);
    const ingest = await runCli(['ingest', join(ARTICLES, 'aug-11-meeting.txt'), '--apply', ...NOW], env);
    expect(ingest.out).toContain('Stored draft 1 as patch #2 (unverified).');
    const evidence = await inDb((db) => new EvidenceStore(db).get(2));
    expect(evidence?.sentence).toMatch(/^Negotiators for the Writers Guild of America/);
    expect(evidence?.sentences).toHaveLength(7);
    expect(await inDb((db) => new EvidenceStore(db).get(1))).toBeUndefined();

    const stored = JSON.stringify(await inDb((db) => new UpdateStore(db).get(2)));
    expect(stored).not.toContain('Negotiators for the Writers Guild');
    for (const read of [['timeline'], ['status'], ['ask', 'when did the sides last meet?']]) {
      const reply = await runCli([...read, ...NOW], env);
      expect(reply.out).not.toContain('Negotiators for the Writers Guild');
    }
    const list = (await runCli(['desk', 'list'], env)).out.split('\n');
    expect(list[0]).not.toContain('drafted from an article');
    expect(list[1]).toContain('drafted from an article');
    const show = await runCli(['desk', 'show', '2'], env);
    expect(show.out).toMatch(/Evidence \(private, never posted; 7 article sentences kept\) \(cue: “met”\):\n {2}“Negotiators for the Writers Guild/);
  });

  it('desk verify refuses a patch whose public text repeats a stored article for 12 words, naming the path and the words', async () => {
    const verify = await runCli(['desk', 'verify', '1', ...NOW], env);
    expect(verify.code).toBe(2);
    expect(verify.out).toContain('Nothing was verified');
    expect(verify.out).toContain('events[0].text');
    expect(verify.out).toContain('“met for about three hours on friday at the alliance offices in sherman oaks”');
    expect((await inDb((db) => new UpdateStore(db).get(1)))?.unverified).toBe(true);
    // The drafted patch itself is in our words (a template), so it verifies.
    expect((await runCli(['desk', 'verify', '2', ...NOW], env)).code).toBe(0);
  });

  it('desk apply and desk amend refuse copied public text and store nothing; a rewrite is accepted and then verifies', async () => {
    const before = (await inDb((db) => new UpdateStore(db).list())).length;
    const apply = await runCli(['desk', 'apply', patchFile('copied.json', `Negotiators ${COPIED}, sources said.`), ...NOW], env);
    expect(apply.code).toBe(2);
    expect(apply.out).toMatch(/Nothing was stored\. copied\.json has 1 problem:\n.*events\[0\]\.text: repeats the article’s wording for 12 or more words in a row/);
    const amend = await runCli(['desk', 'amend', '1', patchFile('again.json', COPIED), ...NOW], env);
    expect(amend.code).toBe(2);
    expect((await inDb((db) => new UpdateStore(db).list())).length).toBe(before);

    // Eleven words in a row is a paraphrase's overlap, not copying.
    const eleven = 'met for about three hours on Friday at the alliance offices';
    expect((await runCli(['desk', 'amend', '1', patchFile('rewrite.json', `Per Pacific Labor Wire, the sides ${eleven.split(' ').slice(0, 11).join(' ')}.`), '--reason', 'own words', ...NOW], env)).code).toBe(0);
    expect((await runCli(['desk', 'verify', '1', ...NOW], env)).code).toBe(0);
  });
});
