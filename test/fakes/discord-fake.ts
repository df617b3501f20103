/**
 * A fake Discord on 127.0.0.1 that a real discord.js Client logs in to: REST under /api/v10 and a gateway
 * WebSocket, on one random port. Point the client at it with `rest: { api: fake.apiUrl }` (or DISCORD_API_URL);
 * GET /gateway/bot then sends the client to the fake gateway.
 *
 * Surface, kept small on purpose:
 *   fake.apiUrl                       REST base for discord.js
 *   fake.calls / fake.identifies      everything received, in order
 *   fake.dispatch(t, d)               push a gateway event (INTERACTION_CREATE, MESSAGE_CREATE, …)
 *   fake.rateLimit(route, {times})    answer the next calls of a route with 429 + Retry-After
 *   fake.failNext(route, {status})    answer the next calls of a route with another error ({ message, code })
 *   fake.chatter(channel, n)          n messages from a member in a channel (a busy channel's history)
 *   fake.waitForCall(match, what)     resolves with the first matching call; rejects after a timeout naming `what`
 *   fake.waitForReady()               resolves once a client has identified
 *   fake.waitForIdentifies(n)         resolves once n IDENTIFYs have arrived in all
 *   fake.waitForOpenSessions(n)       resolves once exactly n ready sessions are open
 *   fake.close()
 * startFakeDiscord({ refuseIdentifyWith: 4014 }) makes the gateway refuse every session with that close code.
 * Channel messages the bot posts are kept per channel (discord-fake-messages.ts): edits, listings and enforced
 * nonces work on them. Payload builders for gateway events live in discord-fake-payloads.ts.
 */
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeDiscordGateway, type RecordedIdentify } from './discord-fake-gateway.js';
import { FakeDiscordRest, type RecordedCall } from './discord-fake-rest.js';

export type { RecordedCall } from './discord-fake-rest.js';
export type { RecordedIdentify } from './discord-fake-gateway.js';

/** Route names as recorded calls carry them. */
export const FAKE_ROUTES = {
  callback: 'POST /interactions/:id/:token/callback',
  editOriginal: 'PATCH /webhooks/:app/:token/messages/:message',
  followUp: 'POST /webhooks/:app/:token',
  channelMessage: 'POST /channels/:channel/messages',
  channelMessages: 'GET /channels/:channel/messages',
  editChannelMessage: 'PATCH /channels/:channel/messages/:message',
  deleteChannelMessage: 'DELETE /channels/:channel/messages/:message',
  putGlobalCommands: 'PUT /applications/:app/commands',
  putGuildCommands: 'PUT /applications/:app/guilds/:guild/commands',
} as const;

/** A running fake Discord. */
export interface FakeDiscord {
  apiUrl: string;
  calls: readonly RecordedCall[];
  identifies: readonly RecordedIdentify[];
  dispatch(t: string, d: unknown): void;
  rateLimit(route: string, options?: { times?: number; retryAfterSeconds?: number; global?: boolean }): void;
  failNext(route: string, options: { status: number; code?: number; message?: string; times?: number }): void;
  chatter(channelId: string, count: number): void;
  waitForCall(match: (call: RecordedCall) => boolean, what: string, timeoutMs?: number): Promise<RecordedCall>;
  waitForReady(timeoutMs?: number): Promise<void>;
  waitForIdentifies(count: number, timeoutMs?: number): Promise<void>;
  waitForOpenSessions(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 5000;

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: { heartbeatIntervalMs?: number; refuseIdentifyWith?: number } = {}): Promise<FakeDiscord> {
  const server = createServer();
  let base = '';
  const rest = new FakeDiscordRest(() => `${base.replace('http', 'ws')}/gateway`);
  const gateway = new FakeDiscordGateway(server, '/gateway', () => `${base.replace('http', 'ws')}/gateway`, options.heartbeatIntervalMs ?? 41_250);
  gateway.refuseIdentifyWith = options.refuseIdentifyWith;
  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    rest.handle(req, res, url).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ message: String(err), code: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api`,
    calls: rest.calls,
    identifies: gateway.identifies,
    dispatch: (t, d) => gateway.dispatch(t, d),
    rateLimit: (route, o) => rest.rateLimit(route, o),
    failNext: (route, o) => rest.failNext(route, o),
    chatter: (channelId, count) => rest.chatter(channelId, count),
    waitForCall(match, what, timeoutMs = DEFAULT_WAIT_MS) {
      const found = rest.calls.find(match);
      if (found) return Promise.resolve(found);
      return waitForEvent(rest.events, 'call', (c: RecordedCall) => match(c), timeoutMs, () => `${what}; calls so far:\n${summarize(rest.calls)}`);
    },
    async waitForReady(timeoutMs = DEFAULT_WAIT_MS) {
      if (gateway.readySessions > 0) return;
      await waitForEvent(gateway.events, 'ready', () => true, timeoutMs, () => 'a client to IDENTIFY on the fake gateway');
    },
    async waitForIdentifies(count, timeoutMs = DEFAULT_WAIT_MS) {
      if (gateway.identifies.length >= count) return;
      await waitForEvent(gateway.events, 'identify', () => gateway.identifies.length >= count, timeoutMs, () => `${count} IDENTIFYs on the fake gateway (${gateway.identifies.length} so far)`);
    },
    async waitForOpenSessions(count, timeoutMs = DEFAULT_WAIT_MS) {
      if (gateway.openSessions === count) return;
      // Sessions open on 'ready' and end on 'closed': both re-check the count, which is all this listens for.
      const changes = new EventEmitter();
      const relay = () => changes.emit('change');
      gateway.events.on('ready', relay).on('closed', relay);
      try {
        await waitForEvent(changes, 'change', () => gateway.openSessions === count, timeoutMs, () => `${count} open gateway session(s) (${gateway.openSessions} now)`);
      } finally {
        gateway.events.off('ready', relay).off('closed', relay);
      }
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function waitForEvent<T>(emitter: NodeJS.EventEmitter, event: string, match: (value: T) => boolean, timeoutMs: number, what: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onEvent = (value: T) => {
      if (!match(value)) return;
      clearTimeout(timer);
      emitter.off(event, onEvent);
      resolve(value);
    };
    const timer = setTimeout(() => {
      emitter.off(event, onEvent);
      reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what()}`));
    }, timeoutMs);
    emitter.on(event, onEvent);
  });
}

function summarize(calls: readonly RecordedCall[]): string {
  return calls.map((c) => `  #${c.seq} ${c.method} ${c.path} -> ${c.status}`).join('\n') || '  (none)';
}
