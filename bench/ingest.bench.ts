import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { contextFromPack } from '../src/core/create-context.js';
import { extractDrafts } from '../src/core/ingest/extract-drafts.js';
import { loadPack } from '../src/core/knowledge/load-pack.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { describeDraft } from '../test/editors/describe-draft.js';
import type { BenchSuite } from './run.js';
import { percentile } from './percentile.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ARTICLES = join(ROOT, 'test/fixtures/articles');
const LENGTH = 40_000;
const NOW = new Date('2023-10-20T00:00:00Z');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Issue 11's crafted inputs, each 40,000 characters. */
const PATHOLOGICAL: Record<string, string> = {
  'dateline: "AB" + spaces + "x"': 'AB' + ' '.repeat(LENGTH - 3) + 'x',
  'runs of -': '-'.repeat(LENGTH),
  "runs of '": "'".repeat(LENGTH),
  '"A. " repeated': 'A. '.repeat(LENGTH / 3),
  'long word + " . "': 'a'.repeat(LENGTH - 3) + ' . ',
  '<@ repeated': '<@'.repeat(LENGTH / 2),
  'stance cue repeated': 'The studios rejected mini rooms '.repeat(LENGTH / 32),
  'unclosed “': '“' + 'word '.repeat((LENGTH - 1) / 5),
};

/** The fictional wire stories, one after another until the same length: what a normal long article costs. */
function normalArticle(): string {
  const stories = readdirSync(ARTICLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(ARTICLES, f), 'utf8').split('\n').slice(1).join('\n'));
  let text = readFileSync(join(ARTICLES, 'aug-11-meeting.txt'), 'utf8').split('\n')[0]! + '\n\n';
  for (let i = 0; text.length < LENGTH; i++) text += `${stories[i % stories.length]}\n\n`;
  return text.slice(0, LENGTH);
}

/** How many of an article's drafts an editor would have to fix or drop, against the kept drafts in expected-drafts.json. */
function draftsToFix(ctx: ReturnType<typeof contextFromPack>, dir: string, expectedFile: string): { drafts: number; toFix: number; missing: number } {
  const expected = JSON.parse(readFileSync(join(dir, expectedFile), 'utf8')) as Record<string, string[]>;
  let drafts = 0;
  let toFix = 0;
  let missing = 0;
  for (const [name, keep] of Object.entries(expected)) {
    const got = extractDrafts(readFileSync(join(dir, `${name}.txt`), 'utf8'), ctx, { now: NOW, outlet: 'Test Wire' }).drafts.map(describeDraft);
    drafts += got.length;
    toFix += got.filter((g) => !keep.includes(g)).length;
    missing += keep.filter((k) => !got.includes(k)).length;
  }
  return { drafts, toFix, missing };
}

/** Wall time of `cli ingest <file>` as a whole process (start-up, pack load, reading, printing). */
function wholeProcess(file: string): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/bots/shell/cli.ts'), 'ingest', file, '--now', NOW.toISOString()], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_PATH: join(tmpdir(), 'strikewire-ingest-bench-none.db') } });
  const took = ms(start);
  if (run.status !== 0) throw new Error(`cli ingest failed on ${file}: ${run.stderr || run.stdout}`);
  return took;
}

const suite: BenchSuite = {
  name: 'ingest',
  async run() {
    const ctx = contextFromPack(loadPack(WGA_2023_PACK_DIR));
    const normal = normalArticle();
    const inProcess = (text: string) => {
      extractDrafts(text, ctx, { now: NOW });
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        extractDrafts(text, ctx, { now: NOW });
        times.push(ms(start));
      }
      return percentile(times, 50);
    };
    const dir = mkdtempSync(join(tmpdir(), 'strikewire-ingest-bench-'));
    try {
      const normalFile = join(dir, 'normal.txt');
      writeFileSync(normalFile, normal);
      // Start-up alone (tsx, the pack, the knowledge), so the reading's share of a whole process can be told apart.
      const tinyFile = join(dir, 'tiny.txt');
      writeFileSync(tinyFile, 'The WGA and the AMPTP met.');
      console.log(`start-up, a one-sentence article: whole process ${wholeProcess(tinyFile).toFixed(0)} ms`);
      const baseline = inProcess(normal);
      const baselineProcess = wholeProcess(normalFile);
      console.log(`normal article, ${normal.length} chars: in process p50=${baseline.toFixed(1)} ms; whole process ${baselineProcess.toFixed(0)} ms`);
      for (const [name, text] of Object.entries(PATHOLOGICAL)) {
        const file = join(dir, 'input.txt');
        writeFileSync(file, text);
        const took = inProcess(text);
        const process = wholeProcess(file);
        console.log(`${name}, ${text.length} chars: in process p50=${took.toFixed(1)} ms (x${(took / baseline).toFixed(2)} the normal article); whole process ${process.toFixed(0)} ms (x${(process / baselineProcess).toFixed(2)}; target < 3000 ms)`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const [label, dir, file] of [['fixture articles (asserted by tests)', ARTICLES, 'expected-drafts.json'], ['held-out articles (not asserted)', join(ARTICLES, 'held-out'), 'expected.json']] as const) {
      const fix = draftsToFix(ctx, dir, file);
      console.log(`${label}: ${fix.drafts} drafts, ${fix.toFix} to fix or drop, ${fix.missing} an editor would have to add`);
    }
  },
};
export default suite;
