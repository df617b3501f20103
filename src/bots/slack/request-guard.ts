import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

/** Slack payloads are a few kilobytes; anything past this is refused before it is buffered. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Slack's replay window: a signed timestamp this far from now, in either direction, is refused. */
export const MAX_TIMESTAMP_SKEW_SEC = 5 * 60;

/** What the guard needs: the body cap and the clock signed timestamps are compared with. */
export interface RequestGuardOptions {
  maxBodyBytes?: number;
  /** Milliseconds since the epoch; the real clock by default (signatures are made with real time). */
  nowMs?: () => number;
}

/** Answers with no body and drops the connection, so a refused upload is never read to its end. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close', 'content-length': '0' });
  res.end(() => req.socket.destroy());
}

/**
 * Wraps Bolt's HTTP request listener: refuses bodies declared larger than the cap with 413 before a byte is read,
 * and signed timestamps more than five minutes from now in either direction with 401 (Bolt checks only the past).
 * Bodies without a declared length are capped by Bolt's own bodyLimit while streaming; a 413 there drops the
 * connection too.
 */
export function guardSlackRequests(inner: RequestListener, options: RequestGuardOptions = {}): RequestListener {
  const cap = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const nowMs = options.nowMs ?? Date.now;
  return (req, res) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (req.method === 'POST' && (!Number.isFinite(declared) || declared > cap)) return refuse(req, res, 413);
    const stamp = req.headers['x-slack-request-timestamp'];
    if (req.method === 'POST' && typeof stamp === 'string') {
      const seconds = Number(stamp);
      if (!Number.isFinite(seconds) || Math.abs(nowMs() / 1000 - seconds) > MAX_TIMESTAMP_SKEW_SEC) return refuse(req, res, 401);
    }
    res.once('finish', () => {
      if (res.statusCode === 413) req.socket.destroy();
    });
    inner(req, res);
  };
}
