import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthSources } from './evaluate-health.js';
import { handleHealthz } from './health-route.js';

/**
 * The bot's own HTTP server, for Socket Mode and Discord-only mode where no Slack HTTP server runs: /healthz, plus
 * `routes` by exact path (POST /discord/interactions when DISCORD_PUBLIC_KEY is set).
 */
export async function startHealthServer(sources: () => HealthSources | undefined, listen: { port: number; host?: string }, routes: Readonly<Record<string, RequestListener>> = {}): Promise<{ port: number; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (path === '/healthz') void handleHealthz(sources, req, res);
    else if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections (Discord's) would hold close() open.
        server.closeIdleConnections();
      }),
  };
}
