import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LogLevel } from '@slack/bolt';
import { openDigestService } from '../src/bots/digests/start-digests.js';
import { createSlackApp } from '../src/bots/slack/create-slack-app.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { loadContext } from '../src/core/create-context.js';
import { fixedClock } from '../src/core/time/clock.js';
import { parseEnv } from '../src/env.js';
import { slashCommand } from '../test/fakes/slack-payloads.js';
import { FORM_CONTENT_TYPE, SlackRequestDriver } from '../test/fakes/slack-signing.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import { percentile } from './percentile.js';
import type { BenchSuite } from './run.js';

// Signed /strike status acks through the real Bolt HTTP receiver, quiet and under stress, with peak RSS:
// - flood: 40 unsigned 1 MB uploads kept in flight the whole time (each refused one is replaced at once);
// - locked: another connection holds SQLite's write lock while admins run /strike digest subscribe in between.
// Everything runs in this one process (the client too), so the figures are a ceiling on what the app adds.

const SECRET = 'stress-signing-secret';
const TOKEN = 'xoxb-stress';
const ADMIN = 'U0ADMIN';
const COMMANDS = 300;
const FLOOD = 40;
const UPLOAD_BYTES = 1024 * 1024;

interface Figures {
  acks: number[];
  peakRssMb: number;
  refusedUploads: number;
}

/** Keeps `count` unsigned 1 MB uploads in flight until stopped; counts how many the app refused with 413. */
function flood(url: string, count: number): { stop(): void; refused(): number } {
  let stopped = false;
  let refused = 0;
  const body = Buffer.alloc(UPLOAD_BYTES, 'a');
  const one = () => {
    if (stopped) return;
    const req = request(url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE, 'content-length': String(UPLOAD_BYTES) } });
    const again = () => setImmediate(one);
    req.on('response', (res) => {
      if (res.statusCode === 413) refused++;
      res.resume();
      again();
    });
    req.on('error', () => undefined);
    req.on('close', () => undefined);
    req.end(body);
  };
  for (let i = 0; i < count; i++) one();
  return { stop: () => void (stopped = true), refused: () => refused };
}

async function measure(driver: SlackRequestDriver, responseUrl: (id: string) => string, during?: (i: number) => Promise<void>): Promise<Figures> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const acks: number[] = [];
  for (let i = 0; i < COMMANDS; i++) {
    await during?.(i);
    const t0 = performance.now();
    const res = await driver.command(slashCommand({ text: 'status', responseUrl: responseUrl(`s${i}`) }));
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`status: HTTP ${res.status}`);
    acks.push(performance.now() - t0);
  }
  clearInterval(sampler);
  return { acks, peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, refusedUploads: 0 };
}

const suite: BenchSuite = {
  name: 'slack-stress',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'strikewire-stress-'));
    const path = join(dir, 'strikewire.db');
    const api = await startFakeSlackWebApi();
    api.setUser(ADMIN, { is_admin: true });
    const clock = fixedClock('2023-08-05T12:00:00Z');
    const env = parseEnv({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.apiUrl, DATABASE_PATH: path, DIGEST_TZ: 'UTC' });
    const digests = await openDigestService(env, { clock, cron: false, log: () => undefined });
    const ctx = loadContext(WGA_2023_PACK_DIR, { clock, extensions: [digests.command] });
    const app = createSlackApp(ctx, { botToken: TOKEN, signingSecret: SECRET, apiUrl: api.apiUrl, logLevel: LogLevel.ERROR });
    const port = (await app.start({ port: 0, host: '127.0.0.1' })).port!;
    const url = `http://127.0.0.1:${port}/slack/events`;
    const driver = new SlackRequestDriver(url, SECRET);
    const responseUrl = (id: string) => api.responseUrl(id);
    try {
      await measure(driver, responseUrl); // warm-up
      const quiet = await measure(driver, responseUrl);
      const flooding = flood(url, FLOOD);
      const flooded = await measure(driver, responseUrl);
      flooding.stop();
      flooded.refusedUploads = flooding.refused();
      const other = new Database(path);
      other.exec('BEGIN IMMEDIATE');
      other.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'lock', 'x')").run();
      // Every tenth status follows a subscribe that has to wait for the lock.
      const locked = await measure(driver, responseUrl, async (i) => {
        if (i % 10 === 0) await driver.command(slashCommand({ text: 'digest subscribe 09:00', userId: ADMIN, channelId: `C${i}`, responseUrl: responseUrl(`sub${i}`) }));
      });
      other.exec('ROLLBACK');
      other.close();
      // Every answer, the waiting subscribes' included, arrives before anything is closed.
      const expected = 4 * COMMANDS + COMMANDS / 10;
      await api.waitFor(`${expected} answers`, () => (api.responses.length >= expected ? true : undefined), 120_000);

      const base = percentile(quiet.acks, 99);
      console.log('\n/strike status acknowledgements (ms) and peak RSS, one request at a time, in one process');
      console.log('scenario                                   n   ack p50  ack p99  ack max   p99 / quiet p99   peak RSS MB');
      const row = (label: string, f: Figures) =>
        console.log(
          `${label.padEnd(40)} ${String(f.acks.length).padStart(4)} ${percentile(f.acks, 50).toFixed(2).padStart(8)} ${percentile(f.acks, 99).toFixed(2).padStart(8)} ${Math.max(...f.acks).toFixed(2).padStart(8)}   ${(percentile(f.acks, 99) / base).toFixed(2).padStart(8)}x   ${f.peakRssMb.toFixed(0).padStart(10)}`,
        );
      row('quiet', quiet);
      row(`flood: ${FLOOD} x 1 MB unsigned in flight`, flooded);
      row('locked database, subscribes waiting', locked);
      console.log(`uploads refused with 413 during the flood: ${flooded.refusedUploads}`);
    } finally {
      await app.stop();
      await api.close();
      await digests.store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
