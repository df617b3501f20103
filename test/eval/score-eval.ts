import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';

const ExpectGroup = z.union([z.string(), z.array(z.string()).min(1)]);
/** A question with the words a right answer must contain; the eval sets and the replay share this format. */
export const EvalItem = z.object({
  id: z.string(),
  question: z.string(),
  answerable: z.boolean(),
  expect: z.array(ExpectGroup).optional(),
  note: z.string().optional(),
});
/** One question of the held-out set. */
export type EvalItem = z.infer<typeof EvalItem>;

/** The outcome of one question. */
export interface EvalResult {
  item: EvalItem;
  ok: boolean;
  answered: boolean;
  text: string;
  missing: string[];
}

/** The question sets in test/eval, in the order they were written. */
export const EVAL_SETS = ['questions', 'holdout', 'fresh', 'final', 'casual'] as const;
/** One question set's name. */
export type EvalSetName = (typeof EVAL_SETS)[number];

/** Loads a question set from test/eval (see test/eval/README.md for how far each was used for tuning). */
export function loadEvalSet(name: EvalSetName = 'questions'): EvalItem[] {
  const raw = parse(readFileSync(new URL(`./${name}.yaml`, import.meta.url), 'utf8')) as unknown;
  return z.array(EvalItem).parse(raw);
}

/** Folds curly apostrophes so "won’t" in an answer matches "won't" in the set. */
const fold = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'");

/** Asks every question and scores it as test/eval/README.md describes. */
export function runEval(ctx: CommandContext, items: EvalItem[]): EvalResult[] {
  return items.map((item) => {
    const answer = toAnswerJson(answerQuestion(ctx, item.question));
    const text = fold(answer.text);
    if (!item.answerable) return { item, ok: !answer.answered, answered: answer.answered, text: answer.text, missing: [] };
    const missing = (item.expect ?? [])
      .map((g) => (Array.isArray(g) ? g : [g]))
      .filter((alts) => !alts.some((a) => text.includes(fold(a))))
      .map((alts) => alts.join(' | '));
    const ok = answer.answered && answer.citations.length > 0 && missing.length === 0;
    return { item, ok, answered: answer.answered, text: answer.text, missing };
  });
}

/** Share of answerable questions right, and of the others declined. */
export function summarize(results: EvalResult[]) {
  const answerable = results.filter((r) => r.item.answerable);
  const declines = results.filter((r) => !r.item.answerable);
  return {
    answerable: { right: answerable.filter((r) => r.ok).length, total: answerable.length },
    declines: { right: declines.filter((r) => r.ok).length, total: declines.length },
  };
}
