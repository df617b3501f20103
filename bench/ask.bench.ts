import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/core/ask/answer-question.js';
import { answerQuestion as baselineAnswer } from './baseline/ask/answer-question.js';
import { contextFromPack, loadContext } from '../src/core/create-context.js';
import { validatePack } from '../src/core/knowledge/load-pack.js';
import type { CommandContext } from '../src/core/commands/command-spec.js';
import type { Reply } from '../src/core/reply/reply.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { EVAL_SETS, loadEvalSet } from '../test/eval/score-eval.js';
import type { BenchSuite } from './run.js';
import { generatePack } from './generate-pack.js';
import { percentile } from './percentile.js';

type Engine = (ctx: CommandContext, question: string) => Reply;
// The engine before issue 10, copied under bench/baseline/, runs in the same process so the ratios compare like with like.
const ENGINES: { label: string; answer: Engine }[] = [
  { label: 'baseline (a68f877)', answer: baselineAnswer },
  { label: 'current', answer: answerQuestion },
];

function timeAsks(answer: Engine, ctx: CommandContext, questions: string[], rounds: number): number[] {
  for (const q of questions.slice(0, 20)) answer(ctx, q); // warm the JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      answer(ctx, q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const report = (label: string, times: number[]) =>
  console.log(`${label}: n=${times.length} p50=${percentile(times, 50).toFixed(3)} ms p99=${percentile(times, 99).toFixed(3)} ms max=${Math.max(...times).toFixed(3)} ms`);

/** Validates the generated pack, builds the context and the engine's index (its first answer builds it): load+index. */
function loadBig(answer: Engine): { ctx: CommandContext; loadMs: number } {
  const raw = generatePack(10_000, 500) as unknown as Record<string, unknown>;
  const start = process.hrtime.bigint();
  const ctx = contextFromPack(validatePack(raw));
  answer(ctx, 'warm up');
  return { ctx, loadMs: ms(start) };
}

/** Wall time from spawning the CLI to its answer on stdout: what a person waits for on a cold start. */
function firstAnswerMs(): Promise<number> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bots/shell/cli.ts', 'ask', 'where did they meet?', '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => resolve(Number(process.hrtime.bigint() - start) / 1e6));
    child.on('error', reject);
  });
}

const suite: BenchSuite = {
  name: 'ask',
  async run() {
    const questions = EVAL_SETS.flatMap((s) => loadEvalSet(s).map((i) => i.question));
    const bigQuestions = [...questions, 'what does party 3 think about proposal 42', 'what did surname17 say about prop120', 'when was event 900', 'pension floor streaming residual'];
    const figures = new Map<string, { shippedP99: number; loadMs: number; bigP99: number }>();
    for (const { label, answer } of ENGINES) {
      const shipped = timeAsks(answer, loadContext(WGA_2023_PACK_DIR), questions, 10);
      report(`${label}: ask, shipped pack (all eval questions x10)`, shipped);
      const { ctx, loadMs } = loadBig(answer);
      console.log(`${label}: generated pack: ${ctx.knowledge.events.length} events, ${ctx.knowledge.statements.length} statements, ${ctx.knowledge.proposals.size} proposals; load+index ${loadMs.toFixed(0)} ms`);
      const big = timeAsks(answer, ctx, bigQuestions, 2);
      report(`${label}: ask, generated pack of 10,000 facts and 500 proposals`, big);
      figures.set(label, { shippedP99: percentile(shipped, 99), loadMs, bigP99: percentile(big, 99) });
    }
    const [old, now] = ENGINES.map((e) => figures.get(e.label)!);
    console.log(`current vs baseline (lower is faster): shipped p99 x${(now!.shippedP99 / old!.shippedP99).toFixed(2)}, 10k load+index x${(now!.loadMs / old!.loadMs).toFixed(2)}, 10k ask p99 x${(now!.bigP99 / old!.bigP99).toFixed(2)} (targets on 10k: p99 < 10 ms, load+index < 1000 ms)`);

    const starts: number[] = [];
    for (let i = 0; i < 5; i++) starts.push(await firstAnswerMs());
    console.log(`process start to first answer (cli ask, 5 runs): p50=${percentile(starts, 50).toFixed(0)} ms max=${Math.max(...starts).toFixed(0)} ms`);
    console.log(`rss after ask suite: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  },
};
export default suite;
