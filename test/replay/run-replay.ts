import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyReplay, replayEnv } from './apply-replay.js';
import { askAndScore, loadReplayQuestions, type ReplayResult } from './replay-score.js';

// `npx tsx test/replay/run-replay.ts` replays Aug 11 to Oct 9, 2023 through `cli desk apply` on a fresh database,
// asks the 40 questions as of Oct 10, 2023 and prints the score and every miss with the answer given.
const NOW = '2023-10-10T12:00:00Z';
const dir = mkdtempSync(join(tmpdir(), 'strikewire-replay-'));
const databasePath = join(dir, 'replay.db');
try {
  const applied = applyReplay(databasePath);
  for (const a of applied) console.log(`${a.code === 0 ? 'stored ' : 'REFUSED'} ${a.file} (now ${a.now})`);
  const refused = applied.find((a) => a.code !== 0);
  if (refused) {
    console.log(`\n${refused.out}`);
    process.exitCode = 1;
  } else {
    const env = replayEnv(databasePath);
    const results: ReplayResult[] = [];
    for (const item of loadReplayQuestions()) results.push(await askAndScore(item, env, NOW));
    const answerable = results.filter((r) => r.item.answerable);
    const declines = results.filter((r) => !r.item.answerable);
    const right = (rs: typeof results) => rs.filter((r) => r.ok).length;
    const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
    console.log(`\nanswerable right ${right(answerable)}/${answerable.length} = ${pct(right(answerable), answerable.length)}; declined right ${right(declines)}/${declines.length} = ${pct(right(declines), declines.length)}`);
    for (const r of results.filter((x) => !x.ok)) {
      const missing = r.missing.length ? `\n  missing: ${r.missing.join(' ; ')}` : '';
      console.log(`\n${r.item.id} ${r.item.question}\n  ${r.answered ? 'ANSWERED' : 'declined'}: ${r.text.replace(/\s+/g, ' ').slice(0, 400)}${missing}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
