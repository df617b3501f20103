import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();
/** A comma-separated id list; each id must have `shape`, and a set value must list at least one id. */
const idList = (shape: RegExp, form: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      const ids = s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
      if (s !== undefined && (ids.length === 0 || ids.some((id) => !shape.test(id)))) {
        ctx.addIssue({ code: 'custom', message: `must be ${form}, separated by commas` });
      }
      return ids;
    });
const SLACK_USER_IDS = idList(/^[UW][A-Z0-9]{2,}$/, 'Slack user ids such as U012AB3CD');
/** The three settings of Bolt's OAuth install flow: all of them, or none. */
const SLACK_OAUTH_SETTINGS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Every setting Strikewire reads from the environment; .env.example documents each one. */
export const EnvSchema = z
  .object({
    KNOWLEDGE_PACK: optionalString.describe('folder of the knowledge pack to load'),
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
    SLACK_API_URL: z.url().optional(),
    SLACK_CLIENT_ID: z.string().trim().regex(/^\d+\.\d+$/, 'must be the app\'s Client ID from Basic Information, such as 1234567890.1234567890').optional(),
    SLACK_CLIENT_SECRET: optionalString,
    SLACK_STATE_SECRET: z.string().min(16, 'must be at least 16 characters of your own choosing (it signs the OAuth state)').optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DISCORD_TOKEN: optionalString,
    DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,21}$/, 'must be a numeric Discord id').optional(),
    DISCORD_GUILD_ID: z.string().regex(/^\d{15,21}$/, 'must be a numeric Discord id').optional(),
    DISCORD_API_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .trim()
      // The message never repeats the value: a connection URL usually holds a password.
      .refine(isPostgresUrl, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/strikewire')
      .optional()
      .describe('PostgreSQL to keep everything in; when set, DATABASE_PATH is ignored'),
    DISCORD_PUBLIC_KEY: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be the application\'s public key: 64 hexadecimal characters, from General Information in the Developer Portal')
      .optional()
      .describe('verifies interactions Discord sends to POST /discord/interactions'),
    DATABASE_PATH: z.string().min(1).default('./data/strikewire.db'),
    DIGEST_TZ: z
      .string()
      .default('America/Los_Angeles')
      .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as America/Los_Angeles or Europe/London'),
    STRIKEWIRE_ADMINS: SLACK_USER_IDS,
    EDITORS_SLACK: idList(/^(T[A-Z0-9]{2,}:)?[UWS][A-Z0-9]{2,}$/, 'Slack user ids (U012AB3CD) or user group ids (S012AB3CD), each optionally prefixed by its team (T012AB3CD:U012AB3CD)'),
    EDITORS_DISCORD: idList(/^\d{15,21}$/, 'numeric Discord role or user ids such as 112233445566778899'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    HOST: optionalString.describe('interface the HTTP servers listen on; every interface when unset'),
    HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  })
  .superRefine((env, ctx) => {
    const oauthSet = SLACK_OAUTH_SETTINGS.filter((name) => env[name]);
    if (oauthSet.length > 0 && oauthSet.length < SLACK_OAUTH_SETTINGS.length) {
      const missing = SLACK_OAUTH_SETTINGS.filter((name) => !env[name]);
      ctx.addIssue({ code: 'custom', path: [missing[0]!], message: `is missing: installing in several workspaces (OAuth) needs all of ${SLACK_OAUTH_SETTINGS.join(', ')}; set ${missing.join(' and ')}, or unset ${oauthSet.join(' and ')}` });
    }
    // Follow-ups and edits to HTTP-delivered interactions go through the bot's REST client, which needs its token.
    if (env.DISCORD_PUBLIC_KEY && !env.DISCORD_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'is set but DISCORD_TOKEN is not: set DISCORD_TOKEN too, or unset it' });
    }
    const oauth = oauthSet.length === SLACK_OAUTH_SETTINGS.length;
    if (oauth && env.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is set together with the OAuth settings: use SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for several, not both' });
    }
    if (oauth && env.SLACK_APP_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_APP_TOKEN'], message: 'is set, but installing in several workspaces (OAuth) runs in HTTP mode only: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET' });
    }
    // Without a bot token or OAuth the Slack settings would be ignored and the shell would open instead: refuse.
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const) {
      if (env[name] && !env.SLACK_BOT_TOKEN && !oauth) ctx.addIssue({ code: 'custom', path: [name], message: 'is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-…) too, or unset it to use the local shell' });
    }
    if ((env.SLACK_BOT_TOKEN || oauth) && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)' });
    }
  });

/** The validated environment. */
export type Env = z.infer<typeof EnvSchema>;

/** True for a parseable postgres:// or postgresql:// URL (an empty host means pg's local socket, which is fine). */
export function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

/** How Slack is set up: one workspace's bot token, Bolt's OAuth install flow for several, or not at all. */
export type SlackSetup =
  | { kind: 'token'; botToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string }
  | undefined;

/** Reads the Slack set-up from a validated environment (the schema has already refused mixed set-ups). */
export function slackSetup(env: Env): SlackSetup {
  if (env.SLACK_BOT_TOKEN) return { kind: 'token', botToken: env.SLACK_BOT_TOKEN };
  if (env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET) {
    return { kind: 'oauth', clientId: env.SLACK_CLIENT_ID, clientSecret: env.SLACK_CLIENT_SECRET, stateSecret: env.SLACK_STATE_SECRET };
  }
  return undefined;
}

/** True when Intl knows `tz` as a time zone. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Thrown for a bad environment; the message names each variable and what is wrong, never its value. */
export class EnvError extends Error {}

/** Parses the environment; empty strings count as unset, as in most .env tooling. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  // One line, so a failed start leaves exactly one line on stderr.
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
  throw new EnvError(`Configuration problem: ${problems.join('; ')}. See .env.example for every setting.`);
}
