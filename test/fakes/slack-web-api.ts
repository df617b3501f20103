import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitForEvent } from './wait-for-event.js';

/**
 * A fake Slack Web API on 127.0.0.1 for tests and benches.
 *
 *   const slack = await startFakeSlackWebApi();
 *   new App({ clientOptions: { slackApiUrl: slack.apiUrl }, ... });    // or SLACK_API_URL=slack.apiUrl
 *   slack.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
 *   const post = await slack.waitForCall('chat.postMessage');           // bounded wait, clear failure message
 *   const answer = await slack.waitForResponse();                        // a POST to slack.responseUrl()
 *   await slack.close();
 *
 * Web API calls arrive as POST /api/<method>; bodies are parsed from form encoding (nested JSON strings such as
 * `blocks` are parsed too) or JSON. Every call is recorded, failed ones included. Unknown methods answer {ok:true}.
 *
 * Several workspaces: addWorkspace({ teamId, botToken, code }) makes oauth.v2.access exchange `code` for that team's
 * bot token (as after "Add to Slack"), and auth.test answer with the team of whichever token the call carries.
 */

/** One Web API call as the fake received it. */
export interface SlackApiCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  /** The HTTP status the fake answered (200, or a scripted 429/500). */
  status: number;
}

/** One POST to a response_url served by the fake. */
export interface ResponseUrlPost {
  /** The id in the URL (responseUrl(id)). */
  id: string;
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

/** A scripted failure: a 429 with Retry-After, or a 500. */
export type ScriptedFailure = { status: 429; retryAfterSec: number } | { status: 500 };

/** Key of a method answer that makes the fake fail the call after its work is done: an HTTP status, or 'reset'. */
export const FAIL_AFTER_WORK = '__failAfterWork';

/** Answer for a method: a fixed body or one computed from the call. */
export type MethodResult = Record<string, unknown> | ((call: SlackApiCall) => Record<string, unknown>);

/** The running fake and what it recorded. */
export interface FakeSlackWebApi {
  /** Base URL of the Web API, with the trailing slash the client expects. */
  readonly apiUrl: string;
  readonly calls: SlackApiCall[];
  readonly responses: ResponseUrlPost[];
  /** A response_url that records what is posted to it. */
  responseUrl(id?: string): string;
  /** Successful calls of one method, in order. */
  callsTo(method: string): SlackApiCall[];
  /** Fails the next `times` calls of a method. */
  failNext(method: string, failure: ScriptedFailure, times?: number): void;
  /** Replaces the default answer of a method. */
  respondWith(method: string, result: MethodResult): void;
  /** Answers every later call of a method this much later (a slow Slack), after doing its work; 0 stops it. */
  answerAfter(method: string, ms: number): void;
  /** Fields users.info returns for one user (e.g. { is_admin: true }). */
  setUser(id: string, fields: Record<string, unknown>): void;
  /** A workspace the OAuth exchange can install into; auth.test then recognises its token. */
  addWorkspace(workspace: FakeWorkspace): void;
  /** Where apps.connections.open sends Socket Mode clients. */
  setSocketUrl(url: string): void;
  /** Resolves with find()'s first defined result, re-checked on every recorded request; rejects after timeoutMs. */
  waitFor<T>(what: string, find: () => T | undefined, timeoutMs?: number): Promise<T>;
  /** The count-th successful call of a method that matches. */
  waitForCall(method: string, match?: (call: SlackApiCall) => boolean, count?: number, timeoutMs?: number): Promise<SlackApiCall>;
  /** The first response_url POST that matches. */
  waitForResponse(match?: (post: ResponseUrlPost) => boolean, timeoutMs?: number): Promise<ResponseUrlPost>;
  close(): Promise<void>;
}

/** Identity the fake's auth.test reports. */
export interface FakeIdentity {
  teamId: string;
  botUserId: string;
  botId: string;
}

/** A workspace for the OAuth flow: the code the browser brings back is exchanged for its bot token. */
export interface FakeWorkspace {
  teamId: string;
  botToken: string;
  /** The one-time code oauth.v2.access accepts for this workspace. */
  code: string;
  botUserId?: string;
  botId?: string;
}

/** The bearer token a recorded call carried, for checking which workspace's token a post used. */
export function tokenOf(call: { headers: IncomingHttpHeaders; body: Record<string, unknown> }): string | undefined {
  const header = call.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof call.body.token === 'string' ? call.body.token : undefined;
}

export const DEFAULT_IDENTITY: FakeIdentity = { teamId: 'T0STRIKE', botUserId: 'U0BOT', botId: 'B0BOT' };

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    let parsed: unknown = value;
    if (/^[[{]/.test(value)) {
      try {
        parsed = JSON.parse(value);
      } catch {
        parsed = value;
      }
    }
    out[key] = parsed;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeSlackWebApi(identity: FakeIdentity = DEFAULT_IDENTITY): Promise<FakeSlackWebApi> {
  const calls: SlackApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const failures = new Map<string, { failure: ScriptedFailure; left: number }>();
  const users = new Map<string, Record<string, unknown>>();
  const workspaces: FakeWorkspace[] = [];
  const identityOf = (call: SlackApiCall): FakeIdentity => {
    const ws = workspaces.find((w) => w.botToken === tokenOf(call));
    return ws ? { teamId: ws.teamId, botUserId: ws.botUserId ?? 'U0BOT', botId: ws.botId ?? 'B0BOT' } : identity;
  };
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let socketUrl: string | undefined;
  let tsCounter = 0;
  const nextTs = () => `1691150000.${String(++tsCounter).padStart(6, '0')}`;

  const defaults: Record<string, MethodResult> = {
    'auth.test': (c) => {
      const who = identityOf(c);
      return { url: 'https://strikewire-test.slack.com/', team: 'Strike Test', user: 'strikewire', team_id: who.teamId, user_id: who.botUserId, bot_id: who.botId };
    },
    'oauth.v2.access': (c) => {
      const ws = workspaces.find((w) => w.code === c.body.code);
      if (!ws) return { ok: false, error: 'invalid_code' };
      return {
        app_id: 'A0STRIKE',
        authed_user: { id: 'U0INSTALLER' },
        scope: 'commands,chat:write,channels:history',
        token_type: 'bot',
        access_token: ws.botToken,
        bot_user_id: ws.botUserId ?? 'U0BOT',
        team: { id: ws.teamId, name: `Workspace ${ws.teamId}` },
        enterprise: null,
        is_enterprise_install: false,
      };
    },
    'chat.postMessage': (c) => ({ channel: c.body.channel, ts: nextTs(), message: { text: c.body.text, blocks: c.body.blocks } }),
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'chat.update': (c) => ({ channel: c.body.channel, ts: c.body.ts, text: c.body.text }),
    'chat.delete': (c) => ({ channel: c.body.channel, ts: c.body.ts }),
    'views.publish': (c) => ({ view: { id: `V${calls.length}`, ...(c.body.view as object) } }),
    'views.open': (c) => ({ view: { id: `V${calls.length}`, ...(c.body.view as object) } }),
    'users.info': (c) => ({ user: { id: c.body.user, is_admin: false, is_owner: false, is_primary_owner: false, ...users.get(String(c.body.user)) } }),
    'conversations.history': () => ({ messages: [], has_more: false }),
    'conversations.info': (c) => ({ channel: { id: c.body.channel, is_member: true, is_archived: false } }),
    'apps.connections.open': () => (socketUrl ? { url: socketUrl } : { ok: false, error: 'invalid_auth' }),
  };
  const overrides = new Map<string, MethodResult>();
  const latency = new Map<string, number>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = parseBody(await readBody(req), req.headers['content-type']);
    const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'POST' && responseMatch) {
      responses.push({ id: decodeURIComponent(responseMatch[1]!), body, headers: req.headers });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      events.emit('recorded');
      return;
    }
    const methodMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!methodMatch) {
      res.writeHead(404).end();
      return;
    }
    const method = methodMatch[1]!;
    const scripted = failures.get(method);
    if (scripted && scripted.left > 0) {
      scripted.left -= 1;
      calls.push({ method, body, headers: req.headers, status: scripted.failure.status });
      if (scripted.failure.status === 429) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(scripted.failure.retryAfterSec) });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      } else {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      }
      events.emit('recorded');
      return;
    }
    const call: SlackApiCall = { method, body, headers: req.headers, status: 200 };
    calls.push(call);
    const result = overrides.get(method) ?? defaults[method] ?? {};
    const answer = typeof result === 'function' ? result(call) : result;
    // An answer may ask for an HTTP failure after doing its work (a message created, then a 500 or a reset).
    if (answer[FAIL_AFTER_WORK] === 'reset') {
      call.status = 0;
      req.socket.destroy();
      events.emit('recorded');
      return;
    }
    if (typeof answer[FAIL_AFTER_WORK] === 'number') {
      call.status = answer[FAIL_AFTER_WORK];
      res.writeHead(call.status, { 'content-type': 'text/plain' }).end('internal error');
      events.emit('recorded');
      return;
    }
    const wait = latency.get(method);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...answer }));
    events.emit('recorded');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => res.writeHead(400).end(err.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T>(what: string, find: () => T | undefined, timeoutMs = 10_000): Promise<T> =>
    waitForEvent(events, 'recorded', find, {
      what,
      timeoutMs,
      describe: () => `Web API calls so far: ${calls.map((c) => `${c.method}(${c.status})`).join(', ') || 'none'}; response_url posts: ${responses.length}.`,
    });

  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    responseUrl: (id = 'r1') => `${base}/response/${encodeURIComponent(id)}`,
    callsTo: (method) => calls.filter((c) => c.method === method && c.status === 200),
    failNext: (method, failure, times = 1) => void failures.set(method, { failure, left: times }),
    respondWith: (method, result) => void overrides.set(method, result),
    answerAfter: (method, ms) => void latency.set(method, ms),
    setUser: (id, fields) => void users.set(id, fields),
    addWorkspace: (workspace) => void workspaces.push(workspace),
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    waitFor,
    waitForCall: (method, match = () => true, count = 1, timeoutMs) =>
      waitFor(`${count} call(s) of ${method}`, () => calls.filter((c) => c.method === method && c.status === 200 && match(c))[count - 1], timeoutMs),
    waitForResponse: (match = () => true, timeoutMs) => waitFor('a response_url post', () => responses.find(match), timeoutMs),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
