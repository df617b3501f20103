import { describe, expect, it } from 'vitest';
import { shippedContext } from '../support/core-context.js';
import { EVAL_SETS, loadEvalSet, runEval, summarize } from './score-eval.js';

describe.each(EVAL_SETS)('held-out question set %s.yaml', (set) => {
  const items = loadEvalSet(set);
  const results = runEval(shippedContext(), items);
  const { answerable, declines } = summarize(results);

  it('has both kinds of question', () => {
    expect(answerable.total).toBeGreaterThanOrEqual(35);
    expect(declines.total).toBeGreaterThanOrEqual(15);
  });

  it('answers at least 90% of answerable questions right, with a citation', () => {
    const misses = results.filter((r) => r.item.answerable && !r.ok).map((r) => `${r.item.id}: ${r.item.question}`);
    expect(answerable.right / answerable.total, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 95% of the questions it has no fact for', () => {
    const misses = results.filter((r) => !r.item.answerable && !r.ok).map((r) => `${r.item.id}: ${r.item.question}`);
    expect(declines.right / declines.total, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
