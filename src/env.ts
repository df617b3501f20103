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

/** Every setting Strikewire reads from the environment; .env.example documents each one. */
export const EnvSchema = z
  .object({
    KNOWLEDGE_PACK: optionalString.describe('folder of the knowledge pack to load'),
    SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
    SLACK_API_URL: z.url().optional(),
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
    EDITORS_SLACK: idList(/^[UWS][A-Z0-9]{2,}$/, 'Slack user ids (U012AB3CD) or user group ids (S012AB3CD)'),
    EDITORS_DISCORD: idList(/^\d{15,21}$/, 'numeric Discord role or user ids such as 112233445566778899'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    HOST: optionalString.describe('interface the HTTP servers listen on; every interface when unset'),
    HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  })
  .superRefine((env, ctx) => {
    // Without a bot token the Slack settings would be ignored and the shell would open instead: refuse.
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const) {
      if (env[name] && !env.SLACK_BOT_TOKEN) ctx.addIssue({ code: 'custom', path: [name], message: 'is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-…) too, or unset it to use the local shell' });
    }
    // Follow-ups and edits to HTTP-delivered interactions go through the bot's REST client, which needs its token.
    if (env.DISCORD_PUBLIC_KEY && !env.DISCORD_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'is set but DISCORD_TOKEN is not: set DISCORD_TOKEN too, or unset it' });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
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
