import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { answerQuestion } from '../src/core/ask/answer-question.js';
import { contextFromPack, loadContext } from '../src/core/create-context.js';
import { validatePack } from '../src/core/knowledge/load-pack.js';
import type { CommandContext } from '../src/core/commands/command-spec.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { loadEvalSet } from '../test/eval/score-eval.js';
import type { BenchSuite } from './run.js';
import { generatePack } from './generate-pack.js';
import { percentile } from './percentile.js';

function timeAsks(ctx: CommandContext, questions: string[], rounds: number): number[] {
  for (const q of questions.slice(0, 20)) answerQuestion(ctx, q); // warm the index and the JIT
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const start = process.hrtime.bigint();
      answerQuestion(ctx, q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times;
}

const report = (label: string, times: number[]) =>
  console.log(`${label}: n=${times.length} p50=${percentile(times, 50).toFixed(3)} ms p99=${percentile(times, 99).toFixed(3)} ms max=${Math.max(...times).toFixed(3)} ms`);

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
    const questions = loadEvalSet().map((i) => i.question);
    report('ask, shipped pack (eval questions x20)', timeAsks(loadContext(WGA_2023_PACK_DIR), questions, 20));

    const buildStart = process.hrtime.bigint();
    const big = contextFromPack(validatePack(generatePack(10_000, 500) as unknown as Record<string, unknown>));
    answerQuestion(big, 'warm up');
    console.log(`generated pack: ${big.knowledge.events.length} events, ${big.knowledge.statements.length} statements, ${big.knowledge.proposals.size} proposals; load+index ${(Number(process.hrtime.bigint() - buildStart) / 1e6).toFixed(0)} ms`);
    const bigQuestions = [...questions, 'what does party 3 think about proposal 42', 'what did surname17 say about prop120', 'when was event 900', 'pension floor streaming residual'];
    report('ask, generated pack of 10,000 facts and 500 proposals', timeAsks(big, bigQuestions, 3));

    const starts: number[] = [];
    for (let i = 0; i < 5; i++) starts.push(await firstAnswerMs());
    console.log(`process start to first answer (cli ask, 5 runs): p50=${percentile(starts, 50).toFixed(0)} ms max=${Math.max(...starts).toFixed(0)} ms`);
    console.log(`rss after ask suite: ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
  },
};
export default suite;
