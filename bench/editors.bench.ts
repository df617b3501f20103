import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { answerQuestion } from '../src/core/ask/answer-question.js';
import { contextFromPack } from '../src/core/create-context.js';
import { extractDrafts } from '../src/core/ingest/extract-drafts.js';
import { loadPack } from '../src/core/knowledge/load-pack.js';
import { fixedClock } from '../src/core/time/clock.js';
import { createEditorCommands } from '../src/core/updates/editor-commands.js';
import { EditorDesk } from '../src/core/updates/editor-desk.js';
import { EditorUpdateSchema } from '../src/core/updates/update-schema.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { openStore } from '../src/store/open-store.js';
import { UpdateStore, updateStorePort } from '../src/store/update-store.js';
import type { BenchSuite } from './run.js';
import { percentile } from './percentile.js';

const PROPOSALS = ['tv-minimum-staffing', 'tv-guaranteed-weeks', 'viewership-residual', 'honor-picket-lines', 'health-plan'];
const report = (label: string, times: number[]) => console.log(`${label}: n=${times.length} p50=${percentile(times, 50).toFixed(2)} ms p99=${percentile(times, 99).toFixed(2)} ms`);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** One stored update of a steady stream: a dated event on a proposal, every third one a stance change, every fifth unverified. */
function update(i: number) {
  return EditorUpdateSchema.parse({
    title: `Development ${i}`,
    what: `Negotiators traded proposals for the ${i}th time; both sides described the session as businesslike.`,
    date: `2023-08-${String(5 + (i % 20)).padStart(2, '0')}`,
    proposals: [PROPOSALS[i % PROPOSALS.length]],
    ...(i % 3 === 0 ? { stance: { party: 'amptp', stance: 'counters' } } : {}),
    contact: i % 4 === 0,
    source: { outlet: 'Bench Wire', title: `Report ${i}`, kind: 'press' },
    unverified: i % 5 === 0,
  });
}

/**
 * What an editor waits for after saving: the reload that merges every stored update into the pack, validates it
 * and rebuilds the look-ups (`reload`), and the first question afterwards, which rebuilds the ask index. Also the
 * article extractor on the fictional wire stories.
 */
const suite: BenchSuite = {
  name: 'editors',
  async run() {
    const pack = loadPack(WGA_2023_PACK_DIR);
    for (const count of [10, 100, 500]) {
      const db = await openStore({ databasePath: ':memory:' });
      const store = new UpdateStore(db);
      for (let i = 1; i <= count; i++) await store.add({ update: update(i), origin: 'editor', author: 'bench', at: new Date('2023-08-25T00:00:00Z') });
      const desk = new EditorDesk({ pack, store: updateStorePort(store), log: () => undefined });
      const ctx = contextFromPack(pack, { clock: fixedClock('2023-08-26T00:00:00Z'), extensions: createEditorCommands(desk) });
      const reloads: number[] = [];
      const asks: number[] = [];
      for (let r = 0; r < 10; r++) {
        const start = process.hrtime.bigint();
        await desk.reload(ctx);
        reloads.push(ms(start));
        const asked = process.hrtime.bigint();
        answerQuestion(ctx, 'where do the studios stand on mini rooms?');
        asks.push(ms(asked));
      }
      report(`reload with ${count} stored updates`, reloads);
      report(`first question after a reload, ${count} updates`, asks);
      await db.close();
    }
    const dir = fileURLToPath(new URL('../test/fixtures/articles/', import.meta.url));
    const ctx = contextFromPack(pack);
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8'));
    const times: number[] = [];
    for (let r = 0; r < 50; r++) {
      for (const text of texts) {
        const start = process.hrtime.bigint();
        extractDrafts(text, ctx, { now: new Date('2023-08-20T00:00:00Z') });
        times.push(ms(start));
      }
    }
    report('ingest: drafts from one wire story', times);
  },
};

export default suite;
