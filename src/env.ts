import { z } from 'zod';

const optionalString = z.string().trim().min(1).optional();
const idList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

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
    DATABASE_PATH: z.string().min(1).default('./data/strikewire.db'),
    DIGEST_TZ: z
      .string()
      .default('America/Los_Angeles')
      .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as America/Los_Angeles or Europe/London'),
    STRIKEWIRE_ADMINS: idList,
    EDITORS_SLACK: idList,
    EDITORS_DISCORD: idList,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_SIGNING_SECRET'], message: 'is required in HTTP mode (set it, or set SLACK_APP_TOKEN for Socket Mode)' });
    }
  });

/** The validated environment. */
export type Env = z.infer<typeof EnvSchema>;

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
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
  throw new EnvError(`Configuration problem:\n${lines.join('\n')}\nSee .env.example for every setting.`);
}
