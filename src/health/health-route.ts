import type { IncomingMessage, ServerResponse } from 'node:http';
import { evaluateHealth, type HealthSources } from './evaluate-health.js';

/** Answers GET /healthz with the health JSON; anything else at that path is 405. */
export async function handleHealthz(sources: () => HealthSources | undefined, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' }).end('{"error":"method not allowed"}');
    return;
  }
  const s = sources();
  // evaluateHealth catches every check's failure itself, so this never rejects.
  const { code, body } = s ? await evaluateHealth(s) : { code: 503, body: { status: 'starting' } };
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
}
