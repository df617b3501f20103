import { webApi } from '@slack/bolt';
import { StartupError } from './startup-error.js';

// Short, so an unreachable Slack fails start-up in well under 30 s instead of retrying for five minutes.
const PREFLIGHT = { timeout: 5_000, retryConfig: { retries: 2, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 } };

const TOKEN_PROBLEMS: Record<string, string> = {
  invalid_auth: 'Slack rejected SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions in your Slack app into .env',
  not_authed: 'Slack received no token (not_authed): set SLACK_BOT_TOKEN to the Bot User OAuth Token (xoxb-…)',
  account_inactive: 'Slack says the app or its workspace is deactivated (account_inactive): reinstall the app and put its new SLACK_BOT_TOKEN in .env',
  token_revoked: 'Slack says SLACK_BOT_TOKEN was revoked (token_revoked): reinstall the app and put its new token in .env',
};

/** Checks SLACK_BOT_TOKEN with auth.test before Bolt starts, turning each failure into one actionable line. */
export async function checkSlackToken(botToken: string, apiUrl: string | undefined): Promise<void> {
  const client = new webApi.WebClient(botToken, { ...PREFLIGHT, ...(apiUrl ? { slackApiUrl: apiUrl } : {}), logLevel: webApi.LogLevel.ERROR, logger: silentSlackLogger });
  try {
    await client.auth.test();
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string }; original?: { code?: string; message?: string; cause?: { code?: string; message?: string } } };
    if (e.code === webApi.ErrorCode.PlatformError && e.data?.error) {
      throw new StartupError(TOKEN_PROBLEMS[e.data.error] ?? `Slack refused SLACK_BOT_TOKEN (${e.data.error}): check the token and the app's installation`);
    }
    const where = apiUrl ?? 'https://slack.com/api/';
    const why = e.original?.cause?.code ?? e.original?.cause?.message ?? e.original?.code ?? e.original?.message ?? (err as Error).message;
    throw new StartupError(`Could not reach Slack at ${where} (${why}): check SLACK_API_URL, or the network, DNS and outbound HTTPS from this machine`);
  }
}

// The preflight's own retries are reported by the StartupError above, not as warnings.
const silentSlackLogger: webApi.Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => webApi.LogLevel.ERROR, setName() {} };
