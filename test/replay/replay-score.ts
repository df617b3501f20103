import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { runCli } from '../../src/bots/shell/cli.js';
import { EvalItem } from '../eval/score-eval.js';
import { REPLAY_DIR } from './apply-replay.js';

const ReplayQuestion = EvalItem;
/** One replay question, in test/eval's format. */
export type ReplayQuestion = z.infer<typeof ReplayQuestion>;

/** What `ask --json` printed, as README's Commands section fixes it. */
const AnswerJson = z.object({ answered: z.boolean(), text: z.string(), citations: z.array(z.unknown()) });

/** The outcome of one question. */
export interface ReplayResult {
  item: ReplayQuestion;
  ok: boolean;
  answered: boolean;
  text: string;
  missing: string[];
}

/** The 40 questions of test/replay/wga-2023/questions.yaml. */
export function loadReplayQuestions(): ReplayQuestion[] {
  return z.array(ReplayQuestion).parse(parse(readFileSync(join(REPLAY_DIR, 'questions.yaml'), 'utf8')));
}

/** Folds curly apostrophes so "won’t" in an answer matches "won't" in the set (as test/eval does). */
const fold = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'");

/** Asks one question through the CLI's entry (`cli ask … --json --now`) and scores it as test/eval/README.md says. */
export async function askAndScore(item: ReplayQuestion, env: NodeJS.ProcessEnv, now: string): Promise<ReplayResult> {
  const { out, code } = await runCli(['ask', item.question, '--json', '--now', now], env);
  if (code !== 0) throw new Error(`cli ask exited ${code}: ${out}`);
  const answer = AnswerJson.parse(JSON.parse(out));
  if (!item.answerable) return { item, ok: !answer.answered, answered: answer.answered, text: answer.text, missing: [] };
  const text = fold(answer.text);
  const missing = (item.expect ?? [])
    .map((g) => (Array.isArray(g) ? g : [g]))
    .filter((alts) => !alts.some((a) => text.includes(fold(a))))
    .map((alts) => alts.join(' | '));
  const ok = answer.answered && answer.citations.length > 0 && missing.length === 0;
  return { item, ok, answered: answer.answered, text: answer.text, missing };
}
