import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthSources } from './evaluate-health.js';
import { handleHealthz } from './health-route.js';

/** /healthz on its own port (HEALTH_PORT), for Socket Mode and Discord-only mode where no Slack HTTP server runs. */
export async function startHealthServer(sources: () => HealthSources | undefined, listen: { port: number; host?: string }): Promise<{ port: number; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname === '/healthz') void handleHealthz(sources, req, res);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
