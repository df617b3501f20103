import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What one bench replica reports after its due check. */
export interface ChildFigures {
  wallMs: number;
  /** Epoch ms, so replicas on one host can be laid side by side. */
  startedAt: number;
  endedAt: number;
  summary: Record<string, number>;
  maxRssKb: number;
}

/** Runs bench/digest-fanout-child.ts with `env`; resolves with its figures (undefined for a SEED_ONLY run). */
export function runFanoutChild(env: Record<string, string>): Promise<ChildFigures | undefined> {
  const script = fileURLToPath(new URL('./digest-fanout-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench child exited with ${code}`));
      const last = out.trim().split('\n').at(-1);
      resolve(last ? (JSON.parse(last) as ChildFigures) : undefined);
    });
  });
}
