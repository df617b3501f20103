import { StartupError } from './startup-error.js';

const DEFAULT_API = 'https://discord.com/api';

/**
 * Checks DISCORD_TOKEN with GET /users/@me before the gateway login, so a rejected token or an unreachable Discord
 * is one line within seconds (discord.js would retry). A missing intent is found by the login itself.
 */
export async function checkDiscordToken(token: string, apiUrl: string | undefined): Promise<void> {
  const base = (apiUrl ?? DEFAULT_API).replace(/\/+$/, '');
  let status: number;
  try {
    const res = await fetch(`${base}/v10/users/@me`, { headers: { Authorization: `Bot ${token}` }, signal: AbortSignal.timeout(10_000) });
    status = res.status;
    await res.body?.cancel();
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (err as Error).name;
    throw new StartupError(`Could not reach Discord at ${base} (${why}): check DISCORD_API_URL, or the network, DNS and outbound HTTPS from this machine`);
  }
  if (status === 401 || status === 403) {
    throw new StartupError(`Discord rejected DISCORD_TOKEN (HTTP ${status}): reset the token under Bot in the Developer Portal and put it in .env`);
  }
  if (status >= 500) throw new StartupError(`Discord answered HTTP ${status} at ${base}: it may be down; try again later or check DISCORD_API_URL`);
}
