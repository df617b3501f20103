import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { EVAL_SETS, loadEvalSet, runEval, summarize, type EvalResult } from './score-eval.js';
import { withoutKeywords } from './without-keywords.js';

// `npm run eval` prints every set's scores on the shipped pack and on the pack with its `keywords` lists removed;
// `npm run eval -- -v` also lists every miss with the answer given.
const verbose = process.argv.includes('-v');
const clock = fixedClock('2023-08-05T12:00:00Z');
const pack = loadPack(WGA_2023_PACK_DIR);
const modes = [
  { label: 'with keywords', ctx: contextFromPack(pack, { clock }) },
  { label: 'keywords removed', ctx: contextFromPack(withoutKeywords(pack), { clock }) },
];
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const misses: { mode: string; r: EvalResult }[] = [];
for (const set of EVAL_SETS) {
  const items = loadEvalSet(set);
  for (const { label, ctx } of modes) {
    const results = runEval(ctx, items);
    const { answerable, declines } = summarize(results);
    console.log(`${`${set}.yaml`.padEnd(15)} ${label.padEnd(16)} answerable right ${answerable.right}/${answerable.total} = ${pct(answerable.right, answerable.total).padStart(6)}; declined ${declines.right}/${declines.total} = ${pct(declines.right, declines.total).padStart(6)}`);
    misses.push(...results.filter((r) => !r.ok).map((r) => ({ mode: label, r })));
  }
}
if (verbose) {
  for (const { mode, r } of misses) {
    console.log(`\n[${mode}] ${r.item.id} ${r.item.question}\n  ${r.answered ? 'ANSWERED' : 'declined'}: ${r.text.slice(0, 260)}${r.missing.length ? `\n  missing: ${r.missing.join(' ; ')}` : ''}`);
  }
}
