import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDiscord } from '../test/fakes/discord-fake.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import type { BenchSuite } from './run.js';
import { percentile } from './percentile.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUESTION = "who is the AMPTP's chief executive?";
const RUNS = 5;

interface Run {
  /** Process start to the first byte of the answer on stdout. */
  firstOutputMs: number;
  /** Peak resident set size, from /usr/bin/time. */
  peakRssMb: number;
}

/** Spawns a command under /usr/bin/time: time to its first stdout byte, and its peak RSS once it exits. */
function timed(command: string[], input?: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kb=%M', ...command], { cwd: mkdtempSync(join(tmpdir(), 'cold-')), env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let first: number | undefined;
    let err = '';
    child.stdout.on('data', () => (first ??= Number(process.hrtime.bigint() - start) / 1e6));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.stdin.end(input ?? '');
    child.on('error', reject);
    child.on('exit', (code) => {
      const kb = Number(/peak-rss-kb=(\d+)/.exec(err)?.[1]);
      if (code !== 0 || first === undefined) reject(new Error(`${command.join(' ')} failed (${code}): ${err}`));
      else resolve({ firstOutputMs: first, peakRssMb: kb / 1024 });
    });
  });
}

async function measure(label: string, command: string[], input?: string): Promise<number> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timed(command, input));
  const p50 = percentile(runs.map((r) => r.firstOutputMs), 50);
  const rss = Math.max(...runs.map((r) => r.peakRssMb));
  console.log(`${label}: first output p50=${p50.toFixed(0)} ms max=${Math.max(...runs.map((r) => r.firstOutputMs)).toFixed(0)} ms; peak RSS ${rss.toFixed(0)} MB`);
  return p50;
}

/** Resident memory of the bot once Slack (HTTP mode) and Discord are connected to the fakes. */
async function idleBotRssMb(command: string[]): Promise<number> {
  const slack = await startFakeSlackWebApi();
  const discord = await startFakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'idle-'));
  const env = { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-secret', SLACK_API_URL: slack.apiUrl, DISCORD_TOKEN: 'bench.token', DISCORD_API_URL: discord.apiUrl, PORT: '0', HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'bench.db') };
  const child = spawn(command[0]!, command.slice(1), { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (out.includes('"msg":"Strikewire is ready"')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`bot exited ${code}`)));
    });
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await slack.close();
    await discord.close();
  }
}

const suite: BenchSuite = {
  name: 'cold-start',
  async run() {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    const tsx = join(ROOT, 'node_modules/tsx/dist/loader.mjs');
    const distCli = join(ROOT, 'dist/bots/shell/cli.js');
    const npmCli = ['npm', '--prefix', ROOT, 'run', '--silent'];
    console.log(`each figure: ${RUNS} cold runs, process start to first byte of the answer; the machine's load moves them, the ratios less`);
    const bare = await measure('baseline: bare node printing one byte', [process.execPath, '-e', 'process.stdout.write("x")']);
    const ratio = (ms: number) => `${(ms / bare).toFixed(1)}x bare node`;
    const compiled = await measure('cli ask, node on dist (compiled)', [process.execPath, distCli, 'ask', QUESTION]);
    const viaNpm = await measure('cli ask, npm run --silent cli (compiled)', [...npmCli, 'cli', '--', 'ask', QUESTION]);
    const today = await measure('cli ask, node --import tsx on src (before)', [process.execPath, '--import', tsx, join(ROOT, 'src/bots/shell/cli.ts'), 'ask', QUESTION]);
    const todayNpm = await measure('cli ask, npm run --silent dev:cli, tsx (before)', [...npmCli, 'dev:cli', '--', 'ask', QUESTION]);
    console.log(`ratios: compiled ${ratio(compiled)}, npm compiled ${ratio(viaNpm)}, tsx ${ratio(today)}, npm tsx ${ratio(todayNpm)}; compiled is ${(today / compiled).toFixed(2)}x faster than tsx`);
    const input = `/strike ask ${QUESTION}\nquit\n`;
    await measure('shell after one answer, node dist/main.js', [process.execPath, join(ROOT, 'dist/main.js')], input);
    await measure('shell after one answer, tsx src/main.ts (before)', [process.execPath, '--import', tsx, join(ROOT, 'src/main.ts')], input);
    const idle = await idleBotRssMb([process.execPath, join(ROOT, 'dist/main.js')]);
    const idleTsx = await idleBotRssMb([process.execPath, '--import', tsx, join(ROOT, 'src/main.ts')]);
    console.log(`bot idle RSS, Slack HTTP + Discord connected to the fakes: compiled ${idle.toFixed(0)} MB; tsx (before) ${idleTsx.toFixed(0)} MB`);
  },
};
export default suite;
