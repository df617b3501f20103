/**
 * The REST half of the fake Discord: answers the routes discord.js uses under /api/v10, records every call and
 * can answer 429 on demand. Routes are written the way the recorded calls name them, e.g.
 * "PATCH /webhooks/:app/:token/messages/:message" (":message" is "@original" for the deferred reply).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { FakeMessageStore, KNOWN_CHANNELS, type MessageBody } from './discord-fake-messages.js';
import { FAKE_IDS, fakeMessage, nextSnowflake, userObject } from './discord-fake-payloads.js';

/** One request the fake received, with what it answered. */
export interface RecordedCall {
  seq: number;
  method: string;
  /** Path after /api/v10, URL-decoded ("%40original" reads "@original"). */
  path: string;
  /** The matching route pattern with its method, e.g. "POST /channels/:channel/messages"; "unknown" if none. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  authorization: string | undefined;
  body: any;
  status: number;
  /** performance.now() when the request arrived. */
  at: number;
}

/** What a route handler returns; no body means 204 with no content-type (discord.js would try to parse one). */
type RouteResult = { status: number; body?: unknown };
type Handler = (call: RecordedCall) => RouteResult;

/** A scripted answer for the next calls of a route: a 429, or any other failure. */
type Script =
  | { kind: 'rate-limit'; route: string; remaining: number; retryAfterSeconds: number; global: boolean }
  | { kind: 'fail'; route: string; remaining: number; status: number; code: number; message: string };

const ROUTES: [string, string][] = [
  ['GET', '/gateway/bot'],
  ['GET', '/gateway'],
  ['GET', '/users/@me'],
  ['GET', '/applications/@me'],
  ['POST', '/interactions/:id/:token/callback'],
  ['POST', '/webhooks/:app/:token'],
  ['GET', '/webhooks/:app/:token/messages/:message'],
  ['PATCH', '/webhooks/:app/:token/messages/:message'],
  ['DELETE', '/webhooks/:app/:token/messages/:message'],
  ['GET', '/channels/:channel'],
  ['GET', '/channels/:channel/messages'],
  ['POST', '/channels/:channel/messages'],
  ['PATCH', '/channels/:channel/messages/:message'],
  ['DELETE', '/channels/:channel/messages/:message'],
  ['POST', '/channels/:channel/typing'],
  ['PUT', '/applications/:app/commands'],
  ['PUT', '/applications/:app/guilds/:guild/commands'],
];

function matchRoute(method: string, path: string): { route: string; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const [m, pattern] of ROUTES) {
    if (m !== method) continue;
    const want = pattern.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = parts[i]!), true) : w === parts[i]))) return { route: `${m} ${pattern}`, params };
  }
  return undefined;
}

/** REST routes of the fake Discord; see discord-fake.ts for the public surface. */
export class FakeDiscordRest {
  readonly calls: RecordedCall[] = [];
  readonly events = new EventEmitter();
  private readonly scripts: Script[] = [];
  private readonly messages = new FakeMessageStore();
  private seq = 0;

  constructor(private readonly gatewayUrl: () => string) {
    this.events.setMaxListeners(0);
  }

  /** Members' chatter: `count` messages in a channel from someone else, as if typed after whatever is there. */
  chatter(channelId: string, count: number, author: 'member' | 'steward' = 'member'): void {
    for (let i = 0; i < count; i++) this.messages.create(channelId, { content: `chatter ${i}` }, { author });
  }

  /** Answers the next `times` calls of `route` with 429, Retry-After and Discord's JSON body. */
  rateLimit(route: string, options: { times?: number; retryAfterSeconds?: number; global?: boolean } = {}): void {
    this.scripts.push({ kind: 'rate-limit', route, remaining: options.times ?? 1, retryAfterSeconds: options.retryAfterSeconds ?? 1, global: options.global ?? false });
  }

  /** Answers the next `times` calls of `route` with `status` and Discord's JSON error body ({ message, code }). */
  failNext(route: string, options: { status: number; code?: number; message?: string; times?: number }): void {
    this.scripts.push({ kind: 'fail', route, remaining: options.times ?? 1, status: options.status, code: options.code ?? 0, message: options.message ?? `${options.status}: scripted failure` });
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const raw = await readBody(req);
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, ''));
    const method = req.method ?? 'GET';
    const matched = matchRoute(method, path);
    const call: RecordedCall = {
      seq: ++this.seq, method, path, route: matched?.route ?? 'unknown', params: matched?.params ?? {},
      query: Object.fromEntries(url.searchParams), authorization: req.headers.authorization,
      body: parseBody(raw, req.headers['content-type']), status: 0, at: performance.now(),
    };
    const script = this.scripts.find((s) => s.route === call.route && s.remaining > 0);
    let result: RouteResult;
    if (script) {
      script.remaining -= 1;
      result = script.kind === 'rate-limit' ? this.tooManyRequests(res, script) : { status: script.status, body: { message: script.message, code: script.code } };
    } else {
      result = this.answer(call);
    }
    call.status = result.status;
    this.calls.push(call);
    if (result.body === undefined) {
      res.writeHead(result.status).end();
    } else {
      res.writeHead(result.status, { 'content-type': 'application/json' }).end(JSON.stringify(result.body));
    }
    this.events.emit('call', call);
  }

  private tooManyRequests(res: ServerResponse, s: Extract<Script, { kind: 'rate-limit' }>): RouteResult {
    // Headers and body as Discord sends them (developers/topics/rate-limits).
    res.setHeader('Retry-After', String(Math.ceil(s.retryAfterSeconds)));
    res.setHeader('X-RateLimit-Limit', '5');
    res.setHeader('X-RateLimit-Remaining', '0');
    res.setHeader('X-RateLimit-Reset', String(Date.now() / 1000 + s.retryAfterSeconds));
    res.setHeader('X-RateLimit-Reset-After', String(s.retryAfterSeconds));
    res.setHeader('X-RateLimit-Bucket', 'fake-bucket');
    res.setHeader('X-RateLimit-Scope', s.global ? 'global' : 'user');
    if (s.global) res.setHeader('X-RateLimit-Global', 'true');
    return { status: 429, body: { message: 'You are being rate limited.', retry_after: s.retryAfterSeconds, global: s.global, ...(s.global ? { code: 0 } : {}) } };
  }

  private readonly handlers: Record<string, Handler> = {
    'GET /gateway/bot': () => ({ status: 200, body: { url: this.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } } }),
    'GET /gateway': () => ({ status: 200, body: { url: this.gatewayUrl() } }),
    'GET /users/@me': () => ({ status: 200, body: userObject('bot') }),
    'GET /applications/@me': () => ({ status: 200, body: { id: FAKE_IDS.application, name: 'Strikewire', flags: 0, bot_public: true, description: '' } }),
    'POST /interactions/:id/:token/callback': () => ({ status: 204 }),
    // Interaction webhook messages are answered but not kept: the fake does not track which channel a token is in.
    'POST /webhooks/:app/:token': (c) => ({ status: 200, body: webhookMessage(c) }),
    'GET /webhooks/:app/:token/messages/:message': (c) => ({ status: 200, body: webhookMessage(c) }),
    'PATCH /webhooks/:app/:token/messages/:message': (c) => ({ status: 200, body: webhookMessage(c) }),
    'DELETE /webhooks/:app/:token/messages/:message': () => ({ status: 204 }),
    'GET /channels/:channel': (c) => {
      const channel = KNOWN_CHANNELS[c.params.channel!];
      return channel ? { status: 200, body: { id: c.params.channel, ...channel } } : UNKNOWN_CHANNEL;
    },
    'GET /channels/:channel/messages': (c) => (KNOWN_CHANNELS[c.params.channel!] ? { status: 200, body: this.messages.page(c.params.channel!, c.query) } : UNKNOWN_CHANNEL),
    'POST /channels/:channel/messages': (c) => (KNOWN_CHANNELS[c.params.channel!] ? { status: 200, body: this.messages.create(c.params.channel!, c.body ?? {}) } : UNKNOWN_CHANNEL),
    'PATCH /channels/:channel/messages/:message': (c) => {
      const edited = this.messages.edit(c.params.channel!, c.params.message!, c.body ?? {});
      if (edited === 'empty') return { status: 400, body: { message: 'Cannot send an empty message', code: 50006 } };
      return edited ? { status: 200, body: edited } : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
    },
    'DELETE /channels/:channel/messages/:message': (c) =>
      this.messages.remove(c.params.channel!, c.params.message!) ? { status: 204 } : { status: 404, body: { message: 'Unknown Message', code: 10008 } },
    'POST /channels/:channel/typing': () => ({ status: 204 }),
    'PUT /applications/:app/commands': (c) => ({ status: 200, body: registered(c) }),
    'PUT /applications/:app/guilds/:guild/commands': (c) => ({ status: 200, body: registered(c) }),
  };

  private answer(call: RecordedCall): RouteResult {
    const handler = this.handlers[call.route];
    if (!handler) return { status: 404, body: { message: '404: Not Found', code: 0 } };
    const needsBotToken = !call.route.includes('/interactions/') && !call.route.includes('/webhooks/');
    if (needsBotToken && !call.authorization?.startsWith('Bot ')) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    return handler(call);
  }
}

const UNKNOWN_CHANNEL: RouteResult = { status: 404, body: { message: 'Unknown Channel', code: 10003 } };

function webhookMessage(call: RecordedCall) {
  const body = (call.body ?? {}) as MessageBody;
  const id = call.params.message && call.params.message !== '@original' ? call.params.message : nextSnowflake();
  return fakeMessage({
    id, channelId: FAKE_IDS.channel, author: userObject('bot'), content: body.content ?? '', flags: body.flags ?? 0,
    embeds: body.embeds ?? [], components: body.components ?? [], webhookId: FAKE_IDS.application,
  });
}

function registered(call: RecordedCall) {
  const list = Array.isArray(call.body) ? (call.body as Record<string, unknown>[]) : [];
  return list.map((c) => ({ ...c, id: nextSnowflake(), application_id: call.params.app, version: nextSnowflake(), ...(call.params.guild ? { guild_id: call.params.guild } : {}) }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.startsWith('application/json')) return JSON.parse(raw);
  if (contentType?.startsWith('multipart/form-data')) {
    // discord.js sends JSON as a "payload_json" part when files are attached; the bot attaches none.
    const match = /name="payload_json"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
    return match ? JSON.parse(match[1]!) : raw;
  }
  return raw;
}
