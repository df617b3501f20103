import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the proxy answers over the limit: Slack's 429 (integer Retry-After) or Discord's (plus JSON retry_after). */
export type RateLimitStyle = 'slack' | 'discord';

/** A running rate-limiting front for a fake platform API. */
export interface RateLimitProxy {
  url: string;
  /** Requests answered 429. */
  readonly limited: number;
  /** Requests let through to the fake. */
  readonly passed: number;
  /** Milliseconds from the first to the last request let through. */
  readonly spanMs: number;
  close(): Promise<void>;
}

/**
 * Puts a fixed-window rate limit (`perSecond` matching requests per second, windows from the first one) in front of a
 * fake platform API: requests over it get 429 with Retry-After until the window ends, the rest are forwarded
 * unchanged, so the fake records exactly the posts that were accepted.
 */
export async function startRateLimitProxy(target: string, options: { perSecond: number; style: RateLimitStyle; limits: (method: string, path: string) => boolean }): Promise<RateLimitProxy> {
  const upstream = new URL(target);
  let windowStart = 0;
  let firstAt = 0;
  let used = 0;
  let limited = 0;
  let passed = 0;
  let lastPassAt = 0;

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  };

  const server = createServer((req, res) => {
    if (!options.limits(req.method ?? 'GET', req.url ?? '/')) return forward(req, res);
    const now = performance.now();
    if (firstAt === 0) firstAt = now;
    if (windowStart === 0 || now - windowStart >= 1000) {
      // Windows stay aligned to the first request, like a bucket that refills every second.
      windowStart = windowStart === 0 ? now : windowStart + Math.floor((now - windowStart) / 1000) * 1000;
      used = 0;
    }
    if (used < options.perSecond) {
      used += 1;
      passed += 1;
      lastPassAt = now;
      return forward(req, res);
    }
    limited += 1;
    const resetAfter = (windowStart + 1000 - now) / 1000;
    req.resume();
    if (options.style === 'slack') {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.max(1, Math.ceil(resetAfter))) }).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
    } else {
      res
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': String(Math.max(1, Math.ceil(resetAfter))), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' })
        .end(JSON.stringify({ message: 'You are being rate limited.', retry_after: Number(resetAfter.toFixed(3)), global: true }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get limited() {
      return limited;
    },
    get passed() {
      return passed;
    },
    get spanMs() {
      return passed === 0 ? 0 : lastPassAt - firstAt;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
