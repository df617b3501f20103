// The container's HEALTHCHECK: GET /healthz on HEALTH_PORT (Socket Mode, Discord-only), else on PORT (Slack HTTP
// mode serves it beside /slack/events). Exits 0 only on a 200.
const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1';
const ports = [process.env.HEALTH_PORT, process.env.PORT || '3000'].filter(Boolean);
for (const port of ports) {
  try {
    const res = await fetch(`http://${host}:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
    process.exit(res.status === 200 ? 0 : 1);
  } catch {
    // nothing listening there: try the next port
  }
}
process.exit(1);
