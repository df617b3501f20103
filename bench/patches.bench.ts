import { answerQuestion } from '../src/core/ask/answer-question.js';
import { contextFromPack } from '../src/core/create-context.js';
import { loadPack } from '../src/core/knowledge/load-pack.js';
import { PatchDesk } from '../src/core/patch/patch-desk.js';
import type { Patch } from '../src/core/patch/patch-schema.js';
import { EditorDesk } from '../src/core/updates/editor-desk.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { openStore } from '../src/store/open-store.js';
import { UpdateStore, updateStorePort } from '../src/store/update-store.js';
import type { BenchSuite } from './run.js';
import { percentile } from './percentile.js';

const PROPOSALS = ['tv-minimum-staffing', 'tv-guaranteed-weeks', 'viewership-residual', 'honor-picket-lines', 'health-plan'];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const NOW = new Date('2023-10-10T12:00:00Z');

/** One patch of a steady stream: a source and an event, every third a stance change, every tenth a new person. */
function patch(i: number): Patch {
  const source = `bench-source-${i}`;
  const date = `2023-${String(8 + Math.floor((i % 60) / 30)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  return {
    sources: [{ id: source, outlet: 'Bench Wire', title: `Report ${i}`, date, kind: 'press', url: `https://example.org/bench/${i}` }],
    events: [{ id: `bench-event-${i}`, date, title: `Session ${i}`, text: `Negotiators met for session ${i} and traded paper on the open items.`, place: 'the bench room', participants: ['wga', 'amptp'], proposals: [PROPOSALS[i % PROPOSALS.length]!], sources: [source] }],
    ...(i % 3 === 0 ? { proposals: [{ id: PROPOSALS[i % PROPOSALS.length]!, stances: [{ party: 'amptp', stance: 'counters', detail: `Counter number ${i}.`, since: date, sources: [source] }] }] } : {}),
    ...(i % 10 === 0 ? { people: [{ id: `bench-person-${i}`, name: `Bench Person ${i}`, party: 'amptp', role: 'a negotiator in the bench', sources: [source] }] } : {}),
  };
}

interface Figures {
  reload: number;
  apply: number;
  firstAsk: number;
  ask: number;
}

async function measure(count: number): Promise<Figures> {
  const pack = loadPack(WGA_2023_PACK_DIR);
  const db = await openStore({ databasePath: ':memory:' });
  const store = new UpdateStore(db);
  for (let i = 1; i <= count; i++) await store.addPatch({ patch: { title: `Patch ${i}`, patch: patch(i) }, unverified: i % 7 === 0, origin: 'editor', author: 'bench', at: new Date('2023-10-01T00:00:00Z') });
  const port = updateStorePort(store);
  const desk = new EditorDesk({ pack, store: port, log: () => undefined });
  const patches = new PatchDesk(desk, port);
  const ctx = contextFromPack(pack, { clock: () => NOW });
  const reloadStart = process.hrtime.bigint();
  await desk.reload(ctx);
  const reload = ms(reloadStart);
  const origin = { platform: 'shell' as const, userId: 'bench', isEditor: async () => true };
  const applies: number[] = [];
  const firsts: number[] = [];
  for (let r = 0; r < 40; r++) {
    const start = process.hrtime.bigint();
    const outcome = await patches.apply(ctx, patch(100_000 + r), origin, { title: `Bench apply ${r}` });
    applies.push(ms(start));
    if (outcome.kind !== 'stored') throw new Error(`bench patch refused: ${JSON.stringify(outcome)}`);
    const asked = process.hrtime.bigint();
    answerQuestion(ctx, 'where do the studios stand on mini rooms?');
    firsts.push(ms(asked));
  }
  const asks: number[] = [];
  const questions = ['where do the studios stand on mini rooms?', 'who is Bench Person 10?', 'when did the two sides last meet?', 'what did the AMPTP offer on residuals?'];
  for (let r = 0; r < 400; r++) {
    const start = process.hrtime.bigint();
    answerQuestion(ctx, questions[r % questions.length]!);
    asks.push(ms(start));
  }
  await db.close();
  return { reload, apply: percentile(applies, 99), firstAsk: percentile(firsts, 99), ask: percentile(asks, 99) };
}

/**
 * Patches at scale: one patch applied on top of 1,000 stored ones (validated on the merged knowledge and adopted
 * without re-merging), the first question after it (which rebuilds the ask index, reusing the facts the patch left
 * alone), and ask p99 with 1,000 stored;
 * each against the same figures with no patches stored, measured in the same process.
 */
const suite: BenchSuite = {
  name: 'patches',
  async run() {
    const base = await measure(0);
    const big = await measure(1000);
    const line = (label: string, target: number | undefined, a: number, b: number) =>
      console.log(`${label}: p99 ${b.toFixed(2)} ms with 1,000 patches (target ${target === undefined ? 'none' : `< ${target} ms`}), ${a.toFixed(2)} ms with none, ratio ${(b / a).toFixed(2)}x`);
    line('apply one patch', 50, base.apply, big.apply);
    line('first ask after it', 100, base.firstAsk, big.firstAsk);
    line('ask', 2, base.ask, big.ask);
    console.log(`full reload (merge and validate every stored patch): ${big.reload.toFixed(1)} ms with 1,000, ${base.reload.toFixed(1)} ms with none`);
  },
};

export default suite;
