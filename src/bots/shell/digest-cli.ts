import { parseArgs } from 'node:util';
import { digestSince } from '../../core/digest/digest-since.js';
import { canonicalTimeZone } from '../../core/digest/zoned-time.js';
import { loadCliContext } from './cli-context.js';
import { renderTerminal } from './render-terminal.js';

const OPTIONS = { json: { type: 'boolean' }, now: { type: 'string' }, since: { type: 'string' }, tz: { type: 'string' } } as const;
const USAGE = 'Usage: cli digest [--since <ISO date>] [--now <ISO date>] [--tz <IANA zone>] [--json]';

/**
 * `cli digest`: prints the daily digest as a channel would get it. Returns undefined when the command line is not
 * a digest request, so the general CLI handles it.
 */
export async function runDigestCli(argv: string[], env: NodeJS.ProcessEnv): Promise<{ out: string; code: number } | undefined> {
  if (parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS }).positionals[0] !== 'digest') return undefined;
  let values;
  try {
    ({ values } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS }));
  } catch (err) {
    return { out: `${(err as Error).message}\n${USAGE}`, code: 2 };
  }
  const now = parseInstant('--now', values.now) ?? { date: new Date() };
  const since = parseInstant('--since', values.since);
  if ('problem' in now) return { out: now.problem, code: 2 };
  if (since && 'problem' in since) return { out: since.problem, code: 2 };
  const zoneInput = values.tz ?? env.DIGEST_TZ ?? 'America/Los_Angeles';
  const timeZone = canonicalTimeZone(zoneInput);
  if (!timeZone) return { out: `“${zoneInput}” is not a time zone; use an IANA name such as America/Los_Angeles or Europe/London.`, code: 2 };
  if (since && since.date > now.date) return { out: '--since must not be after --now.', code: 2 };

  const ctx = await loadCliContext(env, () => now.date);
  const reply = digestSince(ctx, { now: now.date, timeZone, ...(since ? { since: since.date } : {}) });
  if (values.json) return { out: JSON.stringify(reply, null, 2), code: 0 };
  return { out: renderTerminal(reply, { color: Boolean(process.stdout.isTTY) && !env.NO_COLOR }), code: 0 };
}

function parseInstant(flag: string, value: string | undefined): { date: Date } | { problem: string } | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return { problem: `${flag} must be an ISO date such as 2023-08-05 or 2023-08-05T09:00:00Z, not “${value}”.` };
  return { date: new Date(ms) };
}
