import { loadContext } from '../../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { EVAL_SETS, loadEvalSet, runEval, summarize } from './score-eval.js';

// `npm run eval` prints the scores; `npm run eval -- -v` also lists every miss with the answer given.
const verbose = process.argv.includes('-v');
const ctx = loadContext(WGA_2023_PACK_DIR, { clock: fixedClock('2023-08-05T12:00:00Z') });
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const results = [];
for (const set of EVAL_SETS) {
  const setResults = runEval(ctx, loadEvalSet(set));
  const { answerable, declines } = summarize(setResults);
  console.log(`${set}.yaml: answerable right (answered, cited, key facts present) ${answerable.right}/${answerable.total} = ${pct(answerable.right, answerable.total)} (target 90%); declined ${declines.right}/${declines.total} = ${pct(declines.right, declines.total)} (target 95%)`);
  results.push(...setResults);
}
if (verbose) {
  for (const r of results.filter((x) => !x.ok)) {
    console.log(`\n${r.item.id} ${r.item.question}\n  ${r.answered ? 'ANSWERED' : 'declined'}: ${r.text.slice(0, 260)}${r.missing.length ? `\n  missing: ${r.missing.join(' ; ')}` : ''}`);
  }
}
