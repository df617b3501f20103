import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { App, LogLevel } from '@slack/bolt';
import { createSlackApp } from '../src/bots/slack/create-slack-app.js';
import { loadContext } from '../src/core/create-context.js';
import { fixedClock } from '../src/core/time/clock.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { slashCommand } from '../test/fakes/slack-payloads.js';
import { SlackRequestDriver } from '../test/fakes/slack-signing.js';
import { startFakeSlackWebApi } from '../test/fakes/slack-web-api.js';
import { createTestDatabase } from '../test/support/test-database.js';
import { InteractionClaims } from '../src/store/interaction-claims.js';
import { percentile } from './percentile.js';
import type { BenchSuite } from './run.js';

// Signed /strike requests through the real Bolt HTTPReceiver on loopback: Strikewire beside a bare Bolt app that
// acknowledges with a constant, interleaved in rounds so both see the same machine state. The load generator and
// the response_url sink run in a worker thread, as Slack would be a separate machine: otherwise the work Strikewire
// does after its ack would hold up the client's reading of that ack and be counted against it.

const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench-token';
const ROUNDS = 5;
const PER_ROUND = 200; // per scenario, round and mode: bounded at about 6,600 requests in all
const WARMUP = 100;
const CONCURRENCY = 8;
// sqlite and postgres: /strike status on Strikewire with its claims (replayed commands) in each store, as a deployed bot runs.
const TEXTS = { bare: 'status', status: 'status', ask: 'ask what did the AMPTP say about staffing?', sqlite: 'status', postgres: 'status' } as const;
type ScenarioName = keyof typeof TEXTS;

interface BatchRequest {
  scenario: ScenarioName;
  n: number;
  concurrency: number;
}
interface BatchResult {
  ack: number[];
  answer: number[];
  wallMs: number;
}
interface ClientConfig {
  role: 'slack-bench-client';
  ports: Record<ScenarioName, number>;
}

/** Worker side: posts signed commands and times the ack (HTTP response) and the answer (response_url POST). */
async function runClient(config: ClientConfig): Promise<void> {
  const waiters = new Map<string, () => void>();
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      waiters.get(decodeURIComponent((req.url ?? '').split('/').pop() ?? ''))?.();
      res.end('ok');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/r/`;
  const drivers = Object.fromEntries(
    Object.entries(config.ports).map(([name, port]) => [name, new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, SECRET)]),
  ) as Record<ScenarioName, SlackRequestDriver>;
  let seq = 0;

  const batch = async ({ scenario, n, concurrency }: BatchRequest): Promise<BatchResult> => {
    const result: BatchResult = { ack: [], answer: [], wallMs: 0 };
    let started = 0;
    const worker = async () => {
      while (started < n) {
        started += 1;
        const id = `b${++seq}`;
        // The bare app answers inside its ack; Strikewire answers afterwards on the response_url.
        const delivered = scenario === 'bare' ? undefined : new Promise<void>((resolve) => waiters.set(id, () => (waiters.delete(id), resolve())));
        const t0 = performance.now();
        const res = await drivers[scenario].command(slashCommand({ text: TEXTS[scenario], responseUrl: base + id }));
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${scenario}: HTTP ${res.status}`);
        const acked = performance.now();
        await delivered;
        result.ack.push(acked - t0);
        result.answer.push(performance.now() - t0);
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    result.wallMs = performance.now() - t0;
    return result;
  };

  parentPort!.on('message', (msg: BatchRequest | 'close') => {
    if (msg === 'close') {
      sink.closeAllConnections();
      sink.close();
      parentPort!.close();
      return;
    }
    batch(msg).then((r) => parentPort!.postMessage(r), (err: Error) => parentPort!.postMessage({ error: err.message }));
  });
  parentPort!.postMessage('ready');
}

if (!isMainThread && (workerData as ClientConfig | undefined)?.role === 'slack-bench-client') await runClient(workerData as ClientConfig);

/** Starts this file as the client worker (tsx is registered inside it first: workers do not inherit loaders). */
function startClient(config: ClientConfig): Promise<{ run(req: BatchRequest): Promise<BatchResult>; close(): Promise<void> }> {
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(source, { eval: true, workerData: config });
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      // One listener pair per request, removed when either fires, so long runs do not pile up listeners.
      const onMessage = (m: unknown) => {
        worker.off('error', onError);
        resolve(m);
      };
      const onError = (err: Error) => {
        worker.off('message', onMessage);
        reject(err);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  return next().then(() => ({
    async run(req) {
      const reply = next();
      worker.postMessage(req);
      const r = (await reply) as BatchResult | { error: string };
      if ('error' in r) throw new Error(r.error);
      return r;
    },
    async close() {
      worker.postMessage('close');
      await new Promise((r) => worker.once('exit', r));
    },
  }));
}


const ms = (v: number) => v.toFixed(2).padStart(7);

function report(title: string, results: Record<ScenarioName, BatchResult>): void {
  const bareP99 = percentile(results.bare.ack, 99);
  console.log(`\n${title}`);
  console.log('scenario                         n    req/s   ack p50  ack p99  ack max   answer p50  answer p99   p99 / bare p99');
  const labels: Record<ScenarioName, string> = { bare: 'bare Bolt app, constant ack', status: 'strikewire /strike status', ask: 'strikewire /strike ask', sqlite: 'status, claims on SQLite', postgres: 'status, claims on PostgreSQL' };
  for (const name of Object.keys(labels) as ScenarioName[]) {
    const r = results[name];
    const ackP99 = percentile(r.ack, 99);
    const answerP99 = percentile(r.answer, 99);
    console.log(
      `${labels[name].padEnd(30)} ${String(r.ack.length).padStart(5)} ${(r.ack.length / (r.wallMs / 1000)).toFixed(0).padStart(8)} ${ms(percentile(r.ack, 50))} ${ms(ackP99)} ${ms(Math.max(...r.ack))}      ${ms(percentile(r.answer, 50))}     ${ms(answerP99)}   ack ${(ackP99 / bareP99).toFixed(2)}x, answer ${(answerP99 / bareP99).toFixed(2)}x`,
    );
  }
  const pgOverSqlite = percentile(results.postgres.ack, 99) / percentile(results.sqlite.ack, 99);
  console.log(`ack p99 with claims on PostgreSQL / on SQLite: ${pgOverSqlite.toFixed(2)}x`);
}

const suite: BenchSuite = {
  name: 'slack',
  async run() {
    const api = await startFakeSlackWebApi();
    const ctx = loadContext(WGA_2023_PACK_DIR, { clock: fixedClock('2023-08-05T12:00:00Z') });
    const strikewire = createSlackApp(ctx, { botToken: TOKEN, signingSecret: SECRET, apiUrl: api.apiUrl, logLevel: LogLevel.ERROR });
    const swPort = (await strikewire.start({ port: 0, host: '127.0.0.1' })).port!;
    const stored = await Promise.all((['sqlite', 'postgres'] as const).map(async (kind) => {
      const database = await createTestDatabase(kind);
      const store = await database.open();
      const app = createSlackApp(ctx, { botToken: TOKEN, signingSecret: SECRET, apiUrl: api.apiUrl, logLevel: LogLevel.ERROR, claims: new InteractionClaims(store) });
      const port = (await app.start({ port: 0, host: '127.0.0.1' })).port!;
      return { app, port, close: async () => (await app.stop(), await store.close(), await database.drop()) };
    }));
    const bare = new App({ token: TOKEN, signingSecret: SECRET, clientOptions: { slackApiUrl: api.apiUrl }, logLevel: LogLevel.ERROR, deferInitialization: true });
    bare.command('/strike', async ({ ack }) => ack({ response_type: 'ephemeral', text: 'ok' }));
    await bare.init();
    const barePort = ((await bare.start({ port: 0, host: '127.0.0.1' })).address() as AddressInfo).port;
    const client = await startClient({ role: 'slack-bench-client', ports: { bare: barePort, status: swPort, ask: swPort, sqlite: stored[0]!.port, postgres: stored[1]!.port } });

    try {
      for (const [title, concurrency] of [
        ['one request at a time (ms)', 1],
        [`${CONCURRENCY} requests in flight (ms)`, CONCURRENCY],
      ] as const) {
        const names: ScenarioName[] = ['bare', 'status', 'ask', 'sqlite', 'postgres'];
        for (const scenario of names) await client.run({ scenario, n: WARMUP, concurrency });
        const results = Object.fromEntries(names.map((n) => [n, { ack: [], answer: [], wallMs: 0 }])) as unknown as Record<ScenarioName, BatchResult>;
        for (let round = 0; round < ROUNDS; round++) {
          for (const scenario of names) {
            const r = await client.run({ scenario, n: PER_ROUND, concurrency });
            results[scenario].ack.push(...r.ack);
            results[scenario].answer.push(...r.answer);
            results[scenario].wallMs += r.wallMs;
          }
        }
        report(title, results);
      }
      console.log('\nack = the HTTP response Slack waits for (3 s deadline); answer = until the reply reached the response_url.');
      console.log('The bare app answers inside its ack, so for it the two are the same.');
    } finally {
      await client.close();
      await strikewire.stop();
      for (const s of stored) await s.close();
      await bare.stop();
      await api.close();
    }
  },
};

export default suite;
